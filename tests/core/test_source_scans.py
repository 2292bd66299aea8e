"""The quick paths of the line scans (quiz, figure and plain lines) find what the full scan finds.

Each scan first tests the whole text for something that could start such a line and
reads fences only in a text that could hold one. The full scans below are the readers
as they were before those tests (every text split into lines, every fence computed):
the quick readers must give exactly their result.
"""

from __future__ import annotations

import random
import re

import pytest

from aci_course.core import sources
from aci_course.core.sources import (
    FIGURE_CANDIDATE,
    FIGURE_DIRECTIVE,
    PLAIN_CANDIDATE,
    PLAIN_INDENT,
    QUIZ_CANDIDATE,
    QUIZ_DIRECTIVE,
    Directive,
    PlainBlock,
    code_lines,
    figure_directives,
    normalize,
    plain_blocks,
    quiz_directives,
)
from tests.repo_config import ROOT

# Every character str.splitlines() ends a line at ("\r\n" counts once).
LINE_BREAKS = [
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
]


def full_directives(
    text: str, candidate: re.Pattern[str], pattern: re.Pattern[str]
) -> list[Directive]:
    lines = text.splitlines()
    code = code_lines(lines)
    found = []
    for index, line in enumerate(lines):
        if not candidate.match(line) or code[index]:
            continue
        directive = pattern.match(line)
        found.append(
            Directive(
                index=index,
                written=directive["id"] if directive else None,
                indent=directive["indent"] if directive else "",
            )
        )
    return found


def full_plain_blocks(text: str) -> list[PlainBlock]:
    lines = normalize(text).split("\n")
    inside = code_lines(lines)
    found = []
    for index, line in enumerate(lines):
        match = PLAIN_CANDIDATE.match(line)
        if inside[index] or not match:
            continue
        problem = None
        if match["indent"]:
            problem = "nested"
        elif match["marker"] != "!!!":
            problem = "collapsible"
        elif match["rest"].strip():
            problem = "title"
        body: list[str] = []
        for following in lines[index + 1 :]:
            if following.strip() and not following.startswith(PLAIN_INDENT):
                break
            body.append(following.removeprefix(PLAIN_INDENT))
        while body and not body[-1].strip():
            body.pop()
        found.append(PlainBlock(index=index, problem=problem, body=tuple(body)))
    return found


def assert_same(text: str) -> None:
    assert quiz_directives(text) == full_directives(text, QUIZ_CANDIDATE, QUIZ_DIRECTIVE), text
    assert figure_directives(text) == full_directives(text, FIGURE_CANDIDATE, FIGURE_DIRECTIVE), (
        text
    )
    assert plain_blocks(text) == full_plain_blocks(text), text


def test_the_line_breaks_are_every_one_splitlines_knows() -> None:
    breaks = [chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2]
    assert sorted(breaks) == sorted(b for b in LINE_BREAKS if len(b) == 1)


