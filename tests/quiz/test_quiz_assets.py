"""The quiz front end is wired into the site and speaks only through the page's HTML."""

from __future__ import annotations

import re
from pathlib import Path

from aci_course.core.texts import table

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "quiz.js"
STYLE = ROOT / "overrides" / "assets" / "stylesheets" / "quiz.css"


def test_mkdocs_yml_loads_the_plugin_script_and_style() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  aci-quiz: {}" in config
    assert "  - assets/javascripts/quiz.js\n" in config
    assert "  - assets/stylesheets/quiz.css\n" in config


def test_script_has_no_interface_text() -> None:
    """Every text the reader sees comes from data/ui.yml through the page."""
    script = SCRIPT.read_text(encoding="utf-8")
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', script)
    for key, texts in table().items():
        if key.startswith("quiz."):
            for lang, text in texts.items():
                # one-word texts ("wrong") may also be attribute values
                if " " in text:
                    assert not any(text in literal for literal in literals), (key, lang)
    cyrillic = [c for c in script if "\u0400" <= c <= "\u04ff" and c not in "ёе"]
    assert cyrillic == []


def test_script_namespaces_storage_by_course_version() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert '"aci:" + form.getAttribute("data-course-version") + ":quiz:"' in script


def test_print_styles_hide_answers_and_feedback() -> None:
    style = STYLE.read_text(encoding="utf-8")
    print_rules = style[style.index("@media print") :]
    for selector in ("[data-quiz-feedback]", "[data-quiz-mark]", "[data-quiz-result]", "select"):
        assert selector in print_rules
