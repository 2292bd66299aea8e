"""Small repairs that make Material's HTML valid (Nu HTML Checker), without changing it.

Material writes ``tabindex=""`` on the labels of navigation sections, meaning "no
tabindex" (browsers ignore an empty one, the checker calls it an error); the
attribute is dropped.
"""

from __future__ import annotations

import re

# Anchored on "<label" (the only tag Material writes it on), so the scan stays fast.
_EMPTY_TABINDEX = re.compile(r"""(<label\b[^<>]*?)\s+tabindex=(?:""|'')(?=[\s/>])""")


def repair(page_html: str) -> str:
    """``page_html`` with empty ``tabindex`` attributes removed."""
    return _EMPTY_TABINDEX.sub(r"\1", page_html)
