"""A class list for the report: who handed in, who is missing, and names that match no one.

    sevencs report exports/ --roster names.txt

The class list is a text file with one name per line; blank lines and lines
starting with ``#`` are left out. A name on the list matches a learner whose name
(or hub user name) is the same once case and spaces are ignored: "Sam Lee",
"sam lee" and " SAM  LEE" are one person. A name on the list that matches no
learner is *missing*: they handed in nothing. A learner whose name is on no line
is listed with the closest name on the list, in case of a typing slip.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sevencs.untrusted import UnreadableFile, plain, read_ordinary_file, shown_path

#: A class list is a few kilobytes; a file far bigger is not one.
MAX_BYTES = 1_000_000


class RosterError(ValueError):
    """The class list could not be read; the message says why and what to try."""


def name_key(name: str) -> str:
    """What two names must share to be one person: case, spaces and invisible characters ignored."""
    text = unicodedata.normalize("NFKC", plain(name, limit=None))
    return "".join(text.casefold().split())


def read_roster(path: str | os.PathLike) -> list[str]:
    """The names of a class list, one per line, in the file's order, each once."""
    path = Path(path)
    try:
        data = read_ordinary_file(path, MAX_BYTES)
    except UnreadableFile as problem:
        if problem.size is not None:
            raise RosterError(
                f"The class list {shown_path(path)} is {problem.size:,} bytes, far too large for a list of "
                "names. Give a text file with one name per line."
            ) from None
        raise RosterError(
            f"The class list {shown_path(path)} {problem.what}. Give a text file with one name per line."
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(
            f"The class list {shown_path(path)} is not a text file in UTF-8. Save it as plain text (UTF-8), "
            "one name per line, and try again."
        ) from None
    names: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        name = plain(line, limit=80)
        if not name or name.startswith("#") or name_key(name) in seen:
            continue
        seen.add(name_key(name))
        names.append(name)
    if not names:
        raise RosterError(
            f"The class list {shown_path(path)} has no names in it. Write one name per line, as the learners "
            "give them when they hand in."
        )
    return names


@dataclass
class RosterCheck:
    """The class list against the learners read.

    ``found``: for each name on the list, the positions (in the report's learners) of the learners
    it matches, empty when they are missing. ``not_listed``: the positions of learners with a name
    that is on no line, each with the closest name on the list (or None).
    """

    names: list[str]
    found: list[list[int]] = field(default_factory=list)
    not_listed: list[tuple[int, str | None]] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        """The names on the list that handed in nothing, in the list's order."""
        return [name for name, who in zip(self.names, self.found) if not who]


def check_roster(names: list[str], learners: list[tuple[str, str | None]], anonymous: str) -> RosterCheck:
    """Match the class list ``names`` against ``learners``, given as ``(name, hub user name or None)``.

    A learner named ``anonymous`` matches no one and is not listed as unknown (the report flags
    anonymous files on its own).
    """
    keys = {name_key(n): i for i, n in enumerate(names)}
    check = RosterCheck(names, [[] for _ in names])
    for position, (learner, account) in enumerate(learners):
        if learner == anonymous and not account:
            continue
        hits = {keys[k] for k in (name_key(learner), name_key(account or "")) if k in keys}
        for hit in sorted(hits):
            check.found[hit].append(position)
        if not hits:
            folded = {n.casefold(): n for n in names}
            close = difflib.get_close_matches(learner.casefold(), list(folded), n=1, cutoff=0.75)
            check.not_listed.append((position, folded[close[0]] if close else None))
    return check
