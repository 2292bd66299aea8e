"""Files the plugins write into the site being built, beside MkDocs' pages.

Creating a folder that exists already is not free (``mkdir`` answers with an error,
which Python raises and catches), and a lesson's plain version or a quiz's form goes
into its module's folder, which the module's first lesson has made (issue 22): a
file is written first, and its folder made only when it is missing.
"""

from __future__ import annotations

from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, making its folder when it is missing."""
    try:
        path.write_text(text, encoding="utf-8")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
