"""The chapters' explorers (ipywidgets). Thin: they read controls, call a chapter module, draw."""

from sevencs.widgets.connection import ConnectionExplorer

__all__ = ["ConnectionExplorer"]
