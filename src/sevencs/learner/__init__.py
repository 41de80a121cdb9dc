"""What a learner sees of their own work across the course: their progress and their plan.

- :mod:`~sevencs.learner.progress`: ``sevencs.progress()``, ``my_progress()``, ``reset()``;
- :mod:`~sevencs.learner.plan`: the learner's Seven Cs plan (reflections and an audit).

Both read the whole course (every chapter's exercises, questions and
reflections from :mod:`sevencs.exercises`) and the learner's progress file
(:mod:`sevencs.course.store`).
"""
