"""Strict builds of small fixture courses: pages, languages, fallbacks, bad input."""

from __future__ import annotations

import pytest

from tests.conftest import Project


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.module(
        "first", {"ru": ["01-a.md", "02-b.md"], "be": ["01-a.md"], "en": ["01-a.md", "02-b.md"]}
    )
    project.module("second", {"ru": ["01-x.md"]}, track="life-skills", prerequisites="[first]")
    return project


def test_lessons_overviews_and_catalogue_in_every_language(course: Project) -> None:
    result = course.build()
    assert result.returncode == 0, result.stderr
    for prefix in ("", "be/", "en/"):
        for page in (
            "modules/index.html",
            "modules/first/index.html",
            "modules/first/01-a.html",
            "modules/first/02-b.html",
            "modules/second/index.html",
            "modules/second/01-x.html",
        ):
            assert (course.root / "site" / prefix / page).is_file(), prefix + page
    assert '<html lang="be"' in course.html("be/modules/first/01-a.html")
    assert "Text be." in course.html("be/modules/first/01-a.html")
    assert not (course.root / "site.partial").exists()


def test_missing_translation_falls_back_with_notice(course: Project) -> None:
    assert course.build().returncode == 0
    page = course.html("be/modules/first/02-b.html")
    assert "Text ru." in page
    assert '<div lang="ru">' in page
    assert "aci-fallback" in page
    assert 'href="../../../modules/first/02-b.html" hreflang="ru"' in page
    translated = course.html("be/modules/first/01-a.html")
    assert "aci-fallback" not in translated


def test_language_selector_leads_to_same_page(course: Project) -> None:
    # The language's home page renders the header; every other page gets it from the
    # shell (core/shell.py, nav.js), whose selector links lead to the same page
    # (tests/browser/test_pipeline.py switches languages in a browser).
    assert course.build().returncode == 0
    home = course.html("en/index.html")
    assert 'href="../index.html" hreflang="ru"' in home
    assert 'href="../be/index.html" hreflang="be"' in home
    assert 'href="index.html" hreflang="en"' in home
    page = course.html("en/modules/first/01-a.html")
    assert "md-select__link" not in page
    assert '<script src="../../../assets/javascripts/nav.js" data-aci-header></script>' in page
    shell = course.html("assets/javascripts/nav/en.js")
    assert 'href="../index.html" hreflang="ru"' in shell
    assert '"home":"en/index.html"' in shell


def test_navigation_has_tracks_modules_and_lessons(course: Project) -> None:
    assert course.build().returncode == 0
    page = course.html("en/modules/first/01-a.html")
    assert 'href="02-b.html"' in page  # next lesson
    # The navigation is written once per language (core/shell.py), drawn by nav.js.
    assert '<script src="../../../assets/javascripts/nav.js"></script>' in page
    shell = course.html("assets/javascripts/nav/en.js")
    assert "Inclusive care" in shell and "Life skills" in shell and "Module first" in shell
    assert '"d":"first/"' in shell and '"01-a"' in shell


def test_prerequisite_links_to_its_overview(course: Project) -> None:
    assert course.build().returncode == 0
    page = course.html("be/modules/second/index.html")
    assert '<a href="../first/index.html">Модуль first be</a>' in page


def test_links_into_generated_pages_are_checked_like_any_anchor(make_project) -> None:  # type: ignore[no-untyped-def]
    # The overview and catalogue bodies reach the page after Markdown (core/generated.py);
    # their ids still count for MkDocs' anchor check, as mkdocs.yml asks (anchors: warn).
    project: Project = make_project(extra_yml="validation:\n  anchors: warn\n")
    project.module("first", {"ru": ["01-a.md"]})
    home = (
        "# Home\n\n[Care](modules/index.md#track-inclusive-care), "
        "[after](modules/first/index.md#objectives).\n"
    )
    for lang in ("ru", "be", "en"):
        project.write(f"docs/{lang}/index.md", home)
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert 'href="modules/index.html#track-inclusive-care"' in project.html("en/index.html")
    project.write("docs/en/index.md", home.replace("#track-inclusive-care", "#no-such-track"))
    result = project.build()
    assert result.returncode == 1
    assert (
        "but the doc 'modules/index.md' does not contain an anchor '#no-such-track'"
    ) in result.stderr


