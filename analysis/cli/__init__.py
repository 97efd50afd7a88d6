"""The command line, one module per command: `report` (the default: articles side by side),
`evaluate`, `batch` and `handout`; `main` dispatches to them. Nothing below imports it."""

from .main import main

__all__ = ["main"]
