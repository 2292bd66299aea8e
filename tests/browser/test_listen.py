"""Read aloud with the device's own voices, and the reading settings.

Headless Chromium has no voices, so every test stubs ``speechSynthesis`` and
``SpeechSynthesisUtterance`` before the page's scripts run: each test says which
voices the "device" has (local or network, per language); the stub records what was
spoken and with which voice, and ``__finish()`` ends the sentence being spoken.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aci_course.core.texts import t
from tests.browser.conftest import Browse
from tests.browser.test_a11y import FIRST, QUIZ_LESSON, axe_violations
from tests.quality.test_html_valid import check_html, describe

LESSON = f"modules/{FIRST.id}/{FIRST.lessons[0].slug}.html"

STUB = """
(() => {
  const voices = %s;
  const spoken = [];
  let current = null;
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => {
    spoken.push({text: u.text, voice: u.voice ? u.voice.name : null,
                 local: u.voice ? u.voice.localService : null});
    current = u;
  };
  synth.cancel = () => { current = null; };
  synth.pause = () => {};
  synth.resume = () => {};
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  window.__spoken = spoken;
  window.__finish = () => { const u = current; current = null; if (u && u.onend) u.onend({}); };
})();
"""


def voice(lang: str, local: bool) -> dict[str, object]:
    kind = "local" if local else "network"
    return {"name": f"{kind} {lang}", "lang": f"{lang}-XX", "localService": local, "default": False}


EVERY_VOICE = [voice(lang, local) for lang in ("ru", "be", "en") for local in (False, True)]
NETWORK_ONLY = [voice(lang, False) for lang in ("ru", "be", "en")]


def stub(page: Any, voices: list[dict[str, object]]) -> None:
    page.add_init_script(STUB % json.dumps(voices))


def spoken(page: Any) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__spoken"))


def wait_spoken(page: Any, n: int) -> list[dict[str, Any]]:
    page.wait_for_function(f"window.__spoken.length >= {n}")
    return spoken(page)


def reading(page: Any) -> str:
    """The text of the sentence marked as being read (it may span several elements)."""
    text = page.evaluate(
        "Array.from(document.querySelectorAll('[data-reading]')).map(e => e.textContent).join('')"
    )
    return " ".join(str(text).split())


def test_reads_sentence_by_sentence_with_a_local_voice_by_keyboard(browse: Browse) -> None:
    page = browse.page
    stub(page, EVERY_VOICE)
    browse.goto(LESSON, "ru")
    start = page.locator("[data-listen]")
    start.wait_for(state="visible")
    assert page.locator("[data-listen-none]").is_hidden()
    start.focus()
    page.keyboard.press("Enter")
    first = wait_spoken(page, 1)[0]
    assert first["voice"] == "local ru" and first["local"] is True
    assert reading(page) == first["text"]
    status = page.locator("[data-listen-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith(t("listen.reading", "ru").split("{n}")[0])
    # The next sentence follows when one ends, and the highlight with it.
    page.evaluate("__finish()")
    second = wait_spoken(page, 2)[1]
    assert second["text"] != first["text"]
    assert reading(page) == second["text"]
    # Pause, move on while paused (nothing spoken), resume there; all by keyboard.
    assert page.evaluate("document.activeElement.hasAttribute('data-listen-pause')")
    page.keyboard.press("Enter")
    assert page.locator("[data-listen-pause]").get_attribute("aria-pressed") == "true"
    assert status.inner_text() == t("listen.paused", "ru")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # previous, next
    assert page.evaluate("document.activeElement.hasAttribute('data-listen-next')")
    page.keyboard.press("Enter")
    third = reading(page)
    assert third not in (first["text"], second["text"])
    assert len(spoken(page)) == 2
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert wait_spoken(page, 3)[2]["text"] == third
    # Escape stops: no highlight, the bar goes, focus back on Listen.
    page.keyboard.press("Escape")
    assert page.locator("[data-reading]").count() == 0
    assert page.locator("[data-listen-bar]").is_hidden()
    assert status.inner_text() == t("listen.stopped", "ru")
    assert page.evaluate("document.activeElement.hasAttribute('data-listen')")
    assert all(entry["local"] is True for entry in spoken(page))
    browse.assert_clean()


def test_reading_starts_at_the_sentence_chosen_by_click_or_enter(
    new_browse: Callable[..., Browse],
) -> None:
    browse = new_browse()
    page = browse.page
    stub(page, EVERY_VOICE)
    browse.goto(LESSON, "en")
    page.locator("[data-listen]").click()
    wait_spoken(page, 1)
    later = page.locator("article h2 ~ p [data-sentence]:visible").nth(1)  # not the hidden version
    later.click()
    chosen = " ".join(str(later.text_content()).split())
    assert wait_spoken(page, 2)[-1]["text"].startswith(chosen)
    # The sentence being read is one tab stop: arrows choose another, Enter reads it.
    page.locator("[data-reading][tabindex='0']").focus()
    page.keyboard.press("ArrowDown")
    target = reading(page)
    page.keyboard.press("Enter")
    assert wait_spoken(page, 4)[-1]["text"] == target
    browse.assert_clean()


def test_quizzes_notes_and_hidden_text_are_not_read(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse()
    page = browse.page
    stub(page, EVERY_VOICE)
    browse.goto(QUIZ_LESSON, "ru")
    page.locator("[data-listen]").click()
    wait_spoken(page, 1)
    outside = page.evaluate(
        """Array.from(document.querySelectorAll('[data-sentence]')).filter(s => s.closest(
             'form, [data-facilitator], [data-search-exclude], .aci-sr-only, [hidden]')).length"""
    )
    assert outside == 0
    assert page.locator("form[data-quiz]").count() >= 1
    assert page.locator("article [data-sentence]").count() > 5


def test_no_local_voice_says_so_and_never_uses_a_network_voice(
    new_browse: Callable[..., Browse],
) -> None:
    for lang in ("ru", "en"):
        browse = new_browse()
        page = browse.page
        stub(page, NETWORK_ONLY)
        browse.goto(LESSON, lang)
        none = page.locator("[data-listen-none]")
        none.wait_for(state="visible")
        assert none.inner_text() == t("listen.no-voice", lang)
        assert page.locator("[data-listen]").is_hidden()
        assert page.locator("[data-listen-fallback]").count() == 0
        assert spoken(page) == []
    # Belarusian: the Russian voice is offered, and used only once the reader chooses it.
    browse = new_browse()
    page = browse.page
    stub(page, [voice("be", False), voice("ru", False), voice("ru", True)])
    browse.goto(LESSON, "be")
    page.locator("[data-listen-none]").wait_for(state="visible")
    assert page.locator("[data-listen-none]").inner_text() == t("listen.no-voice", "be")
    other = page.locator("[data-listen-fallback]")
    assert other.inner_text() == t("listen.use-russian", "be")
    assert spoken(page) == []
    other.focus()
    page.keyboard.press("Enter")
    assert wait_spoken(page, 1)[0]["voice"] == "local ru"
    browse.assert_clean()


def test_a_device_without_voices_shows_no_listen_button(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse()
    page = browse.page
    stub(page, [])
    browse.goto(LESSON, "be")
    page.locator("[data-listen-none]").wait_for(state="visible")  # after the voices' wait
    assert page.locator("[data-listen]").is_hidden()
    assert page.locator("[data-listen-fallback]").is_hidden()


def test_in_present_mode_reading_is_off_until_chosen(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse()
    page = browse.page
    stub(page, EVERY_VOICE)
    browse.goto(LESSON, "en")
    page.locator("[data-listen]").wait_for(state="visible")
    page.locator("[data-present]").click()
    button = page.locator("[data-present-dialog] [data-listen-present]")
    button.wait_for(state="visible")
    assert spoken(page) == []
    button.click()
    first = wait_spoken(page, 1)[0]
    assert page.locator("[data-present-slide] [data-reading]").count() >= 1
    assert reading(page) == first["text"]
    page.keyboard.press("Escape")  # leaves the presentation and stops reading
    assert page.locator("[data-present-dialog]").count() == 0
    assert page.locator("[data-reading]").count() == 0
    browse.assert_clean()


def test_on_a_phone_the_controls_fit(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = browse.page
    stub(page, EVERY_VOICE)
    browse.goto(LESSON, "ru")
    page.locator("[data-listen]").click()
    wait_spoken(page, 1)
    for button in page.locator("[data-listen-bar] button").all():
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert box["y"] + box["height"] <= 740


# A paragraph's line height in lines of its own font size.
SPACING = """(() => { const s = getComputedStyle(document.querySelector('article p'));
  return Math.round(parseFloat(s.lineHeight) / parseFloat(s.fontSize) * 100) / 100; })()"""
SETTINGS = {"line": "2", "letter": "1", "column": "narrow"}

# Records <html>'s reading attributes when <body> first appears: before anything is drawn.
AT_BODY = """
new MutationObserver((changes, observer) => {
  if (!document.body) return;
  observer.disconnect();
  const html = document.documentElement;
  window.__atBody = {line: html.getAttribute("data-aci-line"),
                     letter: html.getAttribute("data-aci-letter"),
                     column: html.getAttribute("data-aci-column")};
}).observe(document, {childList: true, subtree: true});
"""


def test_reading_settings_persist_and_apply_before_the_first_paint(
    new_browse: Callable[..., Browse],
) -> None:
    browse = new_browse()
    page = browse.page
    page.add_init_script(AT_BODY)
    browse.goto(LESSON, "be")
    before = page.evaluate(SPACING)
    toggle = page.locator("[data-reading-toggle]")
    panel = page.locator("[data-reading-settings]")
    assert panel.is_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    for name, value in SETTINGS.items():
        button = panel.locator(f"[data-aci-reading={name}][value='{value}']")
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-pressed") == "true"
    assert panel.locator("[aria-pressed=true]").count() == 4  # and the standard font
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-reading-toggle')")
    stored = page.evaluate(
        "JSON.parse(localStorage.getItem("
        "Object.keys(localStorage).find(k => k.endsWith(':reading'))))"
    )
    assert stored == SETTINGS
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("window.__atBody") == SETTINGS
    after = page.evaluate(SPACING)
    assert after > before * 1.2
    width = page.evaluate(
        "document.querySelector('.md-content__inner').getBoundingClientRect().width"
    )
    assert width < 34 * 17  # about 34em of the lesson's 16px text
    # Printed as set.
    page.emulate_media(media="print")
    assert page.evaluate(SPACING) == after
    page.emulate_media(media="screen")
    # Back to the defaults: nothing stored.
    toggle.click()
    for name, value in {"line": "0", "letter": "0", "column": "normal", "font": "0"}.items():
        panel.locator(f"[data-aci-reading={name}][value='{value}']").click()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.endsWith(':reading'))") == []
    assert page.evaluate("document.documentElement.hasAttribute('data-aci-line')") is False
    browse.assert_clean()


def test_axe_and_vnu_cover_the_new_controls_in_both_states(
    new_browse: Callable[..., Browse], tmp_path: Path
) -> None:
    found: list[str] = []
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    for scheme in ("light", "dark"):
        browse = new_browse(color_scheme=scheme)
        page = browse.page
        stub(page, EVERY_VOICE)
        browse.goto(LESSON, "be")
        page.locator("[data-listen]").click()
        wait_spoken(page, 1)
        page.locator("[data-reading-toggle]").click()
        page.locator("[data-aci-reading=line][value='1']").click()
        (snapshots / f"reading-{scheme}.html").write_text(page.content(), "utf-8")
        found += [f"reading, {scheme}: {line}" for line in axe_violations(page)]
        browse.assert_clean()
    browse = new_browse()
    page = browse.page
    stub(page, [voice("be", False), voice("ru", True)])
    browse.goto(LESSON, "be")
    page.locator("[data-listen-fallback]").wait_for(state="visible")
    (snapshots / "no-voice.html").write_text(page.content(), "utf-8")
    found += [f"no voice: {line}" for line in axe_violations(page)]
    assert found == [], "\n".join(found)
    errors = [describe(m, snapshots) for m in check_html(snapshots)]
    assert errors == []


def test_the_dyslexia_font_loads_only_when_chosen_and_has_the_belarusian_letters(
    new_browse: Callable[..., Browse],
) -> None:
    browse = new_browse()
    page = browse.page
    browse.goto(LESSON, "be")
    assert not [url for url in browse.requests if "/fonts/" in url]
    page.locator("[data-reading-toggle]").click()
    page.locator("[data-aci-reading=font][value=dyslexic]").click()
    page.wait_for_function("document.fonts.check('16px OpenDyslexic', 'ўі')")
    family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert family.strip('"').startswith("OpenDyslexic")
    # After a reload the head links the font's style sheet before the body is drawn.
    page.add_init_script(
        AT_BODY.replace(
            "column:",
            "font: html.getAttribute('data-aci-font'), "
            "sheet: !!document.querySelector('link[data-aci-reading-font]'), column:",
        )
    )
    page.reload()
    page.wait_for_load_state("load")
    at_body = page.evaluate("window.__atBody")
    assert at_body["font"] == "dyslexic" and at_body["sheet"] is True
    page.wait_for_function("document.fonts.check('16px OpenDyslexic', 'ўі')")
    browse.assert_clean()
