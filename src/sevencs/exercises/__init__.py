"""Exercises, self-check questions and reflections, one module per chapter.

>>> from sevencs.exercises import connection as ex
>>> ex.q1.check(answer)      # code exercises: q1, q2, ...
>>> ex.sc1.ask()             # self-check questions: sc1, sc2, ...
>>> ex.reflection.ask()      # the chapter's reflection

Each chapter module also defines ``SETUP``: the notebook's first code cell,
which the tests run before each model solution.
"""

from sevencs.chapters import CHAPTERS

__all__ = ["CHAPTERS"]
