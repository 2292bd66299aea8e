"""The plain version leaves the page for its own script (issue 22: a lighter lesson)."""

from __future__ import annotations

import json

from aci_course.course.plain import fragment_path, fragment_script, split_out

SECTION = '<section class="aci-plain" data-plain="">'


def test_the_section_is_emptied_and_its_content_returned() -> None:
    inner = "<h2>Кратко</h2><section><p>вложенная</p></section><p>конец</p>"
    page = f"<article><h1>T</h1>{SECTION}{inner}</section><p>full</p></article>"
    split = split_out(page)
    assert split is not None
    assert split[0] == f"<article><h1>T</h1>{SECTION}</section><p>full</p></article>"
    assert split[1] == inner


def test_a_page_without_a_plain_version_is_left_alone() -> None:
    assert split_out("<article><p>x</p></article>") is None
    assert split_out(f"<article>{SECTION}<p>never closed</p>") is None


def test_each_language_has_its_own_folder() -> None:
    assert fragment_path("ru", "modules/care/01-a.html", "") == (
        "assets/javascripts/plain/ru/care/01-a.js"
    )
    assert fragment_path("be", "be/modules/care/01-a.html", "be/") == (
        "assets/javascripts/plain/be/care/01-a.js"
    )


def test_the_script_hands_the_html_to_plain_js() -> None:
    script = fragment_script("plain/ru/care/01-a.js", '<p>«Да» и "нет"</p>')
    assert script.startswith('(window.aci.plain=window.aci.plain||{})["plain/ru/care/01-a.js"]=')
    assert json.loads(script.split("]=", 1)[1].rstrip(";\n")) == '<p>«Да» и "нет"</p>'
