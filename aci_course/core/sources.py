"""The course's sources: how a Markdown file is read, and what live preview watches.

One reader for every Markdown source (lessons, pages, session plans): front matter
through MkDocs' own ``get_data``, fenced code blocks with python-markdown's rule,
and ``{{ quiz "id" }}`` and ``{{ figure "name" }}`` lines. Below it, what a build
reads besides ``docs/`` and ``mkdocs.yml``, so live preview can watch it.

``mkdocs serve`` watches only the docs folder and the config file. The course's
build also reads the modules (lessons, ``module.yml``, media, and the facilitator
edition's ``modules/<id>/facilitator/``), the quiz files, the trainer pages of the
facilitator edition (``facilitator/<lang>/``), the course profiles (``profiles/``,
read by ``make site PROFILE=...``), the theme overrides, the package's templates and
interface texts. The package's Python code (plugins included) is not listed: it
stays imported for the whole session, so a change to it needs a restart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

# Folders of the project (beside mkdocs.yml) that the plugins read. modules/ holds each
# module's facilitator/ folder too; facilitator/ holds the trainer pages that the
# facilitator edition reads (mkdocs-facilitator.yml inherits the plugins, so
# `mkdocs serve -f mkdocs-facilitator.yml` previews it); facts/ holds the country facts;
# profiles/ is read by profile builds.
PROJECT_FOLDERS = ("modules", "quizzes", "facts", "facilitator", "profiles")

# Folders of the package read at build time: Jinja templates and interface texts.
PACKAGE_FOLDERS = ("templates", "data")


def package_folders() -> list[Path]:
    """The package's template and data folders (on disk when installed editable)."""
    base = resources.files("aci_course")
    return [Path(str(base.joinpath(name))) for name in PACKAGE_FOLDERS]


def watched_paths(root: Path, custom_dir: str | None) -> list[Path]:
    """Every existing file or folder the build reads that MkDocs does not watch itself.

    ``root`` holds mkdocs.yml; ``custom_dir`` is the theme's override folder.
    """
    candidates = [root / name for name in PROJECT_FOLDERS]
    if custom_dir:
        candidates.append(Path(custom_dir))
    candidates += package_folders()
    seen: dict[Path, None] = {}
    for path in candidates:
        resolved = path.resolve()
        if resolved.exists():
            seen.setdefault(resolved, None)
    return list(seen)


# --- Reading a Markdown source --------------------------------------------------------------
#
# Every part of the package that reads a lesson, a page or a session plan reads it here,
# the way MkDocs and python-markdown do, so the build, the checks and the exports agree
# on where the front matter ends, which lines are code and which lines embed a quiz.

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
QUIZ_DIRECTIVE = re.compile(
    r'^(?P<indent>[ \t]*)\{\{[ \t]*quiz[ \t]+"(?P<id>[^"]*)"[ \t]*\}\}[ \t]*$'
)
# Anything that starts like a quiz line: one that does not match QUIZ_DIRECTIVE is an
# author error, not text.
QUIZ_CANDIDATE = re.compile(r"^[ \t]*\{\{[ \t]*quiz\b")
# ``{{ figure "name" }}``: a figure of the lesson's module, on a line of its own.
FIGURE_DIRECTIVE = re.compile(
    r'^(?P<indent>[ \t]*)\{\{[ \t]*figure[ \t]+"(?P<id>[^"]*)"[ \t]*\}\}[ \t]*$'
)
FIGURE_CANDIDATE = re.compile(r"^[ \t]*\{\{[ \t]*figure\b")
# Quick tests on a whole text before it is split into lines: a text without a match has
# no candidate line (each candidate line holds the match; the character after "quiz"
# on that line, or the line break ending it, is no word character), so it has no
# directive. Not anchored to a line start: str.splitlines() also breaks lines at
# characters (\x0b, \x1c, \u2028...) after which re's ^ does not match, and a search
# with a literal start is faster than one anchored in a lookbehind.
_QUIZ_IN_TEXT = re.compile(r"\{\{[ \t]*quiz\b")
_FIGURE_IN_TEXT = re.compile(r"\{\{[ \t]*figure\b")


@dataclass(frozen=True)
class Source:
    """A Markdown file as MkDocs reads it: its front matter and the body it renders."""

    text: str  # the whole file, newlines normalised, no byte-order mark
    meta: dict[str, Any]
    body: str  # what Markdown renders (front matter removed)
    body_line: int  # 0-based index of the body's first line in ``text``


def normalize(text: str) -> str:
    """The text as MkDocs reads a file: no byte-order mark, one kind of line end."""
    text = text.removeprefix("\ufeff")
    # Finding one character is much quicker than replacing a pair that is not there.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_source(text: str) -> Source:
    """Split ``text`` with MkDocs' own front-matter reader (``mkdocs.utils.meta.get_data``)."""
    text = normalize(text)
    body, meta = get_data(text)
    head = text[: len(text) - len(body)] if text.endswith(body) else ""
    return Source(text=text, meta=meta, body=body, body_line=head.count("\n"))


def front_matter(text: str) -> dict[str, Any]:
    """The front matter of ``text`` (empty when it has none)."""
    return read_source(text).meta


