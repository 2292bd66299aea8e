"""The navigation once per language: an app shell for the sidebar (issue 22).

Material renders the whole (pruned) navigation into every page: about 8 KB of each
lesson, the same on every page of a language but for which item is open, and a
large part of each page's template work. Instead each language build writes its
navigation once, as data, into ``assets/javascripts/nav/<lang>.js``
(``window.aci.nav``), and ``overrides/partials/nav.html`` gives each page only the
sidebar's frame, a link to the language's home and to the modules for a reader
without JavaScript, the page's own table of contents, and two plain scripts: that
file and ``nav.js``, which draws Material's markup of ``partials/nav-item.html``
for the page (active path open, other modules pruned, the table of contents in the
active item) synchronously, before Material's bundle binds to it.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import Any

from aci_course.core import site_files

NAV_SCRIPT = "assets/javascripts/nav/{lang}.js"
"""Where each language's navigation data is written (precached by that language)."""


def nav_path(lang: str) -> str:
    """Site path of the navigation data of ``lang``."""
    return NAV_SCRIPT.format(lang=lang)


def _title(item: Any) -> str:
    """An item's title as text (Material writes it into HTML, nav.js as text)."""
    return html.unescape(str(item.title or ""))


def _urls(item: Any) -> list[str]:
    """The site-relative addresses of an item's pages."""
    children = getattr(item, "children", None)
    if children:
        return [url for child in children for url in _urls(child)]
    return [item.url] if getattr(item, "is_page", False) else []


def _folder(urls: list[str]) -> str:
    """The folder all ``urls`` share, with its trailing slash ("" for none)."""
    parts = [url.split("/")[:-1] for url in urls]
    common: list[str] = []
    for names in zip(*parts, strict=False):
        if len(set(names)) != 1:
            break
        common.append(names[0])
    return "".join(f"{name}/" for name in common)


def _item(item: Any, base: str) -> Any:
    """One navigation item as data; addresses are written from ``base``, a folder.

    A section is ``{"t": title, "d": the folder its pages share below base, "c":
    children}``; a page ``[title, address below base without ".html"]``, or
    ``[address]`` when it is its section's index page (``navigation.indexes``: the
    section's title stands for it in the navigation) with the section's title, or
    ``[title, address, 1]`` for another index page (the home page, or one whose own
    title, which the footer's links show, is not its section's); a link
    ``{"t": title, "u": address}``.
    """
    children = getattr(item, "children", None)
    if children:
        urls = _urls(item)
        folder = _folder(urls) if len(urls) > 1 else base
        if not folder.startswith(base):
            folder = base
        node: dict[str, Any] = {"t": _title(item)}
        if folder != base:
            node["d"] = folder[len(base) :]
        node["c"] = [_item(child, folder) for child in children]
        for index, child in enumerate(node["c"]):
            if isinstance(child, list) and len(child) == 3:
                if child[0] == node["t"]:
                    node["c"][index] = child[1:2]
                break
        return node
    url = str(getattr(item, "url", "") or "")
    if not getattr(item, "is_page", False):
        return {"t": _title(item), "u": url}
    url = url[len(base) :].removesuffix(".html")
    if item.is_index:
        return [_title(item), url, 1]
    return [_title(item), url]


def nav_data(items: Any) -> dict[str, Any]:
    """The navigation of a language build (``nav.items``) as plain data."""
    base = _folder([url for item in items for url in _urls(item)])
    return {"d": base, "c": [_item(item, base) for item in items]}


HEADER_START = '<header class="md-header'
HEADER_END = "</header>"


def is_shell_page(page_url: str, lang_prefix: str) -> bool:
    """True for a page that gets its header from the shell: all but the language's home.

    The home page renders Material's header itself; the build keeps it
    (:func:`header_of`) as the header of every other page of the language.
    """
    return page_url != f"{lang_prefix}index.html"


def header_of(page_html: str) -> str:
    """The header element of a page Material rendered whole ("" if it has none).

    Material's header holds no other header element, so its first end tag closes it.
    """
    start = page_html.find(HEADER_START)
    end = page_html.find(HEADER_END, start)
    if start < 0 or end < 0:
        return ""
    return page_html[start : end + len(HEADER_END)]


CONFIG_START = '<script id="__config" type="application/json">'
CONFIG_END = "</script>"
CONFIG_ADDRESSES = ("base", "search")
"""The entries of Material's configuration that are addresses relative to the page."""


def config_of(page_html: str, page_url: str) -> dict[str, Any] | None:
    """Material's configuration as the page at site path ``page_url`` has it, or None.

    Its addresses (:data:`CONFIG_ADDRESSES`) are made site paths, so that nav.js can
    write them relative to any page of the language.
    """
    start = page_html.find(CONFIG_START)
    end = page_html.find(CONFIG_END, start)
    if start < 0 or end < 0:
        return None
    config: dict[str, Any] = json.loads(page_html[start + len(CONFIG_START) : end])
    folder = posixpath.dirname(page_url)
    for name in CONFIG_ADDRESSES:
        address = config.get(name)
        if isinstance(address, str):
            path = posixpath.normpath(posixpath.join(folder, address))
            path = "" if path == "." else path
            config[name] = path + "/" if address.endswith("/") and path else path
    return config


def shell_script(items: Any, header: str, home: str, config: dict[str, Any] | None = None) -> str:
    """The script that sets ``window.aci.nav`` (nav.js draws from it).

    The navigation ``items`` as data, the ``header`` HTML and Material's ``config``
    (:func:`config_of`) of the page at site path ``home``, whose links are relative
    to it.
    """
    data = nav_data(items)
    if header:
        data["home"] = home
    if config is not None:
        data["config"] = config
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    script = f"(window.aci=window.aci||{{}}).nav={text};\n"
    if header:
        script += f"window.aci.nav.header={_js_string(header)};\n"
    return script


def _js_string(text: str) -> str:
    """``text`` as a JavaScript string in single quotes.

    HTML's double quotes stay as they are (JSON would escape each of them).
    """
    escapes = {
        "\\": "\\\\",
        "'": "\\'",
        "\n": "\\n",
        "\r": "\\r",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
    return "'" + "".join(escapes.get(char, char) for char in text) + "'"


def write(site_dir: str, lang: str, script: str) -> None:
    """Write the language's shell script into the built site."""
    site_files.write_text(Path(site_dir) / nav_path(lang), script)
