"""Links to other hosts open in a new tab and say so, visibly and to screen readers.

A reader studying offline who follows a link to the web leaves the course; a new
tab keeps their place (and their quiz answers) in the course open. WCAG 3.2.5 asks
that a change of context is announced: each such link gets a visible marker and a
visually hidden text in the reader's language, both left out of the search index.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from aci_course.core.texts import t

# A start tag <a ...> whose quoted values may hold ">"; the end tag; parts to leave alone.
_A_START = re.compile(r"""<a(?=[\s>])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_A_END = re.compile(r"</a\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_OPAQUE = re.compile(
    r"<(script|style|textarea)(?=[\s>]).*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)

MARKER_CLASS = "aci-external"
SR_CLASS = "aci-sr-only"


def is_external(href: str, own_hosts: frozenset[str] = frozenset()) -> bool:
    """True for an ``http(s)`` or ``//host`` URL to a host other than ``own_hosts``."""
    url = html.unescape(href).strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False
    return (parts.hostname or "").lower() not in own_hosts


def marker(label: str, label_lang: str | None = None) -> str:
    """The visible arrow and the screen-reader text put at the end of a link."""
    lang = f' lang="{html.escape(label_lang)}"' if label_lang else ""
    return (
        f'<span class="{MARKER_CLASS}" aria-hidden="true" data-search-exclude>\u2197</span>'
        f'<span class="{SR_CLASS}"{lang} data-search-exclude> {html.escape(label)}</span>'
    )


def _attributes(text: str) -> list[tuple[str, str | None]]:
    result = []
    for match in _ATTR.finditer(text):
        value = match.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        result.append((match.group(1), value))
    return result


def _start_tag(attrs: list[tuple[str, str | None]]) -> str:
    parts = []
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<a " + " ".join(parts) + ">"


def _new_tab(attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """``attrs`` with ``target="_blank"`` and ``noopener`` in ``rel``."""
    rel: list[str] = []
    kept: list[tuple[str, str | None]] = []
    for name, value in attrs:
        lowered = name.lower()
        if lowered == "rel":
            rel += html.unescape(value or "").split()
        elif lowered != "target":
            kept.append((name, None if value is None else html.unescape(value)))
    if "noopener" not in rel:
        rel.append("noopener")
    return [*kept, ("target", "_blank"), ("rel", " ".join(rel))]


def mark_external_links(
    page_html: str,
    label: str,
    label_lang: str | None = None,
    own_hosts: frozenset[str] = frozenset(),
) -> tuple[str, list[str]]:
    """``(page_html with every external link marked, the external URLs in page order)``.

    ``label`` is the screen-reader text (e.g. "(opens in a new tab)"); ``label_lang``
    its language when the text around it is in another one (a borrowed page).
    Scripts, styles, text areas and comments are left as they are.
    """
    out: list[str] = []
    urls: list[str] = []
    position = 0
    for opaque in [*_OPAQUE.finditer(page_html), None]:
        end = opaque.start() if opaque is not None else len(page_html)
        out.append(_mark_part(page_html[position:end], label, label_lang, own_hosts, urls))
        if opaque is not None:
            out.append(opaque.group())
            position = opaque.end()
    return "".join(out), urls


def own_hosts(site_url: str | None) -> frozenset[str]:
    """The site's own host (from ``site_url``), whose links are not external."""
    host = urlsplit(site_url or "").hostname
    return frozenset({host.lower()}) if host else frozenset()


def mark_for_reader(page_html: str, reader: str, shown: str, site_url: str | None) -> str:
    """``page_html`` with its external links marked for a reader of ``reader``.

    ``shown`` is the language of the text around the links (another one on a page
    borrowed from Russian, whose screen-reader text then carries its own ``lang``).
    """
    marked, _ = mark_external_links(
        page_html,
        t("link.new-tab", reader),
        label_lang=reader if shown != reader else None,
        own_hosts=own_hosts(site_url),
    )
    return marked


def _mark_part(
    part: str, label: str, label_lang: str | None, own_hosts: frozenset[str], urls: list[str]
) -> str:
    out: list[str] = []
    position = 0
    for start in _A_START.finditer(part):
        if start.start() < position:  # inside a link already handled
            continue
        attrs = _attributes(start.group(1))
        href = next((v for n, v in attrs if n.lower() == "href" and v is not None), None)
        if href is None or not is_external(href, own_hosts):
            continue
        end = _A_END.search(part, start.end())
        if end is None:
            continue
        urls.append(html.unescape(href))
        out.append(part[position : start.start()])
        out.append(_start_tag(_new_tab(attrs)))
        inner = part[start.end() : end.start()]
        out.append(inner if MARKER_CLASS in inner else inner + marker(label, label_lang))
        out.append(end.group())
        position = end.end()
    out.append(part[position:])
    return "".join(out)
