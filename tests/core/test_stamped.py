"""Results kept while their files are unchanged (``aci_course.core.stamped``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from unittest.mock import patch

import pytest

from aci_course.core.disk_cache import DiskCache
from aci_course.core.stamped import KeptOnDisk, Stamped, folder_stamp
from aci_course.course import modules as modules_mod
from aci_course.quiz import load as quiz_load


def test_stamp_changes_with_a_files_content_time_or_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text("one", encoding="utf-8")
    first = folder_stamp(tmp_path)
    assert folder_stamp(tmp_path) == first
    (tmp_path / "a" / "x.md").write_text("two!", encoding="utf-8")  # size
    second = folder_stamp(tmp_path)
    assert second != first
    os.utime(tmp_path / "a" / "x.md", ns=(1, 1))  # same size, another time
    assert folder_stamp(tmp_path) != second
    third = folder_stamp(tmp_path)
    (tmp_path / "a" / "x.md").rename(tmp_path / "a" / "y.md")
    assert folder_stamp(tmp_path) != third
    assert [entry[0] for entry in folder_stamp(tmp_path)] == ["a", "a/y.md"]


def test_a_file_just_written_is_stamped_by_its_content_too(tmp_path: Path) -> None:
    # Two saves within one tick of the file system's clock, of the same size.
    path = tmp_path / "x.md"
    path.write_text("one", encoding="utf-8")
    first = folder_stamp(tmp_path)
    path.write_text("two", encoding="utf-8")
    os.utime(path, ns=(first[0][1], first[0][1]))
    assert folder_stamp(tmp_path) != first
    os.utime(path, ns=(1, 1))  # an old file: its content is not read
    assert folder_stamp(tmp_path)[0][3] == 0


def test_result_is_kept_for_its_stamp_and_remade_for_another() -> None:
    made: list[str] = []

    def make(value: str) -> str:
        made.append(value)
        return value

    kept: Stamped[str] = Stamped()
    assert kept.get("k", 1, lambda: make("a")) == "a"
    assert kept.get("k", 1, lambda: make("b")) == "a"
    assert kept.get("k", 2, lambda: make("c")) == "c"
    assert kept.get("other", 2, lambda: make("d")) == "d"
    assert made == ["a", "c", "d"]


def test_a_failed_make_keeps_nothing() -> None:
    kept: Stamped[str] = Stamped()

    def fail() -> str:
        raise ValueError("author mistake")

    with pytest.raises(ValueError, match="author mistake"):
        kept.get("k", 1, fail)
    assert kept.get("k", 1, lambda: "fixed") == "fixed"


def test_kept_on_disk_for_its_parts_and_made_again_for_others(tmp_path: Path) -> None:
    made: list[str] = []

    def make(value: str) -> dict[str, str]:
        made.append(value)
        return {"value": value}

    cache = DiskCache(tmp_path / "kept")
    first: KeptOnDisk[dict[str, str]] = KeptOnDisk(cache, ".pickle")
    assert first.get(("a", 1), lambda: make("a")) == {"value": "a"}
    assert first.get(("b", 1), lambda: make("b")) == {"value": "b"}
    # A later build (a new process reads the same folder): kept results are read.
    later: KeptOnDisk[dict[str, str]] = KeptOnDisk(cache, ".pickle")
    assert later.get(("a", 1), lambda: make("not again")) == {"value": "a"}
    assert later.get(("a", 2), lambda: make("a2")) == {"value": "a2"}  # a changed file
    assert made == ["a", "b", "a2"]
    later.forget_unused()  # what the edit made obsolete goes, and what this build left out
    assert len(cache.entries(".pickle")) == 2
    again: KeptOnDisk[dict[str, str]] = KeptOnDisk(cache, ".pickle")
    assert again.get(("b", 1), lambda: make("b")) == {"value": "b"}
    assert made == ["a", "b", "a2", "b"]  # left out by the later build: made again


def test_an_unreadable_entry_is_made_again_and_a_failed_make_keeps_nothing(
    tmp_path: Path,
) -> None:
    cache = DiskCache(tmp_path / "kept")
    kept: KeptOnDisk[str] = KeptOnDisk(cache, ".pickle")
    assert kept.get("k", lambda: "made") == "made"
    (entry,) = cache.entries(".pickle")
    entry.write_bytes(b"not a pickle")
    assert KeptOnDisk[str](cache, ".pickle").get("k", lambda: "again") == "again"

    def fail() -> str:
        raise ValueError("author mistake")

    with pytest.raises(ValueError, match="author mistake"):
        kept.get("other", fail)
    assert len(cache.entries(".pickle")) == 1


def test_a_build_reads_the_kept_modules_and_quizzes(tmp_path: Path) -> None:
    """An unchanged course is not validated again; an edited module is."""
    root = Path(__file__).resolve().parents[2]
    for name in ("modules", "quizzes"):
        shutil.copytree(root / name, tmp_path / name)
    languages = ("ru", "be", "en")
    modules = modules_mod._read_modules(tmp_path, languages)
    quizzes = quiz_load._read_quizzes(tmp_path, tmp_path / "quizzes", languages)
    calls: list[str] = []
    with (
        patch.object(modules_mod, "load_module", side_effect=lambda *a: calls.append("m")),
        patch.object(quiz_load, "load_quiz_file", side_effect=lambda *a: calls.append("q")),
    ):
        assert modules_mod._read_modules(tmp_path, languages) == modules
        assert quiz_load._read_quizzes(tmp_path, tmp_path / "quizzes", languages) == quizzes
    assert calls == []
    edited = tmp_path / "modules" / modules[0].id / "module.yml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace(f"order: {modules[0].order}\n", "order: 999\n"), "utf-8")
    again = {m.id: m for m in modules_mod._read_modules(tmp_path, languages)}
    assert again[modules[0].id].order == 999
    assert [again[m.id] for m in modules[1:]] == modules[1:]
    assert len(list((tmp_path / ".cache" / "modules").iterdir())) == len(modules)
