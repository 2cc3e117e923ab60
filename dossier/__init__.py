"""The dossier of a conversation: the facts the user gave, per case, with where each came from."""

from dossier.model import Dossier, Feit, Zaak

__all__ = ["Dossier", "Feit", "Zaak"]
