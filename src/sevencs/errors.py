"""How the package tells a learner that their input was not usable: one policy, in one place.

The chapter modules, the shared checks (:mod:`sevencs._checks`), the audit and the readers of
your own files raise a :class:`LearnerError` when what a learner gave them cannot be used: an
account that is not in the network, a table with a column missing, a filter that kept no rows, a
file that is not an export. The message says what was expected and what to try.

In a notebook (IPython), such an error is shown as the learner's own line, the message and one
line saying how to see everything, instead of the twenty lines of the package it passed through::

    Cell In[2], line 1
    ----> 1 cx.reach(G, 'NURSERY', 2)

    ValueError: the account 'NURSERY' is not in the network (411 accounts). ...
    (The lines inside the sevencs package are hidden; to see them: import sevencs; sevencs.full_traceback())

IPython shows an exception that has a ``_render_traceback_()`` method by calling it
(``InteractiveShell.showtraceback``); outside IPython (plain Python, pytest) nothing changes. The
classes keep Python's own bases (:class:`InputError` is a ``ValueError``, :class:`InputTypeError`
a ``TypeError``), so ``except ValueError`` works as before, and the familiar name is the one
shown. :func:`full_traceback` prints the last error in full.

Two slips happen before any of the package's code runs, so they get a hint from here:

- a file name without quotes, ``read_posts(my_posts.csv)``, which Python reads as a variable
  (``NameError: name 'my_posts' is not defined``); :func:`install_hints` adds a note saying to
  put it in quotes (importing :mod:`sevencs` inside IPython installs it);
- a table filtered down to nothing, ``survey[survey['source'] == 'Social']``, then passed to a
  function: :func:`filter_hint` finds the filter in the learner's line and says which values the
  column holds (the package's empty-table messages add it).

This module is the bottom layer: it imports nothing from the package, and IPython only when
IPython is already running.
"""

from __future__ import annotations

import ast
import difflib
import linecache
import operator
import os
import re
import sys
import sysconfig
import traceback
import warnings
from collections.abc import Mapping
from types import FrameType, TracebackType
from typing import Any

import pandas as pd

__all__ = [
    "FILE_ENDINGS",
    "InputError",
    "InputKeyError",
    "InputTypeError",
    "LearnerError",
    "filter_hint",
    "full_traceback",
    "install_hints",
]

#: The line under a short error that says how to see the lines it hides.
FULL_TRACEBACK_HINT = (
    "(The lines inside the sevencs package are hidden; to see them: import sevencs; sevencs.full_traceback())"
)
#: How many of the learner's own lines a short error shows at most (the innermost ones).
MAX_LINES = 3
#: Endings that make a bare name look like a file name (``my_posts.csv``).
FILE_ENDINGS = ("csv", "json", "zip", "xlsx", "txt", "js", "html")


class LearnerError(Exception):
    """A learner's input was not usable; the message says what was expected and what to try.

    Used as a base next to one of Python's own, such as ``class InputError(LearnerError,
    ValueError)``. ``rewrite`` maps text in the learner's line to what to write instead (such as
    ``'NURSERY'`` to ``NURSERY``): in a notebook the short error shows the corrected line.
    """

    def __init__(self, *args: object, rewrite: Mapping[str, str] | None = None) -> None:
        super().__init__(*args)
        self.rewrite = dict(rewrite or {})

    @property
    def familiar_name(self) -> str:
        """The Python exception a learner knows this as: ``ValueError`` for an :class:`InputError`."""
        for kind in type(self).__mro__:
            if kind.__module__ == "builtins" and kind not in (Exception, BaseException):
                return kind.__name__
        return type(self).__name__

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error: the learner's lines, the message, how to see it all."""
        try:
            return short_traceback(self)
        except Exception:  # never lose the message to a problem in showing it
            return [f"{self.familiar_name}: {self}", FULL_TRACEBACK_HINT]


class InputError(LearnerError, ValueError):
    """A value, table or file that cannot be used as given (a ``ValueError``)."""


class InputTypeError(LearnerError, TypeError):
    """The wrong kind of object, such as a whole table where one column was expected (a ``TypeError``)."""


