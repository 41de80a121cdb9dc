# A book of two pages whose index links to the "published" book at html_baseurl, as the notebooks do;
# sevencs.publish.links turns those links into links to this build's pages.
from sevencs.publish import links

# myst_nb as in the book (it also parses .md; other test roots register it, and Sphinx keeps that between apps)
extensions = ["myst_nb"]
nb_execution_mode = "off"
html_baseurl = "https://books.example.org/course/"
exclude_patterns = ["_build"]


def setup(app):
    links.connect(app)
