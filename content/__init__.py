"""Law and local policy as validated YAML: the schema, the loader and the immutable rule set."""

from content.loader import load_rule_set
from content.schema import Bron, BronSoort, Parameter, RuleSet, Uitleg

__all__ = ["Bron", "BronSoort", "Parameter", "RuleSet", "Uitleg", "load_rule_set"]
