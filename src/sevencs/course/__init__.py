"""The course machinery the exercises are made of: checking answers, asking questions, keeping progress.

- :mod:`~sevencs.course.engine`: exercises and the feedback a check gives;
- :mod:`~sevencs.course.questions`: self-check questions and reflections;
- :mod:`~sevencs.course.views`: which view shows them (a notebook form or the book's HTML);
- :mod:`~sevencs.course.store`: the progress file, written in transactions.

What a learner sees of all of it, progress and plan, is one layer up, in :mod:`sevencs.learner`.
"""
