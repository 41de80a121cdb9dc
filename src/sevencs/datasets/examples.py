"""Example files for "bring your own data", made from Fernleaf Nursery's sample posts.

One small file (or zip archive) for each kind of file the course reads, so a learner
can try the readers (and the audit) before using their own export, and the tests can
check every reader on a file shaped like the real one. Each is written by a module of
:mod:`sevencs.datasets.platforms`, whose docstring says where its field names, order
and quirks were checked:

- ``posts.csv``: the course's own CSV format, three dozen of the nursery's posts
  with every column;
- ``analytics_export.csv``: a made-up analytics tool's CSV, read through the
  course's header aliases;
- each platform's own export, named after it (``meta_business_suite_facebook.csv``,
  ``mastodon_archive.zip``...).

Everything is synthetic and made here with a seeded draw, so rebuilding gives the same
bytes; a test checks the shipped files against a fresh build::

    python -m sevencs.datasets.examples
"""

from __future__ import annotations

from pathlib import Path

from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import (
    bluesky,
    course,
    generic,
    linkedin,
    mastodon,
    meta_download,
    meta_suite,
    nursery_posts,
    tiktok,
    x,
    youtube,
)

EXAMPLES_DIR = Path(__file__).parent / "data" / "examples"
#: The writers, one per platform (or kind of file), in the order the data dictionary lists them.
WRITERS = (course, generic, meta_suite, meta_download, x, linkedin, tiktok, youtube, mastodon, bluesky)
EXAMPLE_FILES: tuple[str, ...] = tuple(name for writer in WRITERS for name in writer.FILES)


def write_examples(directory: Path = EXAMPLES_DIR, seed: int = SEED) -> list[Path]:
    """Write every example file into ``directory`` and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    posts = nursery_posts(seed)
    for writer in WRITERS:
        writer.write(directory, posts, seed)
    return [directory / name for name in EXAMPLE_FILES]


if __name__ == "__main__":
    for written in write_examples():
        print(f"wrote {written}")
