"""Trainer notes inside lessons: admonitions of type ``facilitator``, as a Markdown extension.

    !!! facilitator "Title"
        Text indented four spaces.

``??? facilitator`` (collapsible, pymdownx.details) is treated the same way. The
extension's treeprocessor runs once the blocks are parsed, before inline Markdown and
the table of contents (so a note's headings take no id and no place in the contents):

* learner edition (``keep: false``): every block is taken out of the tree, so no
  page, search index or sitemap ever holds it;
* facilitator edition (``keep: true``): every block stays, marked
  ``data-facilitator`` for its styles and present mode.

Fenced code is code to python-markdown already: an example of the syntax stays.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NAME = "facilitator"
"""The admonition type (and ``details`` class) of a trainer note."""
ATTRIBUTE = "data-facilitator"
EXTENSION = "aci_course.editions.blocks"
"""The extension's name in ``markdown_extensions`` (and its key in ``mdx_configs``)."""
# Above the inline processor (20) and toc (5); blocks (admonition, details) are parsed.
PRIORITY = 25


def is_block(element: etree.Element) -> bool:
    """True for a rendered trainer note (an admonition or a details block)."""
    return element.tag in ("div", "details") and NAME in (element.get("class") or "").split()


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Remove ``child``, keeping the text that follows it."""
    if child.tail and child.tail.strip():
        index = list(parent).index(child)
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def apply(root: etree.Element, keep: bool) -> None:
    """Take every trainer note out of ``root``, or mark each (``keep``)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not is_block(child):
                continue
            if keep:
                child.set(ATTRIBUTE, "")
            else:
                _remove(parent, child)


class FacilitatorBlocksTreeprocessor(Treeprocessor):
    """Removes or marks the trainer notes of a page."""

    def __init__(self, md: Markdown, keep: bool) -> None:
        super().__init__(md)
        self.keep = keep

    def run(self, root: etree.Element) -> None:
        """Remove or mark every block."""
        apply(root, self.keep)


class FacilitatorBlocksExtension(Extension):
    """Option ``keep``: true in the facilitator edition, false (the default) in the learner's."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"keep": [False, "keep the trainer notes (facilitator edition), marked"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the treeprocessor."""
        processor = FacilitatorBlocksTreeprocessor(md, bool(self.getConfig("keep")))
        md.treeprocessors.register(processor, "aci_facilitator_blocks", PRIORITY)


def makeExtension(**kwargs: Any) -> FacilitatorBlocksExtension:
    """``markdown_extensions: [aci_course.editions.blocks]``."""
    return FacilitatorBlocksExtension(**kwargs)
