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

import json
from typing import Any

NAV_SCRIPT = "assets/javascripts/nav/{lang}.js"
"""Where each language's navigation data is written (precached by that language)."""


def nav_path(lang: str) -> str:
    """Site path of the navigation data of ``lang``."""
    return NAV_SCRIPT.format(lang=lang)


def _item(item: Any) -> dict[str, Any]:
    """One navigation item as data.

    Title ``t``, site-relative page address ``u``, children ``c``, and ``x`` for a
    section's index page (``navigation.indexes``).
    """
    node: dict[str, Any] = {"t": str(item.title or "")}
    children = getattr(item, "children", None)
    if children:
        node["c"] = [_item(child) for child in children]
    elif getattr(item, "is_page", False):
        node["u"] = item.url
        if item.is_index:
            node["x"] = 1
    elif getattr(item, "is_link", False):
        node["u"] = item.url
    return node


def nav_data(items: Any) -> list[dict[str, Any]]:
    """The navigation of a language build as plain data (``nav.items``)."""
    return [_item(item) for item in items]


def nav_script(items: Any) -> str:
    """The script that sets ``window.aci.nav`` to the navigation ``items``."""
    data = json.dumps(nav_data(items), ensure_ascii=False, separators=(",", ":"))
    return f"(window.aci=window.aci||{{}}).nav={data};\n"
