"""How the course shows things, apart from what they are.

- :mod:`sevencs.render.html`: the one Jinja2 environment (autoescape on) and
  :func:`~sevencs.render.html.render`, which every HTML of the package goes
  through; the templates, one per page or fragment, and the one stylesheet of
  the standalone pages are in ``templates/``. Also feedback boxes, notes, and the
  book's kernel-free quizzes, reflections and solutions, from plain values.
- :mod:`sevencs.render.forms`: the notebook's small forms (a self-check, a
  reflection box, a reset), each given a callback instead of importing the course.
- :mod:`sevencs.render.edition`: which edition is being shown (a live notebook,
  the readers' book, the instructor edition).

Nothing here imports the course; :mod:`sevencs.course.views` decides which view
shows what.
"""
