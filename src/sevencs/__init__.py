"""Seven Cs: the seven Cs of social media, as numbers you can move.

Chapter modules: one per C (:mod:`sevencs.connection` ... :mod:`sevencs.clients`). Sample
data: :mod:`sevencs.datasets`. Exercises: :mod:`sevencs.exercises`. Explorers:
:mod:`sevencs.widgets`. Your own data: :mod:`sevencs.imports` and :mod:`sevencs.audit`.
Your progress: :func:`progress` (a chart and a table), :func:`my_progress`, :func:`reset`
(asks first) and :func:`reset_chapter`; :func:`export` saves it as a file to hand in. Your
plan: :mod:`sevencs.learner.plan`. The command line: ``sevencs --help`` (:mod:`sevencs.cli`).
When something you gave the package cannot be used, a notebook shows your line and what to
try in a few lines; :func:`full_traceback` shows the whole traceback (:mod:`sevencs.errors`).

How the package is laid out, from the bottom up (each layer imports only from
the layers below it; ``make lint`` checks this with import-linter):

- at the bottom, how an error about your input is raised and shown: :mod:`sevencs.errors`;
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

from sevencs.errors import full_traceback, install_hints
from sevencs.learner.handin import export
from sevencs.learner.progress import my_progress, progress, reset, reset_chapter

try:
    __version__ = version("sevencs")
except PackageNotFoundError:  # run from a source folder that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "export", "full_traceback", "my_progress", "progress", "reset", "reset_chapter"]

# In a notebook: a file name written without quotes, read_posts(my_posts.csv), gets a hint
# (only if no other custom error handler is set; outside IPython this does nothing).
install_hints()
