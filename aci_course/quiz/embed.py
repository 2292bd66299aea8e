"""``{{ quiz "check-1" }}`` lines in lessons and pages (not Jinja, not mkdocs-macros).

A line of its own (indentation allowed, e.g. inside an admonition) names a quiz
of the lesson's module (``check-1``) or of any module (``other-module/check-1``).
Each such line becomes a placeholder in the Markdown, which the plugin swaps for
the rendered form once the page is HTML, so Markdown never touches the form.
Lines inside fenced code blocks are left alone (a page may show the syntax).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from aci_course.core.errors import AuthorError
from aci_course.quiz.model import Quiz
from aci_course.quiz.render import render_quiz

DIRECTIVE = re.compile(r'^(?P<indent>[ \t]*)\{\{[ \t]*quiz[ \t]+"(?P<id>[^"]*)"[ \t]*\}\}[ \t]*$')
CANDIDATE = re.compile(r"^[ \t]*\{\{[ \t]*quiz\b")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
SLOT = re.compile(r'(?:<p>)?<div data-aci-quiz-slot="(?P<token>[^"]+)"></div>(?:</p>)?')
EXAMPLE = '{{ quiz "check-1" }}'


@dataclass(frozen=True)
class Directive:
    """A quiz line: its 0-based index in the text, the id as written (None if unreadable)."""

    index: int
    written: str | None
    indent: str


def find_directives(text: str) -> list[Directive]:
    """Every quiz line of ``text`` outside fenced code blocks, in order."""
    found = []
    fence: str | None = None
    for index, line in enumerate(text.splitlines()):
        match = FENCE.match(line)
        if fence is not None:
            if (
                match
                and match["fence"][0] == fence[0]
                and len(match["fence"]) >= len(fence)
                and not match["rest"].strip()
            ):
                fence = None
            continue
        if match:
            fence = match["fence"]
            continue
        if CANDIDATE.match(line):
            directive = DIRECTIVE.match(line)
            found.append(
                Directive(
                    index=index,
                    written=directive["id"] if directive else None,
                    indent=directive["indent"] if directive else "",
                )
            )
    return found


def source_lines(markdown_directives: list[Directive], source_text: str) -> list[int | None]:
    """The author's line (1-based) of each directive found in the page's Markdown.

    MkDocs hands plugins the Markdown without its front matter (and other plugins may
    add lines), so the k-th quiz line of the page is the k-th of the source file.
    """
    in_source = find_directives(source_text)
    lines: list[int | None] = []
    for k, directive in enumerate(markdown_directives):
        if k < len(in_source) and in_source[k].written == directive.written:
            lines.append(in_source[k].index + 1)
        else:
            same = [d.index + 1 for d in in_source if d.written == directive.written]
            lines.append(same[0] if same else None)
    return lines


def resolve(
    written: str, module: str | None, quizzes: Mapping[str, Quiz], source: str, line: int | None
) -> Quiz:
    """The quiz that ``written`` names on a page of ``module`` (None: a page in docs/)."""
    if "/" in written:
        target_module, _, quiz_id = written.partition("/")
    elif module is None:
        example = f'{{{{ quiz "{_example_module(quizzes)}/{written}" }}}}'
        raise AuthorError(
            source,
            line,
            f'quiz "{written}" has no module on this page',
            f"pages outside modules/ need the full id <module>/<quiz>, e.g. {example}",
        )
    else:
        target_module, quiz_id = module, written
    quiz = quizzes.get(f"{target_module}/{quiz_id}")
    if quiz is not None:
        return quiz
    known = sorted(q.id for q in quizzes.values() if q.module == target_module)
    if known:
        shown = known if "/" not in written else [f"{target_module}/{q}" for q in known]
        fix = f"use one of the quizzes of quizzes/{target_module}.yml: {', '.join(shown)}"
    else:
        fix = f"there is no quizzes/{target_module}.yml: write the quiz there, or fix the id"
    raise AuthorError(source, line, f'unknown quiz "{written}"', fix)


def _example_module(quizzes: Mapping[str, Quiz]) -> str:
    modules = sorted({q.module for q in quizzes.values()})
    return modules[0] if modules else "module-id"


@dataclass
class Embedded:
    """A page's Markdown with placeholders, the HTML for each, and the quizzes used."""

    markdown: str
    slots: dict[str, str] = field(default_factory=dict)
    used: list[str] = field(default_factory=list)


def embed_quizzes(
    markdown: str,
    *,
    module: str | None,
    source: str,
    source_text: str,
    quizzes: Mapping[str, Quiz],
    lang: str,
    course_version: str,
    slot_prefix: str,
) -> Embedded:
    """Replace the quiz lines of ``markdown`` by placeholders; render each quiz in ``lang``.

    ``source`` names the author's file in messages; ``source_text`` is its full
    text (with front matter), used to find the author's line numbers.
    """
    directives = find_directives(markdown)
    result = Embedded(markdown=markdown)
    if not directives:
        return result
    lines = markdown.splitlines()
    authors_lines = source_lines(directives, source_text)
    seen: dict[str, int | None] = {}
    for k, (directive, line) in enumerate(zip(directives, authors_lines, strict=True)):
        if directive.written is None:
            raise AuthorError(
                source,
                line,
                "cannot read this quiz line",
                f"write it on a line of its own as {EXAMPLE} (the quiz id in double quotes)",
            )
        quiz = resolve(directive.written, module, quizzes, source, line)
        if quiz.full_id in seen:
            earlier = seen[quiz.full_id]
            where = f" (line {earlier})" if earlier is not None else ""
            raise AuthorError(
                source,
                line,
                f'quiz "{directive.written}" is already on this page{where}',
                "embed each quiz once per page",
            )
        seen[quiz.full_id] = line
        token = f"{slot_prefix}-{k}"
        result.slots[token] = render_quiz(quiz, lang, course_version)
        result.used.append(quiz.full_id)
        placeholder = f'{directive.indent}<div data-aci-quiz-slot="{token}"></div>'
        lines[directive.index] = f"\n{placeholder}\n"
    result.markdown = "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")
    return result


def fill_slots(html: str, slots: Mapping[str, str]) -> str:
    """Put each rendered quiz where its placeholder ended up in the page's HTML."""
    if not slots:
        return html
    return SLOT.sub(lambda m: slots.get(m["token"], m[0]), html)
