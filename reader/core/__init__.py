"""Everything that is not drawing. Nothing under this package imports Qt."""
