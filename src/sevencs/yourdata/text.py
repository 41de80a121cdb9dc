"""Post text: HTML stripped for analysis, escaped for display, spacing tidied, broken encodings repaired.

Post text is data, never markup: HTML is stripped to plain words for
analysis (:func:`html_to_text`), and anything that shows a post's text again
must pass it through :func:`safe_html` first.
"""

from __future__ import annotations

import html
import math
import re
from html.parser import HTMLParser
from typing import ClassVar

import pandas as pd

from sevencs.parsing import any_search


class _TextOnly(HTMLParser):
    """Collects the words of an HTML fragment; script and style contents are dropped."""

    _SKIP: ClassVar[set[str]] = {"script", "style", "template", "noscript", "iframe", "object"}
    _BLOCKS: ClassVar[set[str]] = {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: object) -> str:
    """The words of an HTML fragment, as plain text.

    Uses the standard library's :class:`html.parser.HTMLParser` (not pattern
    matching): tags are dropped, the words inside them kept (a link keeps its
    text), entities such as ``&amp;`` become the characters they stand for,
    ``<br>`` becomes a line break and paragraphs a blank line; the contents of
    ``<script>`` and ``<style>`` are dropped. Plain text passes through
    unchanged apart from spacing, so "5 < 6" stays "5 < 6".

    The result is text, not safe HTML: "&lt;script&gt;" becomes "<script>".
    Escape it with :func:`safe_html` before showing it in a web page.
    """
    if fragment is None or (isinstance(fragment, float) and math.isnan(fragment)):
        return ""
    parser = _TextOnly()
    parser.feed(str(fragment))
    parser.close()
    return tidy("".join(parser.parts))


def tidy(text: str) -> str:
    """Spacing as the course keeps it: runs of spaces as one, no space at either end of a line,
    at most one blank line in a row. (:func:`tidy_column` does the same to a whole column.)"""
    text = re.sub(r"\r\n?", "\n", text)
    text = re.sub(r" ?\n ?", "\n", re.sub(r"[^\S\n]+", " ", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


#: What :func:`tidy_column` changes: markup, line ends other than \n, runs of white space, white
#: space at either end of a line or of the cell, more than one blank line.
_UNTIDY = r"[<&\r]|[^\S\n]{2,}|[^\S \n]|(?:^|\x00|\n)[^\S\x00]|[^\S\x00](?:$|\x00|\n)|\n{3,}"


def tidy_column(cells: pd.Series) -> pd.Series:
    """Post texts as plain words: HTML stripped (:func:`html_to_text`) where a cell has markup,
    spacing tidied the same way everywhere else (a million plain cells in a second)."""
    cells = cells.astype(str)
    if not any_search(cells, _UNTIDY):
        return cells  # nothing to strip or tidy: the common case, found in one search
    marked = cells.str.contains(r"[<&]", regex=True)
    result = cells.str.replace(r"\r\n?", "\n", regex=True)
    result = result.str.replace(r"[^\S\n]+", " ", regex=True).str.replace(r" ?\n ?", "\n", regex=True)
    result = result.str.replace(r"\n{3,}", "\n\n", regex=True).str.strip()
    if marked.any():
        result[marked] = pd.Series([html_to_text(c) for c in cells[marked]], index=cells.index[marked])
    return result


def safe_html(text: object) -> str:
    """``text`` escaped for showing inside HTML (``<``, ``>``, ``&`` and quotes become entities).

    Imported post text is data: ``<script>`` in a post must appear as the
    characters "<script>", never run. Every module that puts post text into
    HTML (reports, widgets, the audit page) passes it through this first.
    Missing values (None, NaN) become an empty string.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=True)


def repair_encoding(texts: pd.Series) -> tuple[pd.Series, int]:
    """Texts whose accents and emoji were written twice-encoded (UTF-8 bytes read as Latin-1, as
    Meta's "Download your information" files are) repaired with ftfy; returns them and how many
    changed. Text that is already right is left as it is."""
    import ftfy  # only the readers of Meta's downloads need it

    suspicious = texts.str.contains(r"[\u00c2-\u00f4][\u0080-\u00bf]", regex=True)
    if not suspicious.any():
        return texts, 0
    repaired = texts.copy()
    repaired[suspicious] = [ftfy.fix_encoding(t) for t in texts[suspicious]]
    return repaired, int((repaired != texts).sum())
