"""Header display options: texts in every language, storage key with the course version."""

from __future__ import annotations

import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.quality.a11y import TEXT_SIZE_STEPS, listen_html, storage_key, template_context


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
        assert t("listen.no-voice", lang) in html
        assert ('data-listen-fallback="ru"' in html) == (lang == "be")
