"""Material's header and footer icons drawn by the style sheet, not inlined in every page.

Material's templates include an icon as its whole SVG (``{% include ".icons/<set>/<name>.svg" %}``):
the header and footer repeat a dozen of them, about 2.5 KB, on every page. The theme's
own folder comes first when Jinja looks for a template, so ``overrides/.icons/<set>/<name>.svg``
replaces such an icon with an empty ``<svg class="aci-icon aci-icon--<set>-<name>">``
(Material's ``.md-icon svg`` rule still sizes it); :func:`icons_css` writes one rule per
replaced icon that paints Material's own drawing as a mask in the text's colour
(``.aci-icon`` in aci.css), once, in the site's style sheet. Icons of Markdown content
(the emoji extension reads Material's files itself) are not affected.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

ICON_CSS = "assets/stylesheets/icons.css"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"


def icon_class(name: str) -> str:
    """``material/magnify`` -> ``aci-icon--material-magnify``."""
    return "aci-icon--" + name.replace("/", "-")


def replaced_icons(custom_dir: Path) -> list[str]:
    """The icons ``custom_dir/.icons`` replaces, as ``<set>/<name>``."""
    folder = custom_dir / ".icons"
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.svg"))


def _data_uri(svg: str) -> str:
    """An SVG as a CSS ``url()`` (single quotes inside, as Material's own style sheet)."""
    svg = re.sub(r"\s+", " ", svg.strip()).replace('"', "'").replace("#", "%23")
    return f'url("data:image/svg+xml;charset=utf-8,{svg}")'


def icons_css(custom_dir: Path) -> str:
    """One rule per replaced icon: its class sets ``--aci-icon`` to Material's drawing."""
    rules = []
    for name in replaced_icons(custom_dir):
        source = MATERIAL_ICONS / f"{name}.svg"
        rules.append(f".{icon_class(name)}{{--aci-icon:{_data_uri(source.read_text('utf-8'))}}}")
    return "\n".join(rules) + "\n"
