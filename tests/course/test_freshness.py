"""Stale translations: the recorded source hash, its notice, the coverage column, make check."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from aci_course import LANGUAGES
from aci_course.cli import cli
from aci_course.core.errors import AuthorError
from aci_course.core.texts import long_date, t
from aci_course.course import freshness
from aci_course.course.modules import load_modules
from aci_course.quality.content_report import Report, _translations, format_report
from tests.conftest import Project
from tests.repo_config import ROOT

LESSON = "---\ntitle: Урок\n---\n\n# Урок\n\nПервое предложение.\n\nВторое предложение.\n"


def test_hash_ignores_front_matter_line_endings_and_trailing_spaces() -> None:
    digest = freshness.source_hash(LESSON)
    assert len(digest) == freshness.HASH_LENGTH
    assert freshness.source_hash(LESSON.replace("title: Урок", "title: Другой")) == digest
    assert freshness.source_hash(LESSON.replace("\n", "\r\n")) == digest
    assert (
        freshness.source_hash(LESSON.replace("Первое предложение.", "Первое предложение.  "))
        == digest
    )
    assert freshness.source_hash(LESSON.replace("Второе", "Третье")) != digest


def test_record_is_added_then_replaced_leaving_the_rest() -> None:
    once = freshness.with_record(LESSON, "abc123abc123")
    assert once == LESSON.replace("title: Урок\n", "title: Урок\ntranslated_from: abc123abc123\n")
    assert freshness.recorded(once) == "abc123abc123"
    twice = freshness.with_record(once, "def456def456")
    assert twice == once.replace("abc123abc123", "def456def456")
    bare = freshness.with_record("# Lesson\n\nText.\n", "abc123abc123")
    assert bare == "---\ntranslated_from: abc123abc123\n---\n\n# Lesson\n\nText.\n"
    assert freshness.recorded("# Lesson\n") is None


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-03-01T12:00:00Z",
        "GIT_COMMITTER_DATE": "2026-03-01T12:00:00Z",
    }
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
        env=env,
    )


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.module("first", {"ru": ["01-a.md", "02-b.md"], "be": ["01-a.md", "02-b.md"]})
    project.write("modules/first/ru/01-a.md", LESSON)
    _git(project.root, "init", "-q")
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-qm", "first")
    result = CliRunner().invoke(
        cli, ["--root", str(project.root), "translations", "--done", "modules/first/be/01-a.md"]
    )
    assert result.exit_code == 0, result.stderr
    return project


def _change_source(course: Project, commit: bool) -> None:
    course.write("modules/first/ru/01-a.md", LESSON.replace("Второе", "Новое второе"))
    if commit:
        _git(course.root, "commit", "-qam", "source changed")


def _item(course: Project) -> freshness.Freshness:
    root = course.root
    return freshness.check(
        root / "modules/first/be/01-a.md", root / "modules/first/ru/01-a.md", "be"
    )


def test_done_records_the_source_and_a_change_makes_it_stale(course: Project) -> None:
    recorded = (course.root / "modules/first/be/01-a.md").read_text(encoding="utf-8")
    assert freshness.recorded(recorded) == freshness.source_hash(LESSON)
    assert not _item(course).stale
    _change_source(course, commit=True)
    assert _item(course).stale
    assert freshness.changed_lines(_item(course)) == [
        "@@ -9 +9 @@",
        "-Второе предложение.",
        "+Новое второе предложение.",
    ]
    assert freshness.updated_on(course.root / "modules/first/ru/01-a.md") == dt.date(2026, 3, 1)


def test_uncommitted_change_is_dated_by_the_file(course: Project) -> None:
    _change_source(course, commit=False)
    source = course.root / "modules/first/ru/01-a.md"
    os.utime(source, (dt.datetime(2026, 5, 2, 12).timestamp(),) * 2)
    assert freshness.updated_on(source) == dt.date(2026, 5, 2)
    assert freshness.changed_lines(_item(course)) is not None  # found among the commits


def test_stale_page_shows_notice_and_coverage_counts_it(course: Project) -> None:
    _change_source(course, commit=True)
    result = course.build()
    assert result.returncode == 0, result.stderr
    page = course.html("be/modules/first/01-a.html")
    date = long_date(dt.date(2026, 3, 1), "be")
    assert date == "1 сакавіка 2026 г."
    assert "data-translation-stale" in page
    assert t("stale.notice", "be", date=date) in page
    assert 'href="../../../modules/first/01-a.html" hreflang="ru"' in page
    assert "data-translation-stale" not in course.html("modules/first/01-a.html")
    assert "data-translation-stale" not in course.html("be/modules/first/02-b.html")  # unknown
    assert "data-translation-stale" not in course.html("en/modules/first/01-a.html")  # fallback
    table = [line for line in result.stderr.splitlines() if "Translation coverage" in line]
    assert table and table[0].split()[-1] == "stale"
    row = next(line for line in result.stderr.splitlines() if "  first  " in line)
    assert "be 01-a; not recorded: be 02-b" in row


def test_current_translation_has_no_notice(course: Project) -> None:
    assert course.build().returncode == 0
    assert "data-translation-stale" not in course.html("be/modules/first/01-a.html")


def test_check_lists_stale_with_changed_lines(course: Project) -> None:
    _change_source(course, commit=True)
    report = Report()
    _translations(load_modules(course.root, LANGUAGES), course.root, report)
    text = format_report(report)
    assert (
        "- modules/first/be/01-a.md: modules/first/ru/01-a.md changed since it was translated"
        in text
    )
    assert "  -Второе предложение.\n  +Новое второе предложение.\n" in text
    assert "- modules/first/be/02-b.md: no translated_from" in text
    assert "make check: passed" in text  # listed, not failed


def test_the_course_has_no_unrecorded_translation() -> None:
    found = freshness.translations(load_modules(ROOT, LANGUAGES))
    assert found
    unrecorded = [str(item.translation) for item in found if item.recorded is None]
    assert not unrecorded, "run: aci-course translations --done " + " ".join(unrecorded)


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("modules/first/ru/01-a.md", '"ru" is not a translated language'),
        ("modules/first/be/09-none.md", "does not exist"),
        ("docs/be/index.md", "is not a lesson file"),
    ],
)
def test_done_refuses_what_is_not_a_translated_lesson(
    course: Project, path: str, what: str
) -> None:
    with pytest.raises(AuthorError, match=what):
        freshness.source_of(Path(path), course.root)
    result = CliRunner().invoke(cli, ["--root", str(course.root), "translations", "--done", path])
    assert result.exit_code == 1 and what in result.stderr
