"""The Rasa server's entry point: `rasa` (3.6) with one throughput fix, run with the Rasa environment's Python.

Rasa checks every answer of the action server (and every event posted to its tracker API) with
`jsonschema.validate(instance, schema)`, and that function first checks the *schema* against the JSON Schema
meta-schema, on every call. Profiled under load (docs/benchmarks.md) the meta-schema check took about 45 % of
the Rasa server's CPU time. Here each distinct schema is checked once and its validator reused: the same
check of each instance, the same error (jsonschema's own best match).
"""

from __future__ import annotations

import json
import sys
from typing import Any


def validate_with_cached_validators() -> None:
    import jsonschema
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    validators: dict[str, Any] = {}
    original = jsonschema.validate

    def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            original(instance, schema, cls, *args, **kwargs)
            return
        # Rasa builds some schemas anew per call, so the key is the schema's content, not its identity.
        key = json.dumps(schema, sort_keys=True, default=str) + repr(cls)
        validator = validators.get(key)
        if validator is None:
            kind = cls or validator_for(schema)
            kind.check_schema(schema)
            validator = validators[key] = kind(schema)
        error = best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    jsonschema.validate = validate


if __name__ == "__main__":
    validate_with_cached_validators()
    from rasa.__main__ import main

    sys.exit(main())
