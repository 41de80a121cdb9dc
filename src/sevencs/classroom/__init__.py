"""What an instructor uses: learners' progress exports, the class report, answer keys and sheets, hub links.

- :mod:`~sevencs.classroom.exports`: a learner's progress as a file to hand in, and reading it back;
- :mod:`~sevencs.classroom.report`: the class report from a folder of exports;
- :mod:`~sevencs.classroom.answer_key`: the exercise notebooks with the model solutions filled in;
- :mod:`~sevencs.classroom.sheet`: the answer sheet, every expected answer on one page (per agenda too);
- :mod:`~sevencs.classroom.hub`: links that put the course on a JupyterHub (nbgitpuller).
"""
