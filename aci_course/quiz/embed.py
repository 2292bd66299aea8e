"""``{{ quiz "check-1" }}`` lines in lessons and pages (not Jinja, not mkdocs-macros).

A line of its own (indentation allowed, e.g. inside an admonition) names a quiz
of the lesson's module (``check-1``) or of any module (``other-module/check-1``).
Each such line becomes a placeholder in the Markdown, which the plugin swaps for
the rendered form once the page is HTML, so Markdown never touches the form.
Lines inside fenced code blocks are left alone (a page may show the syntax);
the lines are found by :mod:`aci_course.core.sources`, as for every other reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from aci_course.core.errors import AuthorError
from aci_course.core.slots import fill as fill_placeholders
from aci_course.core.slots import placeholder
from aci_course.core.sources import Directive, qualified_quiz_id, quiz_directives
from aci_course.quiz.model import Quiz
from aci_course.quiz.render import render_quiz

SLOT_KIND = "quiz"  # placeholders <div data-aci-quiz-slot="..."> (aci_course.core.slots)
EXAMPLE = '{{ quiz "check-1" }}'


def source_lines(markdown_directives: list[Directive], source_text: str) -> list[int | None]:
    """The author's line (1-based) of each directive found in the page's Markdown.

    MkDocs hands plugins the Markdown without its front matter (and other plugins may
    add lines), so the k-th quiz line of the page is the k-th of the source file.
    """
    in_source = quiz_directives(source_text)
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
    full_id = qualified_quiz_id(written, module)
    if full_id is None:
        example = f'{{{{ quiz "{_example_module(quizzes)}/{written}" }}}}'
        raise AuthorError(
            source,
            line,
            f'quiz "{written}" has no module on this page',
            f"pages outside modules/ need the full id <module>/<quiz>, e.g. {example}",
        )
    target_module = full_id.partition("/")[0]
    quiz = quizzes.get(full_id)
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
    mode: str = "normal",
    render: Callable[[Quiz, str, str, str], str] = render_quiz,
) -> Embedded:
    """Replace the quiz lines of ``markdown`` by placeholders; render each quiz in ``lang``.

    ``source`` names the author's file in messages; ``source_text`` is its full
    text (with front matter), used to find the author's line numbers. ``mode``
    ``pre`` renders the forms as the test before a module (see render_quiz);
    ``render`` gives what stands in a quiz line's place: render_quiz, one that keeps its
    forms (:class:`~aci_course.quiz.render.FormCache`) or, with the course's theme, the
    tag of the script that writes the form (:class:`~aci_course.quiz.build.QuizBuild`).
    """
    directives = quiz_directives(markdown)
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
        result.slots[token] = render(quiz, lang, course_version, mode)
        result.used.append(quiz.full_id)
        lines[directive.index] = placeholder(SLOT_KIND, token, directive.indent)
    result.markdown = "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")
    return result


def fill_slots(html: str, slots: Mapping[str, str]) -> str:
    """Put each rendered quiz where its placeholder ended up in the page's HTML."""
    return fill_placeholders(SLOT_KIND, html, slots)
