"""Pages we generate whose body is our own HTML: Markdown gets a slot, the plugin the HTML.

A module's overview and the catalogue are HTML rendered from templates. Given to
Markdown as a raw HTML block, that HTML is read twice by pure-Python HTML parsers
(the block preprocessor of ``md_in_html`` and MkDocs' scan for anchor ids) only to
come out unchanged: on a large course, more time than all our plugins' own work on those
pages. So the page's Markdown holds its front matter, its heading and :data:`SLOT`;
once Markdown has made the HTML (``on_page_content``), :func:`fill` puts the body in
the slot and tells MkDocs the body's ids, so links to them are checked as before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

SLOT = '<div data-aci-body=""></div>'
"""What the page's Markdown holds where the body goes (a raw HTML block of its own)."""

_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class GeneratedPage:
    """A generated page: its Markdown (with the slot) and the HTML body for the slot."""

    markdown: str
    body: str


def page_markdown(title: str, description: str) -> str:
    """Markdown of a generated page: front matter, its heading, the body's slot."""
    meta = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    meta += f"description: {json.dumps(description, ensure_ascii=False)}\n"
    return f"---\n{meta}---\n\n# {title}\n\n{SLOT}\n"


def fill(page_html: str, body: str, page: Any) -> str:
    """``page_html`` with ``body`` in the slot; the body's ids join ``page``'s anchors.

    ``page`` is the MkDocs page being built (its ``present_anchor_ids``, which MkDocs
    checks links against once every page is rendered).
    """
    anchors = getattr(page, "present_anchor_ids", None)
    if isinstance(anchors, set):
        anchors.update(a or b for a, b in _ID.findall(body))
    return page_html.replace(SLOT, body.rstrip("\n"), 1)