def meta_text(meta: dict[str, Any], key: str) -> str | None:
    """A front-matter value as stripped text, None when absent or empty."""
    value = meta.get(key)
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _closes(line: str, opening: str) -> bool:
    """True if ``line`` closes a fence opened by ``opening``: same character, at least as long."""
    match = FENCE.match(line)
    return (
        match is not None
        and match["fence"][0] == opening[0]
        and len(match["fence"]) >= len(opening)
        and not match["rest"].strip()
    )


def fence_ranges(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Each fenced code block of ``lines`` as (opening, closing) 0-based line indexes.

    A fence closes on a line of the same character at least as long as the opening
    one, with nothing after it. An unclosed fence is not code: python-markdown's
    fences (and SuperFences) render it as text, and what follows as Markdown.
    """
    ranges: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if match and not (match["fence"][0] == "`" and "`" in match["rest"]):
            end = next(
                (k for k in range(index + 1, len(lines)) if _closes(lines[k], match["fence"])),
                None,
            )
            if end is not None:
                ranges.append((index, end))
                index = end + 1
                continue
        index += 1
    return ranges


def may_have_fences(text: str) -> bool:
    """False if ``text`` surely has no fenced code block (its lines hold no fence)."""
    # One character is found much quicker than three; most lessons have neither.
    return ("`" in text and "```" in text) or ("~" in text and "~~~" in text)


def code_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, True if it belongs to a fenced code block (its fences included)."""
    inside = [False] * len(lines)
    for start, end in fence_ranges(lines):
        inside[start : end + 1] = [True] * (end + 1 - start)
    return inside


@dataclass(frozen=True)
class Directive:
    """A quiz line: its 0-based index in the text, the id as written (None if unreadable)."""

    index: int
    written: str | None
    indent: str


def quiz_directives(text: str) -> list[Directive]:
    """Every ``{{ quiz "id" }}`` line of ``text`` outside fenced code, in order."""
    return _line_directives(text, _QUIZ_IN_TEXT, QUIZ_CANDIDATE, QUIZ_DIRECTIVE)


def figure_directives(text: str) -> list[Directive]:
    """Every ``{{ figure "name" }}`` line of ``text`` outside fenced code, in order."""
    return _line_directives(text, _FIGURE_IN_TEXT, FIGURE_CANDIDATE, FIGURE_DIRECTIVE)


def _line_directives(
    text: str, in_text: re.Pattern[str], candidate: re.Pattern[str], pattern: re.Pattern[str]
) -> list[Directive]:
    if in_text.search(text) is None:  # most pages: nothing to read line by line
        return []
    lines = text.splitlines()
    candidates = [index for index, line in enumerate(lines) if candidate.match(line)]
    code = code_lines(lines) if candidates and may_have_fences(text) else None
    found = []
    for index in candidates:
        line = lines[index]
        if code is not None and code[index]:
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


def is_quiz_line(line: str) -> bool:
    """True if ``line`` is (or tries to be) a quiz line."""
    return QUIZ_CANDIDATE.match(line) is not None


def is_figure_line(line: str) -> bool:
    """True if ``line`` is (or tries to be) a figure line."""
    return FIGURE_CANDIDATE.match(line) is not None


def qualified_quiz_id(written: str, module: str | None) -> str | None:
    """The full ``<module>/<quiz>`` id a quiz line names on a page of ``module``.

    None when the line names no module and the page belongs to none (a page in docs/).
    """
    if "/" in written:
        return written
    return f"{module}/{written}" if module is not None else None


# --- The plain-language version of a lesson ------------------------------------------------
#
# ``!!! plain`` opens it at the start of a line, like a trainer note (``!!! facilitator``):
# an admonition with no title whose text is indented four spaces. python-markdown's
# admonition parses it; aci_course.course.plain turns it into the switchable version,
# and the content report measures its sentences and words from what this reader returns.

PLAIN_CANDIDATE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+plain\b(?P<rest>.*)$"
)
# A quick test of a whole text (as _QUIZ_IN_TEXT): no match, no candidate line.
_PLAIN_IN_TEXT = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]+plain\b")
PLAIN_INDENT = "    "


@dataclass(frozen=True)
class PlainBlock:
    """A ``!!! plain`` line: its 0-based index, the block's text (dedented) and the author's slip.

    ``problem`` is None for a well-formed opening line; otherwise it names what is wrong
    (``nested``, ``collapsible``, ``title``). ``body`` holds the indented lines under it,
    without their first four spaces; ``body_line`` is the 0-based index of its first line.
    """

    index: int
    problem: str | None
    body: tuple[str, ...]

    @property
    def body_line(self) -> int:
        """The 0-based index of the block's first text line."""
        return self.index + 1

    @property
    def text(self) -> str:
        """The block's Markdown, dedented."""
        return "\n".join(self.body).strip("\n")


def plain_blocks(text: str) -> list[PlainBlock]:
    """Every ``!!! plain`` block of ``text`` outside fenced code, in order."""
    text = normalize(text)
    if _PLAIN_IN_TEXT.search(text) is None:
        return []
    lines = text.split("\n")
    inside = code_lines(lines) if may_have_fences(text) else None
    found = []
    for index, line in enumerate(lines):
        match = PLAIN_CANDIDATE.match(line)
        if not match or (inside is not None and inside[index]):
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
