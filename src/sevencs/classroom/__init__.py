"""What an instructor uses: learners' progress exports and the class report.

- :mod:`~sevencs.classroom.exports`: a learner's progress as a file to hand in, and reading it back;
- :mod:`~sevencs.classroom.report`: the class report from a folder of exports.
"""
