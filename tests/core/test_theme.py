"""Lighter pages: readable JSON in templates, Material's palette trimmed (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from aci_course.core import theme

PALETTE = (
    '@charset "utf-8";'
    "@media screen{[data-md-color-scheme=slate]{--a:1}"
    "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--b:2}"
    "[data-md-color-scheme=slate][data-md-color-primary=black]{--c:3}}"
    "[data-md-color-accent=indigo]{--d:4}"
    '[data-md-color-accent="red"],[data-md-color-primary=teal] a{--e:5}'
    "[data-md-color-primary=red] x,y{--f:6}"
    ":not([data-md-color-primary=red]) z{--g:7}"
    '[data-md-color-primary=pink]{content:"}"}'
    "@media print{[data-md-color-primary=red]{--h:8}}"
)


def test_palette_keeps_the_used_colours_and_what_no_colour_decides() -> None:
    trimmed = theme.trim_palette_css(PALETTE, {"indigo"})
    assert trimmed == (
        '@charset "utf-8";'
        "@media screen{[data-md-color-scheme=slate]{--a:1}"
        "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--b:2}}"
        "[data-md-color-accent=indigo]{--d:4}"
        "y{--f:6}"
        ":not([data-md-color-primary=red]) z{--g:7}"
    )


def test_palette_keeps_every_colour_a_profile_names() -> None:
    used = theme.used_colours([{"primary": "teal", "accent": "deep orange"}, {"scheme": "slate"}])
    assert used == {"teal", "deep-orange", "indigo"}
    assert '[data-md-color-accent="red"],[data-md-color-primary=teal] a' not in (
        theme.trim_palette_css(PALETTE, used)
    )
    assert "[data-md-color-primary=teal] a{--e:5}" in theme.trim_palette_css(PALETTE, used)


def test_unbalanced_palette_is_refused() -> None:
    with pytest.raises(ValueError, match="unbalanced"):
        theme.trim_palette_css("a{b:c", {"indigo"})


def test_trim_palette_rewrites_the_site_file(tmp_path: Path) -> None:
    sheet = tmp_path / "assets" / "stylesheets" / "palette.0123abcd.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(PALETTE, encoding="utf-8")
    saved = theme.trim_palette(tmp_path, [{"primary": "indigo", "accent": "indigo"}])
    assert saved == len(PALETTE) - len(sheet.read_text(encoding="utf-8")) > 0


def test_tojson_writes_letters_as_they_are_compact_and_stays_html_safe() -> None:
    env = Environment()
    theme.readable_json(env)
    out = env.from_string("{{ value | tojson }}").render(value={"b": "Поиск</script>", "a": "'"})
    assert out == '{"a":"\\u0027","b":"Поиск\\u003c/script\\u003e"}'


def test_the_palette_script_is_materials_own() -> None:
    script = theme.palette_script()
    assert script.startswith('var palette=__md_get("__palette")')
    assert "<script" not in script and "{#" not in script
