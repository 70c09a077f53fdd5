"""The command line: one module per command family; main.py builds the parser and runs the command."""

from desktop.cli.main import main

__all__ = ["main"]
