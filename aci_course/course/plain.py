"""A lesson's plain-language version: the ``!!! plain`` block, as a Markdown extension.

    # Lesson title

    !!! plain
        Short sentences, everyday words, the lesson's headings in the same order.

        ## First heading
        ...

The block (read by :func:`aci_course.core.sources.plain_blocks`) is written once per
lesson and language, at the start of a line, with no title. The extension turns it into
``<section data-plain>`` right after the lesson's title, so that what follows it is the
full lesson; ``plain.js`` draws the "Plain language" switch (``[data-plain-toggle]``)
above the section and, with ``aci.css``, shows one version or the other (the full
lesson's quizzes and figures show in both). Its inline Markdown is rendered like the
lesson's, but the table of contents never sees it (its headings take no id and no place
in the contents), so the contents stay the lesson's. Material's search reads the page's
HTML, so the plain version is found like the lesson (in its first section).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from aci_course.core.errors import AuthorError
from aci_course.core.sources import plain_blocks
from aci_course.core.templating import render

NAME = "plain"
"""The admonition type of the plain-language version."""
EXTENSION = "aci_course.course.plain"
"""The extension's name in ``markdown_extensions`` (and its key in ``mdx_configs``)."""
EXAMPLE = "!!! plain"
# Take the block out after inline Markdown (20) and attr_list (8), before the table of
# contents (5); put it back after the contents were made.
TAKE_PRIORITY = 6
PUT_PRIORITY = 4

_PROBLEMS = {
    "nested": (
        f'"{EXAMPLE}" is indented',
        f'write "{EXAMPLE}" at the start of a line, outside lists and other blocks',
    ),
    "collapsible": (
        "the plain-language version is written as a collapsible block",
        f'write "{EXAMPLE}" (the lesson shows a switch for it)',
    ),
    "title": (
        f'"{EXAMPLE}" has a title',
        f'write "{EXAMPLE}" alone on its line (the switch names the version)',
    ),
}


def check(text: str, path: str) -> bool:
    """True if the lesson ``text`` has a plain version; AuthorError (``path``:line) if malformed."""
    blocks = plain_blocks(text)
    for block in blocks:
        if block.problem is not None:
            problem, fix = _PROBLEMS[block.problem]
            raise AuthorError(path, block.index + 1, problem, fix)
        if not block.text.strip():
            raise AuthorError(
                path,
                block.index + 1,
                "the plain-language version is empty",
                f'indent its text four spaces under "{EXAMPLE}"',
            )
    if len(blocks) > 1:
        raise AuthorError(
            path,
            blocks[1].index + 1,
            "a second plain-language version in one lesson",
            f'keep one "{EXAMPLE}" block per lesson and move this text into it',
        )
    return bool(blocks)


def _is_block(element: etree.Element) -> bool:
    classes = (element.get("class") or "").split()
    return element.tag == "div" and "admonition" in classes and NAME in classes


def toggle_html(lang: str) -> str:
    """The switch above the plain version, in ``lang`` (drawn by plain.js: ``html.plain``)."""
    return render("course/plain_toggle.html", lang=lang)


class _Take(Treeprocessor):
    """Takes the plain block out of the tree before the table of contents is made."""

    def __init__(self, md: Markdown, shared: dict[str, etree.Element]) -> None:
        super().__init__(md)
        self.shared = shared

    def run(self, root: etree.Element) -> None:
        self.shared.clear()
        for child in list(root):
            if _is_block(child):
                section = etree.Element("section", {"class": "aci-plain", "data-plain": ""})
                for inner in child:
                    if "admonition-title" not in (inner.get("class") or "").split():
                        section.append(inner)
                self.shared["section"] = section
                root.remove(child)
                return


class _Put(Treeprocessor):
    """Puts the plain block back right after the title: the full lesson follows it."""

    def __init__(self, md: Markdown, shared: dict[str, etree.Element]) -> None:
        super().__init__(md)
        self.shared = shared

    def run(self, root: etree.Element) -> None:
        section = self.shared.pop("section", None)
        if section is None:
            return
        children = list(root)
        start = 1 if children and children[0].tag == "h1" else 0
        root.insert(start, section)


class PlainExtension(Extension):
    """The plain-language version as ``<section data-plain>`` after the lesson's title."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the two treeprocessors around the table of contents."""
        shared: dict[str, etree.Element] = {}
        md.treeprocessors.register(_Take(md, shared), "aci_plain_take", TAKE_PRIORITY)
        md.treeprocessors.register(_Put(md, shared), "aci_plain_put", PUT_PRIORITY)


def makeExtension(**kwargs: Any) -> PlainExtension:
    """``markdown_extensions: [aci_course.course.plain]``."""
    return PlainExtension(**kwargs)


# --- the plain version out of the page --------------------------------------------

FRAGMENTS = "assets/javascripts/plain"
"""Where each lesson's plain version waits, as a script (``plain/<lang>/<module>/<lesson>.js``)."""

_OPEN = '<section class="aci-plain" data-plain="">'


def fragment_path(lang: str, dest_uri: str, prefix: str) -> str:
    """Site path of the plain version of the lesson written to ``dest_uri``.

    ``prefix`` is the language's folder (``be/``, or ``""`` for the default language).
    No ``modules/`` in the path: an export of one module (SCORM) takes ``assets/`` whole
    and no other module's pages.
    """
    page = dest_uri[len(prefix) :] if prefix and dest_uri.startswith(prefix) else dest_uri
    page = page.removeprefix("modules/").removesuffix(".html")
    return f"{FRAGMENTS}/{lang}/{page}.js"


def split_out(page_html: str) -> tuple[str, str] | None:
    """The page with an empty ``<section data-plain>``, and what the section held.

    Most readers never open the plain version: it leaves the page (and is fetched by
    plain.js when chosen), after Material's search read it from the page's content, so
    it is found as before. Our extension writes the section's opening tag, and the
    section's end is found by counting the ``<section`` tags inside it. None when the
    page has no plain version.
    """
    start = page_html.find(_OPEN)
    if start == -1:
        return None
    inner = start + len(_OPEN)
    depth, position = 1, inner
    while depth:
        closing = page_html.find("</section>", position)
        opening = page_html.find("<section", position)
        if closing == -1:
            return None
        if opening != -1 and opening < closing:
            depth, position = depth + 1, opening + len("<section")
        else:
            depth, position = depth - 1, closing + len("</section>")
    end = position - len("</section>")
    return page_html[:inner] + page_html[end:], page_html[inner:end]


def fragment_script(src: str, html: str) -> str:
    """The script that hands plain.js a plain version: ``window.aci.plain[src] = html``."""
    data = json.dumps(html, ensure_ascii=False)
    return f"(window.aci.plain=window.aci.plain||{{}})[{json.dumps(src)}]={data};\n"
