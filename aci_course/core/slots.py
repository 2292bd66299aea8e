"""Slots for HTML made outside Markdown on a line of its own (quiz forms, figures).

A directive line (``{{ quiz "..." }}``, ``{{ figure "..." }}``) becomes a placeholder
``<div data-aci-<kind>-slot="<token>"></div>`` that Markdown passes through as a raw
HTML block (or wraps in ``<p>`` where the line was indented); once the page's HTML
exists, :func:`fill` puts each rendered piece where its placeholder ended up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache


def placeholder(kind: str, token: str, indent: str = "") -> str:
    """The line that stands for the piece ``token`` of ``kind`` (blank lines around it)."""
    return f'\n{indent}<div data-aci-{kind}-slot="{token}"></div>\n'


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    return re.compile(
        rf'(?:<p>)?<div data-aci-{re.escape(kind)}-slot="(?P<token>[^"]+)"></div>(?:</p>)?'
    )


def fill(kind: str, html: str, slots: Mapping[str, str]) -> str:
    """``html`` with each placeholder of ``kind`` replaced by its piece in ``slots``."""
    if not slots or f"data-aci-{kind}-slot=" not in html:  # most pages have none
        return html
    return _pattern(kind).sub(lambda m: slots.get(m["token"], m[0]), html)
