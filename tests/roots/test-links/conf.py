# A book of two pages whose index links to the "published" book at html_baseurl, as the notebooks do;
# sevencs.publish.links turns those links into links to this build's pages.
from sevencs.publish import links

extensions = ["myst_parser"]
html_baseurl = "https://books.example.org/course/"
exclude_patterns = ["_build"]


def setup(app):
    links.connect(app)
