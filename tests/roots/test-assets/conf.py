# The published book's launch buttons and widget files, on two pages: a notebook (lab.ipynb) and a
# MyST page with a kernel (chapter.md), both of which sphinx-book-theme gives launch buttons.
# _vendor/widgets holds small stand-ins for the files `make widgets` fetches with npm.
extensions = ["myst_nb", "sevencs.publish.sphinxext"]
exclude_patterns = ["_build", "_vendor"]
nb_execution_mode = "off"
html_theme = "sphinx_book_theme"
html_theme_options = {
    "repository_url": "https://github.com/seven-cs/seven-cs",
    "repository_branch": "main",
    "path_to_docs": "",
    "launch_buttons": {
        "notebook_interface": "jupyterlab",
        "binderhub_url": "https://mybinder.org",
        "jupyterhub_url": "https://jupyterhub.example.org",
        "colab_url": "https://colab.research.google.com",
    },
}
