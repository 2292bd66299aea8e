"""The two editions of (a copy of) the course: what each holds, file by file.

The learner edition holds no sentence of the facilitator material in any output file
(pages, search indexes, sitemap, scripts); the facilitator edition holds all of them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.course.modules import load_modules
from tests.repo_config import ROOT
from tests.sitecheck import NOTES, edition_sites

FRAGMENT_SPLIT = re.compile(r"[.;:()«»\"“”—*`|!?\[\]]|\s-\s|\{#[a-z]+\}")
PLAN_LINK = re.compile(r"\]\([^)]*\)")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return edition_sites(tmp_path_factory.mktemp("editions") / "course")


def fragments(markdown: str) -> set[str]:
    """Distinctive pieces of prose (25+ characters between punctuation) of a file."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    found: set[str] = set()
    for line in body.splitlines():
        line = PLAN_LINK.sub("", line).lstrip("#-0123456789. ")
        for piece in FRAGMENT_SPLIT.split(line):
            piece = " ".join(piece.split()).strip(" ,")
            if len(piece) >= 25:
                found.add(piece)
    return found


def facilitator_texts(root: Path) -> set[str]:
    """Prose of the facilitator files and notes that no learner-facing source also has.

    (A plan may repeat the module's objectives from module.yml, which learners see.)
    """
    public = " ".join(
        " ".join(path.read_text("utf-8").split())
        for pattern in ("modules/*/module.yml", "modules/*/??/*.md", "docs/*/*.md", "quizzes/*")
        for path in root.glob(pattern)
    )
    texts: set[str] = set()
    for path in [*root.glob("modules/*/facilitator/*/*.md"), *root.glob("facilitator/*/*.md")]:
        texts |= {text for text in fragments(path.read_text("utf-8")) if text not in public}
    for notes in NOTES.values():
        texts |= set(notes)
    return texts


def readable(path: Path) -> str:
    """A file's text with JSON and HTML escapes undone (search indexes escape non-ASCII)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return " ".join(html.unescape(text).split())


def site_text(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): readable(path)
        for path in site.rglob("*")
        if path.is_file() and path.suffix not in (".png", ".svg", ".ico", ".woff2", ".map")
    }


def test_the_learner_edition_holds_no_facilitator_sentence(
    sites: tuple[Path, Path, Path],
) -> None:
    root, learner, _ = sites
    texts = facilitator_texts(root)
    assert len(texts) > 60
    files = site_text(learner)
    assert any("search_index" in name for name in files)
    leaks = sorted(
        f"{name}: {text}" for name, content in files.items() for text in texts if text in content
    )
    assert leaks == []
    names = set(files)
    assert not any("session-plan" in n or "answer-key" in n or "facilitator" in n for n in names)
    pages = [content for name, content in files.items() if name.endswith((".html", ".json"))]
    assert not any("data-facilitator" in content for content in pages)
    assert "session-plan" not in files["sitemap.xml"]
    # Nor the interface texts that only trainers need, nor the edition's banner (its title
    # may well be in a lesson: the trainers' track tells what the facilitator edition is).
    for key in ("present.notes", "present.notes-blocked"):
        for lang in LANGUAGES:
            assert not any(t(key, lang) in content for content in files.values()), key
    assert not any('data-edition="facilitator"' in content for content in pages)


def test_the_facilitator_edition_holds_all_of_them(sites: tuple[Path, Path, Path]) -> None:
    root, _, facilitator = sites
    texts = facilitator_texts(root)
    pages = "\n".join(
        content for name, content in site_text(facilitator).items() if name.endswith(".html")
    )
    assert sorted(text for text in texts if text not in pages) == []
    index = readable(facilitator / "en" / "search" / "search_index.json")
    assert NOTES["en"][0] in index


def test_facilitator_pages_notes_banner_and_answer_keys(sites: tuple[Path, Path, Path]) -> None:
    _, _, site = sites
    module = load_modules(ROOT, LANGUAGES)[0].id  # the module tests.sitecheck puts the notes in
    for lang in LANGUAGES:
        base = site / ("" if lang == "ru" else f"{lang}/") / "modules" / module
        lesson = sorted(base.glob("0*.html"))[0].read_text("utf-8")
        assert 'class="admonition facilitator" data-facilitator' in lesson
        assert html.escape(NOTES[lang][0], quote=False) in html.unescape(lesson) or (
            NOTES[lang][0] in html.unescape(lesson)
        )
        plan = (base / "session-plan.html").read_text("utf-8")
        assert 'id="agenda"' in plan and 'id="evaluation"' in plan
        key = html.unescape((base / "answer-key.html").read_text("utf-8"))
        assert t("editions.right-answer", lang) in key
    for page in site.rglob("*.html"):
        assert 'data-edition="facilitator"' in page.read_text("utf-8"), page
    for lang in LANGUAGES:
        prefix = "" if lang == "ru" else f"{lang}/"
        assert (site / prefix / "facilitator" / "cascade-training.html").is_file()
    assert (site / "assets" / "stylesheets" / "facilitator.css").is_file()


def test_only_lessons_draw_the_lesson_done_toggle_and_present_button(
    sites: tuple[Path, Path, Path],
) -> None:
    """Progress and editions share one definition of a lesson (course.publish.is_lesson):
    a lesson's id on core.js, from which its scripts draw those controls (issue 22: no
    page carries them as HTML; tests/browser/test_lesson_controls.py draws them)."""
    _, _, site = sites
    facilitator_pages = [
        *site.rglob("session-plan.html"),
        *site.rglob("answer-key.html"),
        *(site / "facilitator").glob("*.html"),
    ]
    assert len(facilitator_pages) > 3 * 2
    for page in [*facilitator_pages, *site.rglob("modules/*/0*.html")]:
        text = page.read_text("utf-8")
        assert "data-lesson-done" not in text and "data-present" not in text, page
    for page in facilitator_pages:
        assert "data-aci-lesson" not in page.read_text("utf-8"), page
    module = load_modules(ROOT, LANGUAGES)[0].id
    lesson = sorted((site / "en" / "modules" / module).glob("0*.html"))[0]
    assert f'data-aci-lesson="{module}/{lesson.stem}"' in lesson.read_text("utf-8")
    # The trainer notes window's texts: in the facilitator edition's interface texts.
    for lang in LANGUAGES:
        texts = readable(site / "assets" / "javascripts" / "texts" / f"{lang}.js")
        assert t("present.notes-title", lang) in texts


def test_a_missing_plan_falls_back_to_russian_with_the_notice(
    sites: tuple[Path, Path, Path],
) -> None:
    root, _, site = sites
    module = sorted(p.name for p in (root / "modules").iterdir() if p.is_dir())[-1]
    page = html.unescape(
        (site / "be" / "modules" / module / "session-plan.html").read_text("utf-8")
    )
    assert t("fallback.notice", "be") in page
    assert '<div lang="ru">' in page
    russian = (root / "modules" / module / "facilitator" / "ru" / "session-plan.md").read_text()
    assert russian.split('title: "')[1].split('"')[0] in page


def test_both_builds_went_through_the_safe_swap(sites: tuple[Path, Path, Path]) -> None:
    root, learner, facilitator = sites
    assert learner.is_dir() and facilitator.is_dir()
    leftovers = [p.name for p in root.iterdir() if p.name.endswith((".partial", ".old"))]
    assert leftovers == []
