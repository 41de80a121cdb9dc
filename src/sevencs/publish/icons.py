"""The book's icons: only the Font Awesome glyphs its pages use (part of :mod:`sevencs.publish.sphinxext`).

pydata-sphinx-theme (under sphinx-book-theme) draws its icons (menu, search,
colour mode, download, launch, ...) with Font Awesome 6, twice over: its style
sheet carries Font Awesome's own CSS, where each icon is a character of the
Font Awesome fonts, and every page also loads ``scripts/fontawesome.js``
(1.5 MB), which swaps each icon for an inline SVG. The style sheet alone draws
the same icons. So:

1. no page loads ``fontawesome.js``: ``templates/static/webpack-macros.html``
   wraps the theme's macros and leaves out that one line;
2. once the site is written, the icons its pages and scripts name
   (``fa-bars``, ``fa-download``, ...) are looked up in the theme's style sheet,
   with the characters the sheet itself draws (admonition icons, the
   external-link arrow, ...); each Font Awesome font is cut down to those
   characters with fontTools' subsetter (the library behind ``pyftsubset``) and
   written as WOFF into ``_static/icons/``, and ``_static/sevencs-icons.css``
   declares them after the theme's fonts (the last ``@font-face`` rule for a
   font wins), so a page fetches a few kilobytes of icons, not 156 kB or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: Where the theme's style sheet and scripts are in the built site.
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
#: The theme's script that this extension keeps off every page.
FONTAWESOME_JS = "fontawesome.js"
#: The trimmed fonts and the style sheet that declares them, in the built site's _static.
FOLDER = "icons"
STYLE = "sevencs-icons.css"
#: The extension's templates (the theme's macros without fontawesome.js).
TEMPLATES = Path(__file__).resolve().parent / "templates"

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ICON_SELECTOR = re.compile(r"\.(fa-[a-z0-9-]+):(?::)?before")
_ICON_NAME = re.compile(r"\bfa-[a-z0-9-]+")
_ESCAPE = re.compile(r"\\(f[0-9a-f]{3}|e[0-9a-f]{3})", re.IGNORECASE)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _characters(text: str) -> set[int]:
    """The private-use characters (where Font Awesome keeps its icons) in CSS text, escaped or not."""
    found = {int(code, 16) for code in _ESCAPE.findall(text)}
    return found | {ord(char) for char in _PRIVATE_USE.findall(text)}


def icon_table(css: str) -> tuple[dict[str, int], set[int]]:
    """Read the theme's style sheet: each icon class's character, and the characters its own rules draw.

    Font Awesome's table is rules like ``.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}``;
    every other rule that names a character (``--pst-icon-download:""``) is drawn by
    the sheet itself, whatever the page's markup.
    """
    table: dict[str, int] = {}
    drawn: set[int] = set()
    for selectors, body in _RULE.findall(_FONT_FACE.sub("", _COMMENT.sub("", css))):
        characters = _characters(body)
        if not characters:
            continue
        parts = [part.strip() for part in selectors.split(",")]
        names = [match.group(1) for part in parts if (match := _ICON_SELECTOR.fullmatch(part))]
        if len(names) == len(parts) and len(characters) == 1:
            for name in names:
                table[name] = next(iter(characters))
        else:
            drawn |= characters
    return table, drawn


def icons_named(texts: Iterable[str]) -> set[str]:
    """Every ``fa-…`` class name in the given page and script texts."""
    return {name for text in texts for name in _ICON_NAME.findall(text)}


def font_faces(css: str) -> list[dict[str, str]]:
    """The style sheet's ``@font-face`` rules for Font Awesome: family, weight, style and the TrueType file."""
    faces = []
    for body in _FONT_FACE.findall(css):
        fields = dict(
            (key.strip(), value.strip())
            for key, value in (part.split(":", 1) for part in body.split(";") if ":" in part)
        )
        ttf = re.search(r"url\(([^)]+\.ttf)\)", fields.get("src", ""))
        family = fields.get("font-family", "").replace("\\", "").strip("\"'")
        if ttf and family.startswith("Font Awesome"):
            faces.append(
                {
                    "family": family,
                    "weight": fields.get("font-weight", "400"),
                    "style": fields.get("font-style", "normal"),
                    "ttf": ttf.group(1).strip("\"'"),
                }
            )
    return faces


def subset_font(source: Path, target: Path, characters: set[int]) -> None:
    """Write the font at ``source`` with only ``characters``, as WOFF, to ``target`` (fontTools' subsetter)."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = ["*"]  # keep the font's names, with its licence notice
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


def font_face_css(faces: list[dict[str, str]]) -> str:
    """The ``@font-face`` rules for the trimmed fonts (in ``icons/``, beside the style sheet)."""
    rules = ["/* The book's Font Awesome fonts, cut down to the icons its pages use (sevencs/publish/icons.py). */"]
    for face in faces:
        name = Path(face["ttf"]).with_suffix(".woff").name
        rules.append(
            f'@font-face{{font-display:block;font-family:"{face["family"]}";font-style:{face["style"]};'
            f'font-weight:{face["weight"]};src:url({FOLDER}/{name}) format("woff")}}'
        )
    return "\n".join(rules) + "\n"


def trim_icons(outdir: Path) -> dict[str, int]:
    """Trim the Font Awesome fonts of a built site to the icons it uses; returns each trimmed font's size."""
    css_file = outdir / THEME_CSS
    if not css_file.is_file():
        return {}
    css = css_file.read_text(encoding="utf-8")
    table, drawn = icon_table(css)
    static = outdir / "_static"
    pages = [p for p in outdir.rglob("*.html") if p.relative_to(outdir).parts[0] not in ("_static", "lite")]
    scripts = [p for p in [*static.glob("*.js"), *(static / "scripts").glob("*.js")] if p.name != FONTAWESOME_JS]
    named = icons_named(p.read_text(encoding="utf-8", errors="replace") for p in [*pages, *scripts])
    characters = drawn | {table[name] for name in named if name in table}
    faces = font_faces(css)
    sizes = {}
    for face in faces:
        target = static / FOLDER / Path(face["ttf"]).with_suffix(".woff").name
        subset_font((css_file.parent / face["ttf"]).resolve(), target, characters)
        sizes[target.name] = target.stat().st_size
    (static / STYLE).write_text(font_face_css(faces), encoding="utf-8")
    return sizes


def _configure(app: Any, config: Any) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _trim(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        trim_icons(Path(app.outdir))


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`)."""
    app.connect("config-inited", _configure)
    app.add_css_file(STYLE)
    app.connect("build-finished", _trim)
