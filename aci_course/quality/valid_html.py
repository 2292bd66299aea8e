"""Small repairs that make Material's HTML valid (Nu HTML Checker), without changing it.

Material writes ``tabindex=""`` on the labels of navigation sections, meaning "no
tabindex" (browsers ignore an empty one, the checker calls it an error); the
attribute is dropped.

Material also writes ``autocomplete="off"`` on its drawer and search toggles
(checkboxes, where the attribute is not allowed), so that Firefox does not
restore them checked when the reader comes Back. The attribute is dropped and
``overrides/assets/javascripts/aci.js`` closes both toggles on ``pageshow``
instead, which covers every browser that restores form state.
"""

from __future__ import annotations

import re

# Anchored on "<label" (the only tag Material writes it on), so the scan stays fast.
_EMPTY_TABINDEX = re.compile(r"""(<label\b[^<>]*?)\s+tabindex=(?:""|'')(?=[\s/>])""")


# Anchored on Material's toggle inputs: the search box's own autocomplete=off is valid.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r"""(<input class="md-toggle"[^<>]*?type="checkbox"[^<>]*?)\s+autocomplete="off"(?=[\s/>])"""
)


def repair(page_html: str) -> str:
    """``page_html`` with empty ``tabindex`` and toggles' ``autocomplete`` removed."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", _EMPTY_TABINDEX.sub(r"\1", page_html))
