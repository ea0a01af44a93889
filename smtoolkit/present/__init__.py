"""Presentation helpers used by the notebooks: escaped HTML fragments and charts."""
