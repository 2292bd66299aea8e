"""Trainer notes inside lessons: admonitions of type ``facilitator``.

    !!! facilitator "Title"
        Text indented four spaces.

The learner edition removes them from the Markdown before it becomes HTML, so no
page, search index or sitemap ever holds them; the facilitator edition keeps them
and marks the rendered block ``data-facilitator`` for its styles and present mode.
``??? facilitator`` (collapsible) is treated the same way.
"""

from __future__ import annotations

import re

from aci_course.core.sources import code_lines

BLOCK_START = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+facilitator(?:[ \t]|$)")
# What python-markdown's admonition and pymdownx.details write for the block.
RENDERED = re.compile(
    r"<(?P<tag>div|details)(?P<before>[^>]*?) "
    r'class="(?P<cls>(?:admonition )?facilitator(?: [^"]*)?)"'
)


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def strip_blocks(markdown: str) -> str:
    """The Markdown without any facilitator block (fenced code is left alone)."""
    lines = markdown.splitlines(keepends=True)
    code = code_lines([line.rstrip("\r\n") for line in lines])
    kept: list[str] = []
    block_indent: int | None = None
    for line, in_code in zip(lines, code, strict=True):
        if block_indent is not None:
            body = line.strip()
            if not body or _width(line[: len(line) - len(line.lstrip())]) > block_indent:
                continue  # still inside the block (blank lines included)
            block_indent = None
        if not in_code:
            start = BLOCK_START.match(line)
            if start:
                block_indent = _width(start.group("indent"))
                continue
        kept.append(line)
    return "".join(kept)


def has_blocks(markdown: str) -> bool:
    """True if the Markdown has a facilitator block outside fenced code."""
    return strip_blocks(markdown) != markdown


def mark_blocks(html: str) -> str:
    """Add ``data-facilitator`` to every rendered facilitator block."""
    return RENDERED.sub(
        lambda m: f'<{m.group("tag")}{m.group("before")} class="{m.group("cls")}" data-facilitator',
        html,
    )
