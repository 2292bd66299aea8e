"""Present mode on a projector: how many screens of the course need scrolling (issue 21).

    python -m bench.present_fit [site] [WIDTHxHEIGHT ...]

Opens every lesson of the built ``site`` (default ``site/``; all languages) over
``file://`` in Chromium (Debian's, through Playwright), starts present mode and steps
through every screen, at each size (default 1280x720 and 1024x768, common projectors).
A screen scrolls when its slide's content is taller (or wider) than the slide. Prints,
per size, the screens, how many scroll, and the tallest as a number of screens.
The test (tests/browser/test_present_fit.py) uses the same walk.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
SIZES = ((1280, 720), (1024, 768))

# Every screen of the running presentation from the first, stepped with its own buttons (the
# page's scripts move the lesson's blocks synchronously, so each step is laid out
# when it is read). Run after present mode has started.
WALK = """() => {
  const slide = document.querySelector('[data-present-slide]');
  const next = document.querySelector('[data-present-next]');
  const position = document.querySelector('[data-present-position]');
  const prev = document.querySelector('[data-present-prev]');
  while (!prev.disabled) prev.click();
  const probe = document.createElement('span');
  probe.style.fontSize = 'var(--aci-present-min)';
  slide.parentNode.appendChild(probe);
  const least = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  const screens = [];
  for (;;) {
    screens.push({
      position: position.textContent,
      scrollHeight: slide.scrollHeight,
      clientHeight: slide.clientHeight,
      scrollWidth: slide.scrollWidth,
      clientWidth: slide.clientWidth,
      fontSize: parseFloat(getComputedStyle(slide).fontSize),
      least,
      questions: Array.from(slide.querySelectorAll('[data-question]'))
        .filter((q) => q.getClientRects().length).length,
    });
    if (next.disabled || screens.length > 500) break;
    next.click();
  }
  return screens;
}"""


@dataclass(frozen=True)
class Screen:
    """One presentation screen as laid out."""

    lesson: str
    position: str
    scroll_height: int
    client_height: int
    scroll_width: int
    client_width: int
    font_size: float
    questions: int  # quiz questions shown
    least: float  # the smallest size present.css asks for (--aci-present-min)

    @property
    def scrolls(self) -> bool:
        """Its content is taller or wider than the slide."""
        return self.scroll_height > self.client_height or self.scroll_width > self.client_width

    @property
    def screens(self) -> float:
        """How many slide heights its content takes."""
        return self.scroll_height / self.client_height


def lessons(site: Path) -> list[str]:
    """Every lesson page of every language, site-relative (lessons are ``NN-slug.html``)."""
    found = [
        path.relative_to(site).as_posix()
        for prefix in (site, site / "be", site / "en")
        for path in sorted((prefix / "modules").glob("*/[0-9][0-9]-*.html"))
    ]
    return found


def start(page: Any) -> None:
    """Presses the lesson's Present button and waits until the first screen is shown."""
    button = page.locator("[data-present]")
    button.wait_for(state="visible")
    button.click()
    page.locator("[data-present-dialog] [data-present-position]").wait_for(state="attached")


def walk(page: Any, lesson: str) -> list[Screen]:
    """Every screen of the presentation now running on ``page``."""
    return [
        Screen(
            lesson,
            s["position"],
            s["scrollHeight"],
            s["clientHeight"],
            s["scrollWidth"],
            s["clientWidth"],
            s["fontSize"],
            s["questions"],
            s["least"],
        )
        for s in page.evaluate(WALK)
    ]


def measure(browser: Any, site: Path, size: tuple[int, int]) -> list[Screen]:
    """All screens of all lessons at one window size (one page, reused)."""
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, service_workers="block"
    )
    page = context.new_page()
    screens: list[Screen] = []
    base = site.resolve().as_uri() + "/"
    for lesson in lessons(site):
        page.goto(base + lesson)
        start(page)
        screens += walk(page, lesson)
    context.close()
    return screens


def report(size: tuple[int, int], screens: list[Screen]) -> str:
    """One line of figures for one window size."""
    scrolling = [s for s in screens if s.scrolls]
    worst = max(screens, key=lambda s: s.screens)
    return (
        f"{size[0]}x{size[1]}: {len(screens)} screens, {len(scrolling)} scroll; "
        f"tallest {worst.screens:.1f} screens ({worst.lesson} {worst.position}); "
        f"text {min(s.font_size for s in screens):.1f}-{max(s.font_size for s in screens):.1f} px, "
        f"{sum(s.font_size < s.least - 0.01 for s in screens)} screens below the minimum "
        f"{screens[0].least:.1f} px; {len({s.lesson for s in screens})} lessons"
    )


def main(argv: list[str]) -> None:
    """``[site] [WIDTHxHEIGHT ...]``: the figures per size."""
    from playwright.sync_api import sync_playwright

    args = list(argv)
    site = Path(args.pop(0)) if args and not re.fullmatch(r"\d+x\d+", args[0]) else Path("site")
    sizes = [(int(w), int(h)) for w, h in (a.split("x") for a in args)] if args else list(SIZES)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for size in sizes:
            print(report(size, measure(browser, site, size)), flush=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
