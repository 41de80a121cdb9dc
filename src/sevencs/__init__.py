"""Seven Cs: the seven Cs of social media, as numbers you can move.

Chapter modules: :mod:`sevencs.connection` (more to come, one per C). Sample
data: :mod:`sevencs.datasets`. Exercises: :mod:`sevencs.exercises`. Explorers:
:mod:`sevencs.widgets`. Your progress: :func:`my_progress`, :func:`reset_chapter`.
"""

from sevencs.progress import my_progress, reset_chapter

__version__ = "0.1.0"
__all__ = ["my_progress", "reset_chapter", "__version__"]
