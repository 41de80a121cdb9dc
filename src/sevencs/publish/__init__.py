"""Publishing the course: the book's Sphinx extension, JupyterLite, install cells and the solved notebooks.

- :mod:`~sevencs.publish.sphinxext`: checks and settings for every book build;
- :mod:`~sevencs.publish.assets`: the site's own files (widget renderer, quiz script);
- :mod:`~sevencs.publish.lite`: the JupyterLite edition;
- :mod:`~sevencs.publish.config`: the course's settings from ``_config.yml``;
- :mod:`~sevencs.publish.install`: the install cell at the top of every notebook;
- :mod:`~sevencs.publish.notebooks`: install cells, solved copies and checks of the notebooks.
"""
