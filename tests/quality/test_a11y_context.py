"""Header display options: texts in every language, storage key with the course version."""

from __future__ import annotations

import json

import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.quality.a11y import (
    TEXT_SIZE_STEPS,
    later_path,
    listen_html,
    storage_key,
    template_context,
    texts_path,
    texts_scripts,
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_label_exists_in_every_language(lang: str) -> None:
    context = template_context(lang, "2026.1")
    texts = context["aci_a11y"]
    assert isinstance(texts, dict)
    needed = ["a11y.text-size", "a11y.to-dark", "a11y.to-light"]
    needed += [f"a11y.text-size-{step}" for step in range(TEXT_SIZE_STEPS)]
    assert all(texts[key].strip() for key in needed)
    assert len({texts[f"a11y.text-size-{step}"] for step in range(TEXT_SIZE_STEPS)}) == 3
    assert context["aci_text_size_key"] == "aci:2026.1:text-size"


def test_storage_key_starts_with_aci_and_the_version() -> None:
    assert storage_key("2027.2", "text-size") == "aci:2027.2:text-size"


def test_listen_control_offers_the_russian_voice_only_on_belarusian_pages() -> None:
    for lang in ("ru", "be", "en"):
        html = listen_html(lang)
        for marker in ("data-listen ", "data-listen-none", "data-search-exclude"):
            assert marker in html
        assert t("listen.no-voice", lang) not in html  # in the language's on-demand texts
        assert ('data-listen-fallback="ru"' in html) == (lang == "be")


def _assigned(script: str) -> dict[str, str]:
    """The texts a script of :func:`texts_scripts` puts into ``window.aci.ui``."""
    start = "Object.assign(window.aci.ui=window.aci.ui||{},"
    line = script.splitlines()[0]
    assert line.startswith(start) and line.endswith(");")
    texts: dict[str, str] = json.loads(line[len(start) : -2])
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_come_in_two_scripts_per_language(lang: str) -> None:
    """What a lesson shows as it opens in the first, the rest when a control opens."""
    scripts = texts_scripts(lang)
    assert list(scripts) == [texts_path(lang), later_path(lang)]
    first, later = (_assigned(script) for script in scripts.values())
    assert first == {"listen.no-voice": t("listen.no-voice", lang)}
    assert scripts[texts_path(lang)].endswith(f'window.aci.uiLater="texts/{lang}.later.js";\n')
    for key in ("listen.pause", "a11y.line", "present.next", "forget.yes"):
        assert later[key] == t(key, lang)
    assert "listen.no-voice" not in later
    # The trainer notes' texts belong to the facilitator edition only.
    assert not [key for key in later if key.startswith("present.notes")]
    assert not [key for key in later if key.startswith("html.")]
    # The lesson controls' markup, drawn by the scripts that own them (aci.draw).
    with_controls = texts_scripts(lang, {"listen": listen_html(lang)})
    assert _assigned(with_controls[texts_path(lang)]) == {**first, "html.listen": listen_html(lang)}
    assert with_controls[later_path(lang)] == scripts[later_path(lang)]
    assert texts_path(lang) == f"assets/javascripts/texts/{lang}.js"
    assert template_context(lang, "2026.1")["aci_texts"] == texts_path(lang)


def test_the_texts_carry_the_controls_of_the_configured_plugins() -> None:
    """aci-quality's lesson_controls: present with aci-editions (the facilitator's with
    the notes window's texts), "lesson done" with aci-progress; listen and plain always."""
    from types import SimpleNamespace

    from aci_course.plugins.quality.plugin import lesson_controls

    editions = SimpleNamespace(config=SimpleNamespace(edition="facilitator"))
    plugins = {"aci-editions": editions, "aci-progress": object()}
    full = lesson_controls(SimpleNamespace(plugins=plugins), "en")  # type: ignore[arg-type]
    assert set(full) == {"present", "listen", "plain", "lesson-done"}
    assert f'data-present-text-notes-title="{t("present.notes-title", "en")}"' in full["present"]
    assert "data-lesson-done" in full["lesson-done"] and "data-plain-toggle" in full["plain"]
    editions.config.edition = "learner"
    learner = lesson_controls(SimpleNamespace(plugins=plugins), "en")  # type: ignore[arg-type]
    assert "data-present " in learner["present"] and "notes" not in learner["present"]
    bare = lesson_controls(SimpleNamespace(plugins={}), "en")  # type: ignore[arg-type]
    assert set(bare) == {"listen", "plain"}
