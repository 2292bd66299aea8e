"""Smaller pages: the whitespace Material's templates leave between tags, collapsed.

Material's navigation templates indent every item deeply; on a course of 200 modules
more than half of a page's navigation is blanks (about 34 KB of 56 KB). A run of
blanks next to a tag is shortened to one line break (or one space) - which renders
the same wherever white space is collapsed - and never inside ``pre``, ``code``,
``kbd``, ``samp``, ``textarea``, ``script``, ``style`` or comments, where it counts.
An inline ``<svg>`` loses its ``xmlns`` attribute (the HTML parser puts it in the SVG
namespace anyway): about 35 bytes for each of the dozen icons of every page. Outside the
page's ``<article>`` (Material's header, navigation and footer, whose elements sit in
blocks and flex rows, where a blank between two tags draws nothing) a line break
between two tags goes too: about 400 bytes a page. The article keeps them: between two
inline elements of a paragraph a line break is a space.

Inside the article only its edges are collapsed (the blank lines Material's content
block leaves after ``<article>`` and before ``</article>``) and inline SVGs lose their
namespace: Markdown writes single line breaks already, so scanning the whole article,
three quarters of a page, saved about 100 bytes a lesson for a third of this pass's
build time (issue 22).
"""

from __future__ import annotations

import re

_PROTECTED = re.compile(
    r"<(pre|code|kbd|samp|textarea|script|style)(?=[\s>/])[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# Blanks after a tag, and the blank lines before one (each starts at a fixed character,
# so the scan is fast): "\n" where there was a line break, else one space.
_AFTER_TAG = re.compile(r">[ \t\r\f]*\n[ \t\r\n\f]*")
_BEFORE_TAG = re.compile(r"\n[ \t\r\n\f]*<")
_SPACES_AFTER_TAG = re.compile(r">[ \t\f]{2,}")
_BETWEEN_TAGS = re.compile(r">\n<")
_ARTICLE = re.compile(r"<article[\s>].*</article>", re.DOTALL)


_SVG_XMLNS = '<svg xmlns="http://www.w3.org/2000/svg" '


def _compact_part(part: str, chrome: bool) -> str:
    part = part.replace(_SVG_XMLNS, "<svg ")
    part = _AFTER_TAG.sub(">\n", part)
    part = _BEFORE_TAG.sub("\n<", part)
    part = _SPACES_AFTER_TAG.sub("> ", part)
    return _BETWEEN_TAGS.sub("><", part) if chrome else part


def _compact_all(page_html: str, chrome: bool) -> str:
    out: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(page_html):
        out.append(_compact_part(page_html[position : protected.start()], chrome))
        out.append(protected.group())
        position = protected.end()
    out.append(_compact_part(page_html[position:], chrome))
    return "".join(out)


_BLANKS = " \t\r\n\f"


def _article_edges(article: str) -> str:
    """``<article ...>`` to ``</article>``: the blanks at its two edges made one line break."""
    start = article.index(">") + 1
    end = article.rindex("<")
    inner = article[start:end].strip(_BLANKS).replace(_SVG_XMLNS, "<svg ")
    return f"{article[:start]}\n{inner}\n{article[end:]}"


def compact(page_html: str) -> str:
    """``page_html`` with runs of blanks next to tags collapsed (protected parts kept)."""
    article = _ARTICLE.search(page_html)
    if article is None:
        return _compact_all(page_html, chrome=False)
    return (
        _compact_all(page_html[: article.start()], chrome=True)
        + _article_edges(article.group())
        + _compact_all(page_html[article.end() :], chrome=True)
    )
