"""The package version, in a module of its own: every layer names it, and importing it runs nothing."""

__version__ = "0.1.0"
