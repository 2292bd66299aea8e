"""Results kept while their files are unchanged (``aci_course.core.stamped``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aci_course.core.stamped import Stamped, folder_stamp


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