CASES = {
    "no candidate": '# A\n\nSee {{ fact "age" }} and {{ figure_x }}.\n\n!!! note\n    plain text\n',
    "empty": "",
    "in a backtick fence": '# A\n\n```\n{{ quiz "q" }}\n{{ figure "f" }}\n!!! plain\n    x\n```\n',
    "in a tilde fence": '~~~~md\n{{ quiz "q" }}\n~~~\n!!! plain\n~~~~\n{{ quiz "r" }}\n',
    "unclosed fence": '```\n{{ quiz "q" }}\n\n!!! plain\n    Text.\n',
    "backtick in the info": '```a`b\n{{ quiz "q" }}\n```\n',
    "mid-line": 'Write {{ quiz "q" }} or {{ figure "f" }} or !!! plain on a line of its own.\n',
    "indented": '    {{ quiz "q" }}\n\t{{figure "f"}}\t\n  !!! plain\n      x\n',
    "unreadable": "{{ quiz q }}\n{{ figure-x }}\n{{ quiz-1 }}\n???+ plain\n    x\n",
    "not a word end": '{{ quizzes "q" }}\n{{ figures "f" }}\n!!! plainly\n{{ quiz_q }}\n',
    "last line": '{{ quiz "q" }}',
    "title": '!!! plain "Easy"\n    Text.\n\n??? plain\n    More.\n',
    "crlf": '---\r\ntitle: A\r\n---\r\n\r\n!!! plain\r\n    Text.\r\n\r\n{{ quiz "q" }}\r\n',
    "bom": '\ufeff!!! plain\n    Text.\n{{ figure "f" }}\n',
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_the_quick_scans_find_what_the_full_scans_find(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=[f"U+{ord(b[0]):04X}" for b in LINE_BREAKS])
def test_lines_split_at_any_line_break(brk: str) -> None:
    """str.splitlines() starts a line after each break, where re's ^ sees none but "\\n"."""
    lines = ["# A", '{{ quiz "q" }}', '{{ figure "f" }}', "!!! plain", "    Text.", "```"]
    lines += ['{{ quiz "r" }}', "```", "\t{{ quiz x }}"]
    text = brk.join(lines)
    assert_same(text)
    found = [d.index for d in quiz_directives(text)]
    assert found == [1, 8]  # the fenced line is code, the others are found after any break
    assert [d.index for d in figure_directives(text)] == [2]
    assert_same(f'Text{brk}```{brk}{{{{ quiz "q" }}}}{brk}```\n')


def test_a_text_without_candidates_or_fences_computes_no_fences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fences(lines: object) -> list[bool]:
        raise AssertionError("fences computed")

    monkeypatch.setattr(sources, "code_lines", no_fences)
    lesson = '# A\n\n{{ fact "age" }}\n\n!!! plain\n    Text.\n\n{{ quiz "q" }}\n'
    assert quiz_directives(CASES["no candidate"]) == []
    assert figure_directives(lesson) == []
    assert [d.written for d in quiz_directives(lesson)] == ["q"]
    assert [b.text for b in plain_blocks(lesson)] == ["Text."]
    with pytest.raises(AssertionError, match="fences computed"):
        quiz_directives("```\n" + lesson + "```\n")


def test_every_markdown_source_of_the_course() -> None:
    """Lessons, pages, trainer pages and the developers' guide (with examples in fences)."""
    paths = [
        path
        for folder in ("modules", "docs", "facilitator", "docs-dev")
        for path in sorted((ROOT / folder).rglob("*.md"))
    ]
    assert len(paths) > 100
    found = {"quiz": 0, "figure": 0, "plain": 0}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert_same(text)
        found["quiz"] += len(quiz_directives(text))
        found["figure"] += len(figure_directives(text))
        found["plain"] += len(plain_blocks(text))
    assert min(found.values()) > 0, found  # the comparison saw each kind of line


FRAGMENTS = [
    '{{ quiz "q" }}',
    '{{ figure "f" }}',
    "{{ quiz q }}",
    '  {{quiz "q"}} ',
    "!!! plain",
    "??? plain",
    "???+ plain",
    "  !!! plain x",
    "    Text.",
    "```",
    "````",
    "~~~",
    "```py",
    "text {{ quiz",
    '{{ fact "f" }}',
    "",
    " ",
]
SEPARATORS = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\x0b", "\x1c", "\x85", " "]


def test_generated_texts() -> None:
    """Random mixes of candidate lines, fences and every kind of line break."""
    rng = random.Random(22)
    for _ in range(3000):
        parts = rng.choices(FRAGMENTS, k=rng.randint(0, 12))
        text = ""
        for part in parts:
            text += part + rng.choice(SEPARATORS)
        assert_same(text)


@pytest.mark.parametrize(
    "text",
    ["", "a\nb", "\ufeffa\r\nb\rc\n", "\r", "\r\r\n\n", "a\u2028b\x0bc", "\ufeff\ufeffa\r"],
)
def test_normalize_as_before(text: str) -> None:
    """normalize replaces line ends only in a text that has a carriage return: the same text."""
    before = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert normalize(text) == before