class InputKeyError(LearnerError, KeyError):
    """A name that is not one of those on offer (a ``KeyError``), with its message shown as written."""

    def __str__(self) -> str:  # KeyError would show the message in quotes, as a key
        return str(self.args[0]) if self.args else ""


# --- whose code is it -------------------------------------------------------------------------

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_LIBRARIES = tuple(
    {
        os.path.realpath(p)
        for k, p in sysconfig.get_paths().items()
        if k in ("stdlib", "platstdlib", "purelib", "platlib")
    }
)


def is_learner_file(filename: str) -> bool:
    """Whether code in ``filename`` is the learner's own: a notebook cell or a file of theirs, not the
    sevencs package, an installed library or Python itself."""
    if filename.startswith("<"):  # IPython's cells outside a kernel (<ipython-input-...>); <frozen ...> is Python
        return not filename.startswith("<frozen") and bool(linecache.getlines(filename))
    path = os.path.realpath(filename)
    parts = path.split(os.sep)
    if "site-packages" in parts or "dist-packages" in parts:
        return False
    return not any(path == root or path.startswith(root + os.sep) for root in (_PACKAGE, *_LIBRARIES))


def learner_entries(tb: TracebackType | None) -> list[tuple[str, int, str]]:
    """The learner's own frames in a traceback, outermost first: ``(filename, line number, function)``."""
    entries = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if is_learner_file(code.co_filename):
            entries.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return entries


