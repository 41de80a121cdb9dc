"""Interactive views (ipywidgets). Thin: they read controls, call a chapter module, draw."""

from sevencs.widgets.connection import ConnectionExplorer
from sevencs.widgets.quiz import QuestionWidget, ReflectionWidget

__all__ = ["ConnectionExplorer", "QuestionWidget", "ReflectionWidget"]
