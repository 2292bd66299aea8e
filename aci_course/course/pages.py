"""Generated pages: a module's overview, the catalogue, and the navigation.

Everything here is per language and returns plain data or text; the plugin turns
it into MkDocs files. Links in generated HTML are relative to the page, inside
its own language, so the site works from disk and under any sub-path.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aci_course import DEFAULT_LANGUAGE
from aci_course.core.generated import GeneratedPage, page_markdown
from aci_course.core.sources import qualified_quiz_id, quiz_directives
from aci_course.core.templating import render
from aci_course.core.texts import t, table
from aci_course.core.yamlsource import read_text
from aci_course.course.modules import AUDIENCES, TRACKS, Module

SITE_PAGES_ORDER = ("about", "trainers", "glossary", "offline", "accessibility", "licence")
"""Site pages in the order the navigation lists them; others follow by name."""


def duration_text(minutes: int, lang: str) -> str:
    """``90`` -> ``"1 h 30 min"``: over an hour, a duration reads as hours and minutes."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("overview.minutes", lang, n=minutes)
    if not rest:
        return t("overview.hours", lang, h=hours)
    return t("overview.hours-minutes", lang, h=hours, n=rest)


def licence_name(spdx: str, lang: str) -> str:
    """The licence's name in ``lang`` (``licence.<id>`` of ui.yml), else its SPDX id."""
    texts = table().get(f"licence.{spdx}")
    return texts[lang] if texts else spdx


FORMATTERS = {"duration": duration_text, "licence_name": licence_name}
"""Helpers the overview and catalogue templates call with the page's language."""


PRE_TEST_PAGE = "pretest"
"""``modules/<id>/pretest.html``: the module's quizzes as the test before it."""

PRE_TEST_META = "aci_quiz_mode"
"""Front matter key (value ``pre``) by which the quiz plugin renders a page's quizzes
as the test before a module: one attempt, no feedback (aci_course.quiz.build)."""


def pretest_quizzes(module: Module) -> list[tuple[str, str]]:
    """``(full quiz id, lesson name)`` of the module's own quizzes, in lesson order.

    Read from the Russian lessons (quiz lines are the same in every language); a quiz
    of another module embedded here belongs to that module's test before.
    """
    found: list[tuple[str, str]] = []
    for lesson in module.lessons:
        path = Path(lesson.sources[DEFAULT_LANGUAGE])
        for directive in quiz_directives(read_text(path, lesson.name)):
            full = qualified_quiz_id(directive.written or "", module.id)
            if full and full.startswith(f"{module.id}/") and all(full != q for q, _ in found):
                found.append((full, lesson.name))
    return found


def pretest_page(module: Module, lang: str, quizzes: Sequence[tuple[str, str]]) -> str:
    """Markdown of ``modules/<id>/pretest.html``: the module's quizzes in pre-test mode.

    Outside the navigation and the search index: its questions are the lessons'. No
    heading below its title: outside the nav, Material gives a page's table of contents
    no toggle, so a TOC would be a label for nothing (invalid HTML).
    """
    title = t("pretest.title", lang, module=module.title[lang])
    meta = {
        "title": title,
        "description": t("pretest.description", lang),
        "search": {"exclude": True},
        PRE_TEST_META: "pre",
    }
    front = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()
    )
    titles = {lesson.name: lesson.title(lang) for lesson in module.lessons}
    sections = "".join(
        f'**{titles[lesson]}**\n\n{{{{ quiz "{full}" }}}}\n\n' for full, lesson in quizzes
    )
    body = render("course/pretest.html", lang=lang, part="intro")
    end = render("course/pretest.html", lang=lang, part="end")
    return f"---\n{front}---\n\n# {title}\n\n{body}\n\n{sections}{end}\n"