def _shell() -> Any:
    """The running IPython shell, or None; IPython is never imported here if it is not running."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _where(filename: str, lineno: int, function: str) -> str:
    """``Cell In[3], line 1`` for a notebook cell (as IPython writes it), else ``File ..., line 1``."""
    shell = _shell()
    label = None
    try:
        label = shell.compile.format_code_name(filename) if shell is not None else None
    except Exception:
        label = None
    place = f"{label[0]} {label[1]}" if label else f"File {filename}"
    inside = f", in {function}" if function not in ("<module>", "<cell line: 0>") else ""
    return f"{place}, line {lineno}{inside}"


def short_traceback(error: LearnerError) -> list[str]:
    """The lines a notebook shows for ``error``: the learner's own lines (at most :data:`MAX_LINES`),
    the message under the familiar exception name, its notes, and :data:`FULL_TRACEBACK_HINT`."""
    lines: list[str] = []
    entries = learner_entries(error.__traceback__)[-MAX_LINES:]
    last = ""
    for filename, lineno, function in entries:
        last = linecache.getline(filename, lineno).strip()
        lines.append(_where(filename, lineno, function))
        lines.append(f"----> {lineno} {last}" if last else f"----> {lineno}")
    if lines:
        lines.append("")
    lines.extend(f"{error.familiar_name}: {error}".splitlines())
    lines.extend(str(note) for note in getattr(error, "__notes__", ()))
    corrected = last
    for old, new in error.rewrite.items():
        corrected = corrected.replace(old, new)
    if corrected != last:
        lines.append(f"Try:  {corrected}")
    lines.append(FULL_TRACEBACK_HINT)
    return lines


def full_traceback() -> None:
    """Print the last error's complete traceback, with the lines inside the sevencs package.

    In a notebook it is printed the way IPython prints any traceback; elsewhere with Python's
    :mod:`traceback`. The short form of an error (see :class:`LearnerError`) hides those lines.
    """
    error = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)
    if error is None:
        print("There is no error to show: no cell has failed yet.")
        return
    shell = _shell()
    if shell is not None:
        tb = shell.InteractiveTB
        print(tb.stb2text(tb.structured_traceback(type(error), error, error.__traceback__)))
    else:
        traceback.print_exception(error, file=sys.stdout)


# --- a file name without quotes ----------------------------------------------------------------

_ENDING = "|".join(FILE_ENDINGS)


def file_name_hint(error: BaseException, tb: TracebackType | None) -> str:
    """A hint when ``error`` comes from a file name written without quotes, else "".

    ``read_posts(my_posts.csv)`` raises ``NameError: name 'my_posts' is not defined`` when there is
    no ``my_posts``, and ``AttributeError: ... has no attribute 'csv'`` when ``my_posts`` is a table
    read before. The hint is given only when the name is followed in the cell by a file ending
    (:data:`FILE_ENDINGS`), so an unrelated slip such as ``prnt('x')`` gets none.
    """
    try:
        return _file_name_hint(error, tb)
    except Exception:  # a hint is never worth an error of its own (IPython would drop the handler)
        return ""


def _file_name_hint(error: BaseException, tb: TracebackType | None) -> str:
    entries = learner_entries(tb)
    if not entries:
        return ""
    filename, lineno, _ = entries[-1]
    cell = "".join(linecache.getlines(filename))
    if isinstance(error, NameError):
        name = getattr(error, "name", None)
        if not name:
            return ""
        start = re.escape(name)
    elif isinstance(error, AttributeError) and getattr(error, "name", None) in FILE_ENDINGS:
        start = r"[A-Za-z_]\w*"
    else:
        return ""
    # the name, maybe more of a file's name (my-posts, Downloads/posts), then .csv; not inside quotes
    pattern = re.compile(rf"(?<![\w.'\"/\\-]){start}[\w\-/]*\.(?:{_ENDING})\b(?!['\"(])")
    found = pattern.search(linecache.getline(filename, lineno)) or pattern.search(cell)
    if found is None:
        return ""
    file = found.group(0)
    line = linecache.getline(filename, lineno)
    example = line[: found.start()] + repr(file) + line[found.end() :] if found.string == line else repr(file)
    variable = re.match(r"\w+", file)
    return (
        f"Hint: {file} looks like a file name. Put it in quotes, as in {example.strip()}; without quotes, "
        f"Python reads {variable.group(0) if variable else file} as the name of a variable."
    )


def _hint_handler(shell: Any, etype: type, value: BaseException, tb: TracebackType, tb_offset: Any = None) -> None:
    """IPython's custom handler for NameError and AttributeError: the normal traceback, with a note
    under the error when it came from a file name without quotes."""
    hint = file_name_hint(value, tb)
    if hint and hint not in getattr(value, "__notes__", ()):
        value.add_note(hint)
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install_hints() -> bool:
    """In IPython, add the hint for a file name without quotes (see :func:`file_name_hint`).

    Uses IPython's ``set_custom_exc``, and only when no other custom handler is set (so a
    handler someone else installed, or this one installed before, is left alone). Returns
    whether it was installed now. Outside IPython it does nothing and does not import IPython.
    """
    shell = _shell()
    if shell is None or not hasattr(shell, "set_custom_exc") or getattr(shell, "custom_exceptions", ()) != ():
        return False
    shell.set_custom_exc((NameError, AttributeError), _hint_handler)
    return True


# --- a filter that kept no rows ----------------------------------------------------------------

_OPERATORS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_COMPARE = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _caller() -> FrameType | None:
    """The innermost frame of the learner's own code in the call stack that raises the error."""
    frame = sys._getframe(1)
    while frame is not None:
        if is_learner_file(frame.f_code.co_filename):
            return frame
        frame = frame.f_back  # type: ignore[assignment]
    return None


def _lookup(frame: FrameType, name: str) -> object:
    """What ``name`` holds where the learner's line runs (a look-up, never an evaluation)."""
    for scope in (frame.f_locals, frame.f_globals):
        if name in scope:
            return scope[name]
    raise LookupError(name)


def _filters(tree: ast.AST) -> list[tuple[ast.AST, str, str, str, ast.expr]]:
    """Every ``table[table['column'] <op> value]`` in ``tree`` (also ``table.column`` and
    ``table.loc[..., ...]``): (the whole filter, table, column, operator, value)."""
    found: list[tuple[ast.AST, str, str, str, ast.expr]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Subscript):
            continue
        outer = node.value.value if isinstance(node.value, ast.Attribute) and node.value.attr == "loc" else node.value
        mask = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
        if not (isinstance(outer, ast.Name) and isinstance(mask, ast.Compare) and len(mask.ops) == 1):
            continue
        left, op = mask.left, _OPERATORS.get(type(mask.ops[0]))
        if isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Constant):
            table, column = left.value, left.slice.value
        elif isinstance(left, ast.Attribute):
            table, column = left.value, left.attr
        else:
            continue
        if op and isinstance(table, ast.Name) and table.id == outer.id and isinstance(column, str):
            found.append((node, outer.id, column, op, mask.comparators[0]))
    return found