def test_coverage_table_is_printed(course: Project) -> None:
    result = course.build()
    assert "Translation coverage" in result.stderr
    assert "first" in result.stderr and "1/2 missing 02-b" in result.stderr
    assert "second" in result.stderr


def test_bad_module_stops_build_and_keeps_previous_site(course: Project) -> None:
    assert course.build().returncode == 0
    before = course.html("index.html")
    course.write(
        "modules/first/module.yml",
        (course.root / "modules/first/module.yml")
        .read_text()
        .replace("track: inclusive-care", "track: nowhere"),
    )
    result = course.build()
    assert result.returncode == 1
    assert (
        'modules/first/module.yml:2: unknown track "nowhere" - use one of: '
        "inclusive-care, life-skills, trainers"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert course.html("index.html") == before
    assert not (course.root / "site.partial").exists()


def test_lesson_names_differing_between_languages_stop_build(course: Project) -> None:
    course.write("modules/first/en/03-c.md", "# C\n")
    result = course.build()
    assert result.returncode == 1
    assert 'modules/first/en/03-c.md: no Russian lesson has the name "03-c.md"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (course.root / "site").exists()


def test_two_letter_docs_folder_stops_build(course: Project) -> None:
    course.write("docs/js/app.js", "")
    result = course.build()
    assert result.returncode == 1
    assert "docs/js: a two-letter folder under docs/ is taken for a language" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_warning_keeps_previous_site(course: Project) -> None:
    assert course.build().returncode == 0
    before = course.html("be/index.html")
    course.write("docs/be/index.md", "# Home be\n\n[broken](nowhere.md)\n")
    result = course.build()
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    assert course.html("be/index.html") == before
    assert not (course.root / "site.partial").exists()


def test_missing_docs_page_falls_back_with_notice(course: Project) -> None:
    course.write("docs/ru/about.md", "# О курсе\n\nТекст.\n")
    assert course.build().returncode == 0
    page = course.html("en/about.html")
    assert "Текст." in page and "aci-fallback" in page


def test_module_media_shared_and_overridden_per_language(course: Project) -> None:
    (course.root / "modules/first/media/be").mkdir(parents=True)
    (course.root / "modules/first/media/pic.svg").write_text("<svg>shared</svg>")
    (course.root / "modules/first/media/be/pic.svg").write_text("<svg>be</svg>")
    for lang in ("ru", "be", "en"):
        course.write(f"modules/first/{lang}/01-a.md", "# A\n\n![]( ../media/pic.svg)\n")
    result = course.build()
    assert result.returncode == 0, result.stderr
    assert 'src="media/pic.svg"' in course.html("modules/first/01-a.html")
    assert 'src="../../../modules/first/media/pic.svg"' in course.html("en/modules/first/01-a.html")
    assert 'src="../../../modules/first/media/be/pic.svg"' in course.html(
        "be/modules/first/01-a.html"
    )
    assert course.html("modules/first/media/be/pic.svg") == "<svg>be</svg>"


def test_not_found_page_speaks_every_language(course: Project) -> None:
    assert course.build().returncode == 0
    page = course.html("404.html")
    # The root is Russian: a screen reader picks the page's voice from <html lang>.
    assert '<html lang="ru"' in page
    for lang, title in (
        ("ru", "Страница не найдена"),
        ("be", "Старонка не знойдзена"),
        ("en", "Page not found"),
    ):
        assert f'<section lang="{lang}">' in page
        assert title in page


def test_not_found_page_selector_leads_to_language_homes(course: Project) -> None:
    assert course.build().returncode == 0
    page = course.html("404.html")
    for href, lang in (("/index.html", "ru"), ("/be/index.html", "be"), ("/en/index.html", "en")):
        assert f'href="{href}" hreflang="{lang}" class="md-select__link"' in page
