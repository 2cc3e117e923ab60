"""The load test behind `make bench` (see bench/__main__.py)."""