def _shown(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value.day} {value:%B %Y}" + (f" {value:%H:%M}" if value != value.normalize() else "")
    return repr(value)


def _listing(values: list[object], limit: int = 12) -> str:
    shown = [_shown(v) for v in values[:limit]]
    more = f" and {len(values) - limit} more" if len(values) > limit else ""
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + (f", {shown[-1]}{more}" if more else f" and {shown[-1]}")


def filter_hint() -> str:
    """Why a table passed to the package is empty, when the learner's line (or cell) filtered it.

    Looks in the learner's code that called the package for a filter such as
    ``survey[survey['source'] == 'Social']`` whose table is a DataFrame in the learner's
    variables, checks that the filter really keeps no rows, and says what the column holds: its
    values for ``==`` (with the closest, for a slip of spelling or capitals), its range for ``<``,
    ``>``. Returns "" when no such filter is found; never raises.
    """
    try:
        return _filter_hint()
    except Exception:
        return ""


def _filter_hint() -> str:
    frame = _caller()
    if frame is None:
        return ""
    lines = linecache.getlines(frame.f_code.co_filename)
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError:
        return ""
    here = frame.f_lineno
    # the filters of the function that is running (the whole cell at a cell's top level), up to
    # the line running now: that line's first, then the nearest above it
    scope: ast.AST = tree
    for node in ast.walk(tree):
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name == frame.f_code.co_name
            and node.lineno <= here <= (node.end_lineno or node.lineno)
        ):
            scope = node
    found = [f for f in _filters(scope) if getattr(f[0], "lineno", here + 1) <= here]
    candidates = sorted(found, key=lambda f: here - getattr(f[0], "lineno", 0))
    source = "".join(lines)
    for node, name, column, op, value_node in candidates:
        try:
            table = _lookup(frame, name)
            value: Any = value_node.value if isinstance(value_node, ast.Constant) else None
            if isinstance(value_node, ast.Name):
                value = _lookup(frame, value_node.id)
            elif not isinstance(value_node, ast.Constant):
                continue
        except LookupError:
            continue
        if not isinstance(table, pd.DataFrame) or column not in table.columns or table.empty:
            continue
        values = table[column]
        try:
            kept = _COMPARE[op](values, value)
        except Exception:  # a value this column cannot be compared with: not this filter's doing
            continue
        if bool(kept.any()):
            continue
        written = ast.get_source_segment(source, node) or ast.unparse(node)
        where = f"{name}[{column!r}]"
        said = f"{value_node.id} = {value!r}" if isinstance(value_node, ast.Name) else repr(value)
        if op in ("==", "!="):
            present = sorted(values.dropna().unique().tolist(), key=str)
            text = f"The filter {written} matched no rows: {where} holds {_listing(present)}."
            if op == "==" and isinstance(value, str):
                close = [p for p in present if isinstance(p, str) and p.lower() == value.strip().lower()]
                close = close or difflib.get_close_matches(value, [p for p in present if isinstance(p, str)], n=1)
                if close:
                    text += f" Did you mean {close[0]!r}? Capital letters and spaces count."
            return text
        low, high = values.min(), values.max()
        text = f"The filter {written} matched no rows: {where} runs from {_shown(low)} to {_shown(high)}."
        if isinstance(value, str) and pd.api.types.is_datetime64_any_dtype(values):
            read = pd.Timestamp(value)
            text += f" pandas read {said} as {_shown(read)}."
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                other = pd.to_datetime(value, dayfirst=True)
            if "/" in value and other != read:
                text += f" It reads slashed dates month first: for {_shown(other)}, write {f'{other:%Y-%m-%d}'!r}."
        return text
    return ""
