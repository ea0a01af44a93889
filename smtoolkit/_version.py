"""The toolkit version, recorded in every build.json."""

__version__ = "0.1.0"
