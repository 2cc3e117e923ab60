"""Rasa SDK actions: thin adapters from the tracker to rules/ and back to responses plus structured data."""
