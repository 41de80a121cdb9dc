"""Opening what a learner hands over: a path or an open file, a zip archive and its members,
a workbook, text in UTF-8 or UTF-16.

Nothing is ever fetched: a web address is refused. Nothing larger than
:data:`MAX_BYTES` is read, whether it is a file or a member of a zip archive
(whose size is checked before it is unpacked). A pipe or a device is never
read. Every problem is an :class:`~sevencs.yourdata.problem.ImportProblem`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import IO, Literal

import pandas as pd

from sevencs.untrusted import UnreadableFile, read_ordinary_file, shown_path
from sevencs.yourdata.problem import ImportProblem

#: The largest file (or member of an archive) the course reads, in bytes (50 MB). A year of
#: posts from a busy account is well under 5 MB as CSV; anything far bigger is probably the
#: wrong file (a video, a whole archive) and would make a notebook crawl.
MAX_BYTES: int = 50_000_000

#: The prefix X's archive writes before the JSON of every data file (``window.YTD.tweets.part0 = ``).
_JS_PREFIX = re.compile(r"^\s*window\.[A-Za-z0-9_.]+\s*=\s*")


#: Workbook cells are read as written: no text such as "NA" or "null" is taken for a missing value.
_NO_MISSING_MARKERS: list[str] = []


def size_text(n: int) -> str:
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n / 1_000_000:.1f} MB"


def too_large(name: str, size: str) -> ImportProblem:
    return ImportProblem(
        f"{name} is {size}, larger than the {size_text(MAX_BYTES)} the course reads in a notebook, so it "
        "was not opened. A year of posts is usually well under 5 MB: check that this is the file with "
        "your posts (not a video or a whole archive), or keep only the rows for the period you want "
        "to audit and save that as a smaller file."
    )


@dataclass
class Found:
    """One file the readers look at: a file on disk, an uploaded file, or a member of a zip archive.

    ``name`` is how messages name it (``archive.zip › data/tweets.js``); ``file_name`` is its own
    name, a hint for recognising it; ``archive`` and ``member`` say where it came from.
    """

    name: str
    data: bytes
    file_name: str = ""
    archive: str | None = None
    member: str | None = None
    #: for a member of an archive: every file name in the archive (readers look for siblings)
    siblings: tuple[str, ...] = field(default_factory=tuple)
    #: when the file was last written: the file's own time on disk, or the time stored with a member
    #: of a zip (None for an upload); readers of files that write dates without a year need it
    modified: dt.datetime | None = None

    @cached_property
    def kind(self) -> str:
        """``zip``, ``xlsx``, ``xls``, ``gzip``, ``car`` or ``text`` (decided from the bytes)."""
        data = self.data
        if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
            return "xlsx" if any(n.startswith("xl/") for n in self.archive_names) else "zip"
        if data[:2] == b"\x1f\x8b":
            return "gzip"
        if data[:4] == b"\xd0\xcf\x11\xe0":
            return "xls"
        if _looks_like_car(data):
            return "car"
        return "text"

    @cached_property
    def archive_names(self) -> list[str]:
        """The file names inside a zip (its table of contents only; nothing is unpacked)."""
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                return [i.filename for i in archive.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return []

    @cached_property
    def text(self) -> str:
        """The file as text: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""
        return decode(self.name, self.data)

    @cached_property
    def json(self) -> object:
        """The file as JSON; X's ``window.YTD.… = `` prefix (and a final ``;``) are allowed."""
        text = _JS_PREFIX.sub("", self.text, count=1).rstrip().removesuffix(";")
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportProblem(
                f"{self.name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
            ) from None
        except RecursionError:
            raise ImportProblem(f"{self.name} is JSON nested thousands of levels deep, which no export is.") from None
        except ValueError:  # a number longer than Python reads (sys.get_int_max_str_digits)
            raise ImportProblem(f"{self.name} holds a number thousands of digits long, which no export does.") from None

    @cached_property
    def looks_like_json(self) -> bool:
        try:
            start = _JS_PREFIX.sub("", self.text[:200], count=1).lstrip()[:1]
        except ImportProblem:
            return False
        return start in ("{", "[")

    def open(self, member: str) -> Found:
        """A member of this zip archive, unpacked after its size is checked."""
        return open_member(self, member)

    @cached_property
    def sheets(self) -> dict[str, pd.DataFrame]:
        """Every sheet of this workbook as a table of text cells (no header row taken), read once."""
        return read_workbook(self)


