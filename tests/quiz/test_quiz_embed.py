"""``{{ quiz "id" }}`` lines: found outside code, resolved, reported at the author's line."""

from __future__ import annotations

import pytest

from aci_course.core.errors import AuthorError
from aci_course.core.sources import quiz_directives
from aci_course.quiz.embed import (
    embed_quizzes,
    fill_slots,
    source_lines,
)
from aci_course.quiz.model import (
    Option,
    Quiz,
    SingleQuestion,
    Text,
    normalize_answer,
)
from aci_course.quiz.order import shuffled

T = Text(ru="р", be="б", en="e")


def make_quiz(module: str, quiz_id: str) -> Quiz:
    question = SingleQuestion(
        id="q1", text=T, options=(Option(text=T, correct=True), Option(text=T, correct=False))
    )
    return Quiz(
        module=module,
        id=quiz_id,
        pass_mark=0.7,
        questions=(question,),
        source=f"quizzes/{module}.yml",
        line=2,
    )


QUIZZES = {
    q.full_id: q
    for q in (
        make_quiz("care", "check-1"),
        make_quiz("care", "check-2"),
        make_quiz("skills", "check-1"),
    )
}
FRONT = "---\ntitle: Lesson\n---\n"


def embed(
    markdown: str,
    module: str | None = "care",
    source: str = "modules/care/ru/02-a.md",
    source_text: str | None = None,
):  # type: ignore[no-untyped-def]
    return embed_quizzes(
        markdown,
        module=module,
        source=source,
        source_text=FRONT + markdown if source_text is None else source_text,
        quizzes=QUIZZES,
        lang="en",
        course_version="9.9",
        slot_prefix="s",
    )


def error(markdown: str, **kwargs: str | None) -> str:
    with pytest.raises(AuthorError) as caught:
        embed(markdown, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


def test_directives_outside_code_only() -> None:
    text = (
        'Intro\n{{ quiz "check-1" }}\n```md\n{{ quiz "shown" }}\n```\n'
        '~~~~\n{{ quiz "also-shown" }}\n~~~\n~~~~\n'
        '    {{quiz   "care/check-2"}}  \nInline `{{ quiz "x" }}` stays.\n'
    )
    found = quiz_directives(text)
    assert [(d.index, d.written, d.indent) for d in found] == [
        (1, "check-1", ""),
        (9, "care/check-2", "    "),
    ]


def test_lines_count_the_front_matter() -> None:
    markdown = '# Lesson\n\n{{ quiz "check-1" }}\n'
    found = quiz_directives(markdown)
    assert source_lines(found, FRONT + markdown) == [6]


def test_short_and_full_ids_render_in_the_page_language() -> None:
    result = embed('# A\n\n{{ quiz "check-1" }}\n\ntext\n  {{ quiz "skills/check-1" }}\n')
    assert result.used == ["care/check-1", "skills/check-1"]
    assert result.markdown == (
        '# A\n\n\n<div data-aci-quiz-slot="s-0"></div>\n\n\ntext\n\n'
        '  <div data-aci-quiz-slot="s-1"></div>\n\n'
    )
    assert 'data-quiz="care/check-1"' in result.slots["s-0"]
    assert 'lang="en"' in result.slots["s-0"]
    assert 'data-course-version="9.9"' in result.slots["s-1"]


def test_unknown_short_id() -> None:
    assert error('# A\n\n{{ quiz "check-9" }}\n') == (
        'modules/care/ru/02-a.md:6: unknown quiz "check-9" - use one of the quizzes of '
        "quizzes/care.yml: check-1, check-2"
    )


def test_unknown_full_id() -> None:
    assert error('{{ quiz "skills/check-3" }}\n') == (
        'modules/care/ru/02-a.md:4: unknown quiz "skills/check-3" - use one of the quizzes of '
        "quizzes/skills.yml: skills/check-1"
    )


def test_unknown_module() -> None:
    assert error('{{ quiz "nothing/check-1" }}\n') == (
        'modules/care/ru/02-a.md:4: unknown quiz "nothing/check-1" - there is no '
        "quizzes/nothing.yml: write the quiz there, or fix the id"
    )


def test_short_id_on_a_page_outside_modules() -> None:
    assert error('{{ quiz "check-1" }}\n', module=None, source="docs/en/about.md") == (
        'docs/en/about.md:4: quiz "check-1" has no module on this page - pages outside '
        'modules/ need the full id <module>/<quiz>, e.g. {{ quiz "care/check-1" }}'
    )


def test_full_id_on_a_page_outside_modules() -> None:
    result = embed('{{ quiz "care/check-2" }}\n', module=None, source="docs/en/about.md")
    assert result.used == ["care/check-2"]


def test_unreadable_line() -> None:
    assert error("Text\n\n{{ quiz check-1 }}\n") == (
        "modules/care/ru/02-a.md:6: cannot read this quiz line - write it on a line of its own "
        'as {{ quiz "check-1" }} (the quiz id in double quotes)'
    )


def test_same_quiz_twice_on_a_page() -> None:
    assert error('{{ quiz "check-1" }}\n\n{{ quiz "care/check-1" }}\n') == (
        'modules/care/ru/02-a.md:6: quiz "care/check-1" is already on this page (line 4) - '
        "embed each quiz once per page"
    )


def test_line_found_when_other_hooks_changed_the_markdown() -> None:
    source = FRONT + '# A\n\nText.\n\n{{ quiz "check-9" }}\n'
    with pytest.raises(AuthorError) as caught:
        embed('!!! note\n    added\n\n{{ quiz "check-9" }}\n', source_text=source)
    assert caught.value.line == 8


def test_fill_slots_replaces_placeholders_even_inside_a_paragraph() -> None:
    html = (
        '<p>a</p>\n<div data-aci-quiz-slot="s-0"></div>\n'
        '<p><div data-aci-quiz-slot="s-1"></div></p>'
    )
    assert fill_slots(html, {"s-0": "<form>A</form>", "s-1": "<form>B</form>"}) == (
        "<p>a</p>\n<form>A</form>\n<form>B</form>"
    )


def test_shuffle_is_fixed_and_never_the_right_order() -> None:
    assert shuffled(5, "care/check-1/q5") == shuffled(5, "care/check-1/q5")
    for count in range(2, 9):
        for seed in ("a", "b", "care/check-1/q1", "skills/check-1/q5"):
            order = shuffled(count, seed)
            assert sorted(order) == list(range(count))
            assert order != list(range(count))
    assert shuffled(1, "x") == [0]


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("  НЕОБХОДИМОСТИ ", "необходимости"),
        ("Ёлка", "елка"),
        ("сям’і", "сям'і"),
        ("сямʼі", "сям'і"),
        ("the   necessity", "the necessity"),
    ],
)
def test_typed_answers_are_normalised(typed: str, accepted: str) -> None:
    assert normalize_answer(typed) == normalize_answer(accepted)
