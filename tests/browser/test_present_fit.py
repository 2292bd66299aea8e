"""Present mode fits the projector: no screen of any lesson scrolls (issue 21).

Every lesson of the built course, in every language, is presented at 1280x720 and
at 1024x768 (common projectors) in one page: each lesson starts at one size, is stepped
through, then the window takes the other size (as when a laptop's screen is mirrored
to a projector) and it is stepped through again. The walk is bench/present_fit.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.present_fit import SIZES, Screen, lessons, start, walk
from tests.browser.conftest import Browse


def test_no_screen_scrolls_at_projector_sizes(
    new_browse: Callable[..., Browse], built_site: Path
) -> None:
    width, height = SIZES[0]
    browse = new_browse(viewport={"width": width, "height": height})
    page = browse.page
    found = lessons(built_site)
    assert len(found) >= 100  # every lesson of three languages
    screens: dict[tuple[int, int], list[Screen]] = {size: [] for size in SIZES}
    sizes = list(SIZES)
    for lesson in found:
        page.goto(browse.base + lesson)
        start(page)
        for size in sizes:
            if page.viewport_size != {"width": size[0], "height": size[1]}:
                page.set_viewport_size({"width": size[0], "height": size[1]})
                page.locator(
                    f"[data-present-dialog][data-present-fit='{size[0]}x{size[1]}']"
                ).wait_for(state="attached")
            screens[size] += walk(page, lesson)
        sizes.reverse()  # the next lesson starts at the size this one ended with
    problems = [
        f"{w}x{h} {s.lesson} {s.position}: {s.screens:.2f} screens tall"
        for (w, h), shown in screens.items()
        for s in shown
        if s.scrolls
    ]
    problems += [
        f"{w}x{h} {s.lesson} {s.position}: {s.questions} questions on one screen"
        for (w, h), shown in screens.items()
        for s in shown
        if s.questions > 1
    ]
    assert problems == [], "\n".join(problems)
    # Both sizes show every lesson, and a cut section counts its screens.
    for shown in screens.values():
        assert len({s.lesson for s in shown}) == len(found)
        assert len(shown) > len(found) * 3
    browse.assert_clean()


FITS = "s => s.scrollHeight <= s.clientHeight && s.scrollWidth <= s.clientWidth"


def test_a_quiz_on_screen_is_one_question_at_a_time_and_its_feedback_fits(
    new_browse: Callable[..., Browse], built_site: Path
) -> None:
    lesson = next(
        path
        for path in lessons(built_site)
        if path.startswith("en/")
        and "javascripts/quiz/" in (built_site / path).read_text("utf-8")  # its form's script
    )
    browse = new_browse(viewport={"width": 1024, "height": 768})
    page = browse.page
    page.goto(browse.base + lesson)
    start(page)
    slide = page.locator("[data-present-slide]")
    shown = slide.locator("[data-question]:visible")
    submit = slide.locator("form[data-quiz] button[type=submit]")
    while not submit.is_visible():  # on to the quiz's last question
        before = page.locator("[data-present-position]").inner_text()
        page.keyboard.press("PageDown")
        assert page.locator("[data-present-position]").inner_text() != before
    assert shown.count() == 1
    last = page.locator("[data-present-position]").inner_text()
    submit.click()  # nothing answered: the blank questions are named, linked
    form = slide.locator("form[data-quiz]")
    assert form.get_attribute("data-quiz-state") == "incomplete"
    assert slide.evaluate(FITS)
    slide.locator("[data-quiz-incomplete-list] a").first.click()
    # The link shows the first question's screen, and its first answer has the focus.
    assert shown.count() == 1
    assert shown.get_attribute("data-question") == "q1"
    assert page.evaluate("document.activeElement.closest('[data-question]').dataset.question") == (
        "q1"
    )
    assert page.locator("[data-present-position]").inner_text() != last
    while page.locator("[data-present-position]").inner_text() != last:
        page.locator("[data-present-next]").click()
    slide.locator("[data-quiz-confirm]").click()
    assert form.get_attribute("data-quiz-state") == "failed"
    assert slide.evaluate(FITS)  # the result and feedback shown, the text smaller if need be
    page.locator("[data-present-prev]").click()
    assert shown.count() == 1
    assert slide.evaluate(FITS)  # that question's feedback too
    browse.assert_clean()