def _looks_like_car(data: bytes) -> bool:
    """A CAR file (a Bluesky repository export) starts with a length and a DAG-CBOR map holding
    ``roots`` and ``version``."""
    return len(data) > 10 and data[0] < 0x80 and b"roots" in data[1:64] and b"version" in data[1:64]


def decode(name: str, data: bytes) -> str:
    """Bytes as text: UTF-8, with or without a byte-order mark, or UTF-16 with one."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportProblem(f"{name} starts like UTF-16 text but is not; is it the right file?") from None
    if data.startswith(b"\xef\xbb\xbf"):  # the UTF-8 byte-order mark Excel and Meta write
        data = data[3:]
    if b"\x00" in data:
        raise ImportProblem(
            f"{name} is not a text file (it holds binary data, like a picture or a program), so "
            "it cannot hold your posts. Give the file your platform let you download: a CSV, "
            "a spreadsheet, a JSON file or the zip archive as it came."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(
            f"{name} is not UTF-8 text: the characters on line {line} cannot be read as UTF-8. It was "
            "probably saved in an older encoding (such as Windows-1252, Excel's plain 'CSV'). Save it "
            "again as 'CSV UTF-8' (Excel) or with the UTF-8 character set (LibreOffice, Numbers)."
        ) from None


#: How the names of the files the course reads end, for suggesting one when a path is wrong.
READABLE_ENDINGS = (".csv", ".tsv", ".txt", ".json", ".js", ".zip", ".xlsx", ".xls", ".car")


def _files_in(folder: Path, limit: int = 5) -> str:
    """' Files there that could be it: a.csv and b.zip.' (the first few by name), or nothing."""
    try:
        names = sorted(
            entry.name for entry in folder.iterdir() if entry.suffix.lower() in READABLE_ENDINGS and entry.is_file()
        )
    except OSError:
        return ""
    if not names:
        return ""
    more = f" and {len(names) - limit:,} more" if len(names) > limit else ""
    return f" Files there that could be it: {', '.join(shown_path(n) for n in names[:limit])}{more}."


def open_source(source: str | os.PathLike | IO[bytes]) -> Found:
    """What the learner gave: a path or an open binary file (such as an upload), read whole."""
    if hasattr(source, "read"):
        name = Path(str(getattr(source, "name", "") or "")).name or "the uploaded file"
        data = source.read(MAX_BYTES + 1)  # type: ignore[union-attr]
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > MAX_BYTES:
            raise too_large(name, f"more than {size_text(MAX_BYTES)}")
        return Found(name, bytes(data), file_name=name)
    if not isinstance(source, (str, os.PathLike)):
        raise ImportProblem(f"Expected the path of a file (such as 'my_posts.csv'), but got {type(source).__name__}")
    if isinstance(source, str) and re.match(r"[a-z]+://", source.strip(), re.IGNORECASE):
        raise ImportProblem(
            f"{source} is a web address. The course reads files on your own computer and never goes "
            "online: download or export the file first, then give its path."
        )
    path = Path(source).expanduser()  # '~/Downloads/posts.csv', as people write paths in a terminal
    name = shown_path(path)
    if path.is_dir():
        inside = next((path / n for n in ("outbox.json", "data/tweets.js") if (path / n).is_file()), None)
        hint = f" It holds {inside.name}: read {shown_path(inside, whole=True)} instead." if inside else ""
        raise ImportProblem(
            f"{shown_path(path.absolute(), whole=True)} is a folder, not a file; pick the file "
            f"with your posts inside it, or the zip file you downloaded.{hint}"
            f"{_files_in(path) if not inside else ''}"
        )
    if not path.exists():
        raise ImportProblem(
            f"There is no file at {shown_path(path.absolute(), whole=True)}. Check the name and the folder: a "
            f"relative path starts from the folder this notebook is in ({shown_path(Path.cwd(), whole=True)})."
            + _files_in(path.parent)
        )
    try:
        data = read_ordinary_file(path, MAX_BYTES)
    except UnreadableFile as problem:
        if problem.size is not None:
            raise too_large(name, size_text(problem.size)) from None
        if problem.what.startswith("is a device"):
            raise ImportProblem(
                f"{name} is not an ordinary file (it is a device, pipe or socket), so it was "
                "not read. Give the path of the file with your posts."
            ) from None
        raise ImportProblem(
            f"{name} {problem.what}. Check that you may read it, or copy it into the course folder first."
        ) from None
    return Found(name, data, file_name=name, modified=dt.datetime.fromtimestamp(path.stat().st_mtime))


def open_member(archive: Found, member: str) -> Found:
    """One file of a zip archive, unpacked only after its stated size is checked (and read with a limit)."""
    shown = f"{archive.name} › {member}"
    try:
        with zipfile.ZipFile(io.BytesIO(archive.data)) as zipped:
            info = zipped.getinfo(member)
            if info.file_size > MAX_BYTES:
                raise too_large(shown, size_text(info.file_size))
            with zipped.open(info) as stream:
                data = stream.read(MAX_BYTES + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        KeyError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise ImportProblem(
            f"{shown} could not be unpacked ({type(error).__name__}: {error}). Download the "
            "archive again, or unzip it and give the file inside."
        ) from None
    if len(data) > MAX_BYTES:
        raise too_large(shown, f"more than {size_text(MAX_BYTES)}")
    return Found(
        shown,
        data,
        file_name=PurePosixPath(member).name,
        archive=archive.name,
        member=member,
        siblings=tuple(archive.archive_names),
        modified=dt.datetime(*info.date_time),
    )


def read_workbook(found: Found) -> dict[str, pd.DataFrame]:
    """Every sheet of an Excel workbook (.xlsx with openpyxl, .xls with xlrd) as text cells.

    Cells are read as text (numbers as Excel shows them, dates as ISO text), no row is taken
    as the header: the readers find it.
    """
    engine: Literal["openpyxl", "xlrd"] = "openpyxl" if found.kind == "xlsx" else "xlrd"
    try:
        with warnings.catch_warnings():
            # pandas 3.1 deprecates its xlrd engine for calamine, a compiled package the browser edition
            # cannot have; xlrd is the pure-Python reader of .xls files that Pyodide ships.
            warnings.filterwarnings("ignore", message="The xlrd engine is deprecated")
            sheets = pd.read_excel(
                io.BytesIO(found.data),
                sheet_name=None,
                header=None,
                dtype=str,
                engine=engine,
                keep_default_na=False,
                na_values=_NO_MISSING_MARKERS,
            )
    except ImportError as error:  # the browser edition may lack a workbook library
        raise ImportProblem(
            f"{found.name} is an Excel workbook, and reading it needs the package {error.name or engine}, "
            "which this Python does not have. Install the course on your own computer (it comes with "
            "it), or open the workbook in a spreadsheet program and save the sheet with your posts as "
            "'CSV UTF-8'."
        ) from None
    except Exception as error:
        raise ImportProblem(
            f"{found.name} looks like an Excel workbook but could not be opened "
            f"({type(error).__name__}). Download it again, or open it in a spreadsheet "
            "program and save it as 'CSV UTF-8'."
        ) from None
    return {str(name): sheet.fillna("").astype(str) for name, sheet in sheets.items()}
