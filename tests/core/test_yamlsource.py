"""YAML loading: line marks, and every failure as ``path:line: problem - fix``."""

from __future__ import annotations

import os
import time
from pathlib import Path
from unittest.mock import patch

import pytest

from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import MarkedDict, load_yaml, read_text


def load(tmp_path: Path, data: str | bytes) -> object:
    path = tmp_path / "x.yml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_yaml(path, "x.yml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a: "\\q"\n', 'x.yml:1: unknown escape "\\q" in a double-quoted text'),
        ("a: 1\nb c d\ne: 2\n", 'x.yml:2: a line that is not "key: value" inside a mapping'),
        ("a:\n  b: 1\n c: 2\n", "x.yml:3: the indentation of this line does not match"),
        ("a: [1,\n  - b\n", "x.yml:2: this line is inside a [ ] or { }"),
        ("a: !custom 1\n", 'x.yml:1: YAML tag "!custom" is not allowed'),
        ("a: {b: 1}\nc:\n  <<: *x\n", 'x.yml:3: YAML alias "*x" is not allowed'),
        ("a: 1\nb:\n  c: 1\n  c: 2\n", 'x.yml:4: key "c" appears twice (first on line 3)'),
    ],
)
def test_yaml_mistakes_are_explained(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        load(tmp_path, text)
    assert str(caught.value).startswith(message), str(caught.value)
    assert " - " in str(caught.value)


def test_windows_line_ends_and_bom_keep_lines(tmp_path: Path) -> None:
    data = load(tmp_path, b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: x\r\n")
    assert isinstance(data, MarkedDict)
    assert data == {"a": 1, "b": {"c": "x"}}
    assert data.line_of("b") == 2 and data["b"].line_of("c") == 3


def test_utf16_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(AuthorError, match=r"^x\.yml:1: is saved as UTF-16 text - save"):
        load(tmp_path, "a: 1\n".encode("utf-16"))
    with pytest.raises(AuthorError, match=r"^gone\.md: cannot be read \("):
        read_text(tmp_path / "gone.md", "gone.md")


def test_read_text_reads_an_unchanged_file_once(tmp_path: Path) -> None:
    """Several steps of each language build read a page's file: only a change reads it again."""
    path = tmp_path / "lesson.md"
    path.write_text("one", encoding="utf-8")
    os.utime(path, ns=(10**9, 10**9))  # an old file
    assert read_text(path, "lesson.md") == "one"
    with patch.object(Path, "read_bytes", side_effect=AssertionError("read again")):
        assert read_text(path, "lesson.md") == "one"
    path.write_text("two", encoding="utf-8")  # saved now: same size, a new time
    assert read_text(path, "lesson.md") == "two"
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    path.write_bytes(b"six")  # a second save within the clock's tick: time and size kept
    os.utime(path, ns=(now, now))
    assert read_text(path, "lesson.md") == "six"  # recent files are always read
