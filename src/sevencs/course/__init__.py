"""The course machinery a learner uses: checking exercises, asking questions, keeping progress, the plan.

- :mod:`~sevencs.course.engine`: exercises and the feedback a check gives;
- :mod:`~sevencs.course.questions`: self-check questions and reflections;
- :mod:`~sevencs.course.views`: which view shows them (a notebook form or the book's HTML);
- :mod:`~sevencs.course.store`: the progress file, written in transactions;
- :mod:`~sevencs.course.progress`: what a learner sees of their progress;
- :mod:`~sevencs.course.plan`: the learner's Seven Cs plan.
"""
