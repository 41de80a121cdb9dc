"""Seven Cs: the seven Cs of social media, as numbers you can move.

Chapter modules: one per C (:mod:`sevencs.connection` ... :mod:`sevencs.clients`). Sample
data: :mod:`sevencs.datasets`. Exercises: :mod:`sevencs.exercises`. Explorers:
:mod:`sevencs.widgets`. Your progress: ``sevencs.progress()`` (a chart and a table;
the module :mod:`sevencs.progress` is callable), :func:`my_progress`, :func:`reset` (asks
first) and :func:`reset_chapter`. Your plan: :mod:`sevencs.plan`. The command line:
``sevencs --help`` (:mod:`sevencs.cli`).
"""

from sevencs.progress import my_progress, reset, reset_chapter

__version__ = "0.1.0"
__all__ = ["my_progress", "progress", "reset", "reset_chapter", "__version__"]
