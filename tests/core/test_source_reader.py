"""The one reader of Markdown sources: front matter, fenced code and quiz lines."""

from __future__ import annotations

from aci_course.core.sources import (
    code_lines,
    fence_ranges,
    front_matter,
    meta_text,
    qualified_quiz_id,
    quiz_directives,
    read_source,
)


def test_front_matter_as_mkdocs_reads_it() -> None:
    source = read_source('\ufeff---\r\ntitle: "A: b"\r\nkind: worksheet\r\n...\r\n\r\n# H\r\n')
    assert source.meta == {"title": "A: b", "kind": "worksheet"}
    assert source.body == "# H\n"
    assert source.text.splitlines()[source.body_line] == "# H"


def test_no_front_matter_and_bad_front_matter() -> None:
    assert read_source("# H\n").meta == {}
    assert read_source("# H\n").body_line == 0
    assert front_matter("---\n[unclosed\n---\n# H\n") == {}
    assert meta_text({"title": "  T  ", "n": 3, "l": [1], "e": ""}, "title") == "T"
    assert meta_text({"n": 3}, "n") == "3"
    assert meta_text({"l": [1], "e": ""}, "l") is None
    assert meta_text({"e": ""}, "e") is None


def test_a_fence_closes_only_on_the_same_character_at_least_as_long() -> None:
    lines = ["````md", "```", "~~~~", "````", "text", "~~~~", "```", "~~~", "~~~~~ ", "after"]
    assert fence_ranges(lines) == [(0, 3), (5, 8)]
    assert code_lines(lines) == [True] * 4 + [False] + [True] * 4 + [False]


def test_an_unclosed_fence_is_not_code() -> None:
    lines = ["```", '{{ quiz "q" }}']
    assert fence_ranges(lines) == []
    assert [d.written for d in quiz_directives("\n".join(lines))] == ["q"]


def test_a_backtick_fence_with_a_backtick_in_its_info_is_not_a_fence() -> None:
    assert fence_ranges(["``` a`b", "```"]) == []


def test_quiz_directives_outside_code_only() -> None:
    text = '{{ quiz "a" }}\n```\n{{ quiz "b" }}\n```\n  {{quiz c}}\n'
    found = quiz_directives(text)
    assert [(d.index, d.written, d.indent) for d in found] == [(0, "a", ""), (4, None, "")]


def test_quiz_ids_are_qualified_once() -> None:
    assert qualified_quiz_id("check-1", "care") == "care/check-1"
    assert qualified_quiz_id("other/check-1", "care") == "other/check-1"
    assert qualified_quiz_id("other/check-1", None) == "other/check-1"
    assert qualified_quiz_id("check-1", None) is None
