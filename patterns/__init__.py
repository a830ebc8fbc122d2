"""credparse's catalog and rule patterns, shipped as package data (read via importlib.resources)."""
