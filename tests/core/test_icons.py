"""Material's header and footer icons: empty in the page, drawn once by icons.css."""

from __future__ import annotations

import re
from pathlib import Path

from aci_course.core.icons import MATERIAL_ICONS, icon_class, icons_css, replaced_icons
from tests.repo_config import ROOT

OVERRIDES = ROOT / "overrides"


def test_each_replaced_icon_is_an_empty_svg_with_its_class() -> None:
    names = replaced_icons(OVERRIDES)
    assert "material/magnify" in names and "material/menu" in names
    for name in names:
        text = (OVERRIDES / ".icons" / f"{name}.svg").read_text("utf-8").strip()
        assert text == f'<svg class="aci-icon {icon_class(name)}"></svg>', name
        assert (MATERIAL_ICONS / f"{name}.svg").is_file(), f"{name}: not one of Material's icons"


def test_the_style_sheet_draws_each_with_materials_own_path() -> None:
    css = icons_css(OVERRIDES)
    for name in replaced_icons(OVERRIDES):
        path = re.search(r' d="([^"]+)"', (MATERIAL_ICONS / f"{name}.svg").read_text("utf-8"))
        assert path is not None
        rule = f'.{icon_class(name)}{{--aci-icon:url("data:image/svg+xml;charset=utf-8,'
        assert rule in css, name
        assert f"d='{path[1]}'" in css, name
    assert '"' not in css.replace('url("', "").replace('")', "")


def test_a_theme_folder_without_icons_gets_an_empty_sheet(tmp_path: Path) -> None:
    assert replaced_icons(tmp_path) == []
    assert icons_css(tmp_path) == "\n"
