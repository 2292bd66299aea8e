"""Links to other hosts open in a new tab and say so, visibly and to screen readers.

A reader studying offline who follows a link to the web leaves the course; a new
tab keeps their place (and their quiz answers) in the course open. WCAG 3.2.5 asks
that a change of context is announced: each such link gets a visible marker and a
visually hidden text in the reader's language, both left out of the search index.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from aci_course.core.texts import t

MARKER_CLASS = "aci-external"
SR_CLASS = "aci-sr-only"
# After toc (5), so headings' permalinks and the table of contents do not take the
# marker's text; before MkDocs' relative-path rewriting (0), which leaves other hosts alone.
PRIORITY = 3
# A lone start or end tag of a link, as python-markdown stashes inline raw HTML.
_LONE_START = re.compile(r"<a(?=[\s>])[^<]*>\Z", re.IGNORECASE)
_LONE_END = re.compile(r"</a\s*>\Z", re.IGNORECASE)


def is_external(href: str, own_hosts: frozenset[str] = frozenset()) -> bool:
    """True for an ``http(s)`` or ``//host`` URL to a host other than ``own_hosts``."""
    url = html.unescape(href).strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False
    return (parts.hostname or "").lower() not in own_hosts


def own_hosts(site_url: str | None) -> frozenset[str]:
    """The site's own host (from ``site_url``), whose links are not external."""
    host = urlsplit(site_url or "").hostname
    return frozenset({host.lower()}) if host else frozenset()


@dataclass
class Marking:
    """What a link to another host gets: its screen-reader text, and the hosts that are ours.

    ``label_lang`` is the label's language when the text around it is in another one
    (a page borrowed from Russian).
    """

    label: str
    label_lang: str | None = None
    own_hosts: frozenset[str] = frozenset()

    def external(self, href: str | None) -> bool:
        """True if ``href`` leads to another host."""
        return href is not None and is_external(href, self.own_hosts)

    def new_tab(self, attrib: Any) -> None:
        """Give a link's attributes ``target="_blank"`` and ``noopener`` in ``rel`` (last)."""
        rel = [word for word in (attrib.pop("rel", None) or "").split()]
        attrib.pop("target", None)
        if "noopener" not in rel:
            rel.append("noopener")
        attrib["target"] = "_blank"
        attrib["rel"] = " ".join(rel)

    def marker_attributes(self) -> tuple[dict[str, str], dict[str, str]]:
        """The attributes of the arrow and of the screen-reader text, but the search flag."""
        sr = {"class": SR_CLASS}
        if self.label_lang:
            sr["lang"] = self.label_lang
        return {"class": MARKER_CLASS, "aria-hidden": "true"}, sr


def _has_marker(link: Any) -> bool:
    return any(MARKER_CLASS in (child.get("class") or "").split() for child in link)


def mark_tree(root: etree.Element, marking: Marking) -> None:
    """Mark every external link in a python-markdown tree."""
    for link in list(root.iter("a")):
        href = link.get("href")
        if not marking.external(href) or _has_marker(link):
            continue
        marking.new_tab(link.attrib)
        arrow_attrs, sr_attrs = marking.marker_attributes()
        arrow = etree.SubElement(link, "span", {**arrow_attrs, "data-search-exclude": ""})
        arrow.text = "\u2197"
        sr = etree.SubElement(link, "span", {**sr_attrs, "data-search-exclude": ""})
        sr.text = f" {marking.label}"


def _marker_elements(marking: Marking) -> list[lxml.html.HtmlElement]:
    arrow_attrs, sr_attrs = marking.marker_attributes()
    arrow = lxml.html.Element("span", {**arrow_attrs, "data-search-exclude": ""})
    arrow.text = "\u2197"
    sr = lxml.html.Element("span", {**sr_attrs, "data-search-exclude": ""})
    sr.text = f" {marking.label}"
    return [arrow, sr]


def _serialize(fragments: Iterable[Any]) -> str:
    return "".join(
        f if isinstance(f, str) else lxml.html.tostring(f, encoding="unicode") for f in fragments
    )


def mark_html(block: str, marking: Marking) -> str:
    """Mark the external links of a raw HTML block (parsed by lxml; unchanged when none)."""
    if "<a" not in block.lower():
        return block
    fragments = lxml.html.fragments_fromstring(block)
    changed = False
    for fragment in fragments:
        if isinstance(fragment, str):
            continue
        for link in list(fragment.iter("a")):
            href = link.get("href")
            if not marking.external(href) or _has_marker(link):
                continue
            changed = True
            marking.new_tab(link.attrib)
            link.extend(_marker_elements(marking))
    return _serialize(fragments) if changed else block


def mark_stash(blocks: list[Any], marking: Marking) -> None:
    """Mark the raw HTML python-markdown has set aside (blocks, and inline tags one by one)."""
    open_link = False
    for index, block in enumerate(blocks):
        if not isinstance(block, str):
            continue
        if _LONE_START.match(block.strip()):
            link = lxml.html.fragment_fromstring(block.strip() + "</a>")
            if marking.external(link.get("href")):
                marking.new_tab(link.attrib)
                blocks[index] = lxml.html.tostring(link, encoding="unicode").removesuffix("</a>")
                open_link = True
        elif open_link and _LONE_END.match(block.strip()):
            blocks[index] = _serialize(_marker_elements(marking)) + block
            open_link = False
        else:
            blocks[index] = mark_html(block, marking)


class ExternalLinksTreeprocessor(Treeprocessor):
    """Marks the external links of a page, in its tree and in its raw HTML."""

    def __init__(self, md: Markdown, extension: ExternalLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Mark the tree, then the raw HTML set aside."""
        marking = self.extension.marking()
        mark_tree(root, marking)
        mark_stash(self.md.htmlStash.rawHtmlBlocks, marking)


class ExternalLinksExtension(Extension):
    """``aci_course.quality.external_links``: links to other hosts open in a new tab, marked.

    Options: ``label`` (the screen-reader text), ``label_lang`` (its language, when the
    page is in another one), ``own_hosts`` (hosts that are not "other").
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "label": ["(opens in a new tab)", "screen-reader text after each external link"],
            "label_lang": ["", "the label's language, when the page's text is in another one"],
            "own_hosts": [[], "hosts whose links are not external"],
        }
        super().__init__(**kwargs)

    def marking(self) -> Marking:
        """A fresh marking with the options of this page."""
        return Marking(
            label=str(self.getConfig("label")),
            label_lang=str(self.getConfig("label_lang")) or None,
            own_hosts=frozenset(str(host).lower() for host in self.getConfig("own_hosts")),
        )

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the treeprocessor."""
        md.treeprocessors.register(
            ExternalLinksTreeprocessor(md, self), "aci_external_links", PRIORITY
        )


def makeExtension(**kwargs: Any) -> ExternalLinksExtension:
    """``markdown_extensions: [aci_course.quality.external_links]``."""
    return ExternalLinksExtension(**kwargs)


EXTENSION = "aci_course.quality.external_links"
"""The extension's name in ``markdown_extensions`` (and its key in ``mdx_configs``)."""


def options_for_reader(reader: str, shown: str, site_url: str | None) -> dict[str, Any]:
    """The extension's options for a page in ``shown`` read by a reader of ``reader``.

    ``shown`` is the language of the text around the links (another one on a page
    borrowed from Russian, whose screen-reader text then carries its own ``lang``).
    """
    return {
        "label": t("link.new-tab", reader),
        "label_lang": reader if shown != reader else "",
        "own_hosts": sorted(own_hosts(site_url)),
    }
