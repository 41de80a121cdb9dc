"""The course's chapters, in course order: the one list every part of the package reads.

The Welcome chapter comes first; the seven Cs follow it, one chapter each, in
the order the course teaches them.
"""

from __future__ import annotations

#: The seven Cs, in the order the course teaches them.
SEVEN_CS = ("connection", "conversation", "relationships", "content", "community", "caring", "clients")

#: Every chapter with exercises, in course order: Welcome, then the seven Cs.
CHAPTERS = ("welcome", *SEVEN_CS)

#: What each chapter is called in the book's titles and in tables.
TITLES = {chapter: chapter.capitalize() for chapter in CHAPTERS}
