"""Seven Cs: the seven Cs of social media, as numbers you can move.

Chapter modules: one per C (:mod:`sevencs.connection` ... :mod:`sevencs.clients`). Sample
data: :mod:`sevencs.datasets`. Exercises: :mod:`sevencs.exercises`. Explorers:
:mod:`sevencs.widgets`. Your own data: :mod:`sevencs.imports` and :mod:`sevencs.audit`.
Your progress: :func:`progress` (a chart and a table), :func:`my_progress`, :func:`reset`
(asks first) and :func:`reset_chapter`. Your plan: :mod:`sevencs.learner.plan`. The command
line: ``sevencs --help`` (:mod:`sevencs.cli`).

How the package is laid out, from the bottom up (each layer imports only from
the layers below it; ``make lint`` checks this with import-linter):

- basics: :mod:`sevencs.chapters`, :mod:`sevencs.datasets`, checks, parsing, untrusted text, cells, atomic writes;
- how things are shown: :mod:`sevencs.render` (HTML from templates, forms, which edition);
- the chapters' science (one module per C) and the readers of your own files (:mod:`sevencs.yourdata`);
- every chart: :mod:`sevencs.figures` (one module per chapter, and the progress, class report and audit charts);
- your own data read and audited: :mod:`sevencs.imports`, then :mod:`sevencs.audit`;
- the course machinery exercises are made of: :mod:`sevencs.course`;
- the exercises, one module per chapter: :mod:`sevencs.exercises`;
- what a learner sees of their whole course, progress and plan: :mod:`sevencs.learner`;
- the book's numbers: :mod:`sevencs.book`;
- the explorers: :mod:`sevencs.widgets`;
- the classroom and publishing: :mod:`sevencs.classroom`, :mod:`sevencs.publish`;
- the command line: :mod:`sevencs.cli`.
"""

from importlib.metadata import PackageNotFoundError, version

from sevencs.learner.progress import my_progress, progress, reset, reset_chapter

try:
    __version__ = version("sevencs")
except PackageNotFoundError:  # run from a source folder that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "my_progress", "progress", "reset", "reset_chapter"]