def overview_html(
    module: Module,
    lang: str,
    modules: Sequence[Module],
    pretest: Sequence[tuple[str, str]] | None = None,
) -> str:
    """The body of ``modules/<id>/index.html`` in ``lang``.

    ``pretest`` is :func:`pretest_quizzes` of ``module`` when the caller has it already.
    """
    if pretest is None:
        pretest = pretest_quizzes(module)
    by_id = {m.id: m for m in modules}
    lessons = []
    for lesson in module.lessons:
        shown, _ = lesson.source(lang)
        lessons.append(
            {
                "href": f"{lesson.slug}.html",
                "title": lesson.title(lang),
                "lang": shown,
                "translated": shown == lang,
            }
        )
    prerequisites = [
        {"href": f"../{other}/index.html", "title": by_id[other].title[lang]}
        for other in module.prerequisites
    ]
    return render(
        "course/overview.html",
        m=module,
        lang=lang,
        lessons=lessons,
        prerequisites=prerequisites,
        licence_href="../../licence.html",
        pretest_href=f"{PRE_TEST_PAGE}.html" if pretest else None,
        **FORMATTERS,
    )


def overview_page(
    module: Module,
    lang: str,
    modules: Sequence[Module],
    pretest: Sequence[tuple[str, str]] | None = None,
) -> GeneratedPage:
    """A module's overview page (see :mod:`aci_course.core.generated`)."""
    return GeneratedPage(
        page_markdown(module.title[lang], module.summary[lang]),
        overview_html(module, lang, modules, pretest),
    )


def catalogue_html(modules: Sequence[Module], lang: str) -> str:
    """The body of ``modules/index.html``: modules by track, with an audience filter."""
    tracks = [
        {"id": track, "modules": [m for m in modules if m.track == track]} for track in TRACKS
    ]
    present = {who for m in modules for who in m.audience}
    return render(
        "course/catalogue.html",
        lang=lang,
        tracks=[track for track in tracks if track["modules"]],
        audiences=[who for who in AUDIENCES if who in present],
        total=len(modules),
        **FORMATTERS,
    )


def catalogue_page(modules: Sequence[Module], lang: str) -> GeneratedPage:
    """The catalogue page (see :mod:`aci_course.core.generated`)."""
    return GeneratedPage(
        page_markdown(t("catalogue.title", lang), t("catalogue.intro", lang)),
        catalogue_html(modules, lang),
    )


def lesson_src(module: Module, lesson_name: str, lang: str) -> str:
    """Source URI of the lesson file a ``lang`` reader gets (the Russian one if missing)."""
    lesson = next(item for item in module.lessons if item.name == lesson_name)
    shown, _ = lesson.source(lang)
    return f"modules/{module.id}/{shown}/{lesson.name}"


def navigation(modules: Sequence[Module], lang: str, site_pages: Sequence[str]) -> list[Any]:
    """MkDocs ``nav`` for ``lang``: home, the catalogue by track and module, site pages.

    ``site_pages`` are the page names in the default language's ``docs/`` folder
    (``about.md``...); static-i18n resolves each to the reader's language.
    """
    from aci_course.core.texts import t

    tracks: list[Any] = []
    for track in TRACKS:
        entries: list[Any] = [
            {
                m.title[lang]: [
                    f"modules/{m.id}/index.md",
                    *(lesson_src(m, lesson.name, lang) for lesson in m.lessons),
                ]
            }
            for m in modules
            if m.track == track
        ]
        if entries:
            tracks.append({t(f"track.{track}", lang): entries})
    order = {name: index for index, name in enumerate(SITE_PAGES_ORDER)}
    rest = sorted(
        (page for page in site_pages if page != "index.md"),
        key=lambda page: (order.get(page.removesuffix(".md"), len(order)), page),
    )
    nav: list[Any] = []
    if "index.md" in site_pages:
        nav.append({t("nav.home", lang): "index.md"})
    nav.append({t("nav.modules", lang): ["modules/index.md", *tracks]})
    nav.extend(rest)
    return nav
