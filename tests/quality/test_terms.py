"""The terminology sheets (aci_course.quality.terms): what counts as a form to avoid."""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course.core.errors import AuthorError
from aci_course.quality.terms import compile_form, find_avoided

SHEET = """\
terms:
  - concept: the child's birth family
    preferred: "кроўная сям'я"
    avoid: ["родн* сям'*"]
    reason: "\\"родная\\" also names the foster parents' own family"
  - concept: settings
    preferred: "налады"
    avoid: "настройкі"
    reason: "Russian word"
"""


def _course(tmp_path: Path, sheet: str = SHEET) -> Path:
    (tmp_path / "spelling").mkdir()
    (tmp_path / "spelling" / "terms.be.yml").write_text(sheet, encoding="utf-8")
    page = tmp_path / "modules" / "demo" / "be" / "01-a.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        '---\ntitle: "Родная сям\'я"\n---\n\n'
        "Сустрэча з роднай сям\u2019ёй.\n\n"
        'Не кажыце «родная сям\'я» і "настройкі": так кажуць у іншай мове.\n\n'
        "```text\nнастройкі\n```\n\n"
        "Праверце `настройкі` і [налады](настройкі.md). Праверце Настройкі.\n",
        encoding="utf-8",
    )
    quiz = tmp_path / "quizzes" / "demo.yml"
    quiz.parent.mkdir()
    quiz.write_text(
        "quizzes:\n  - id: q\n    questions:\n      - id: q1\n        text:\n"
        '          ru: "родная семья"\n'
        '          be: "Дзе настройкі?"\n'
        '          en: "settings"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_reports_path_line_and_preferred_term(tmp_path: Path) -> None:
    root = _course(tmp_path)
    page = root / "modules" / "demo" / "be" / "01-a.md"
    found = [str(f) for f in find_avoided(root, "be", [page])]
    assert found == [
        "modules/demo/be/01-a.md:2: \"Родная сям'я\" is a form to avoid (the child's birth "
        'family) - write "кроўная сям\'я" - "родная" also names the foster parents\' own family',
        'modules/demo/be/01-a.md:5: "роднай сям\u2019ёй" is a form to avoid (the child\'s birth '
        'family) - write "кроўная сям\'я" - "родная" also names the foster parents\' own family',
        'modules/demo/be/01-a.md:13: "Настройкі" is a form to avoid (settings) - '
        'write "налады" - Russian word',
        'quizzes/demo.yml:7: "настройкі" is a form to avoid (settings) - '
        'write "налады" - Russian word',
    ]


def test_other_languages_and_missing_sheet_are_quiet(tmp_path: Path) -> None:
    root = _course(tmp_path)
    assert find_avoided(root, "ru", []) == []


def test_wildcard_matches_endings_only_at_word_ends() -> None:
    pattern = compile_form("родн* сям'*")
    assert pattern.search("з роднай сям'ёй")
    assert pattern.search("РОДНАЯ СЯМ\u02bcЯ")
    assert not pattern.search("народная сям'я")
    assert not pattern.search("родныя дзеці")


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ("terms: [\n", "spelling/terms.be.yml:2: not valid YAML - fix the YAML syntax"),
        (
            "other: 1\n",
            'spelling/terms.be.yml:1: no terms list - write "terms:" with one entry per concept',
        ),
        (
            "terms:\n  - concept: x\n    preferred: y\n    avoid: [z]\n",
            "spelling/terms.be.yml:2: the term has no reason - fill them in",
        ),
    ],
)
def test_a_bad_sheet_is_an_author_error(tmp_path: Path, sheet: str, message: str) -> None:
    root = _course(tmp_path, sheet)
    with pytest.raises(AuthorError) as error:
        find_avoided(root, "be", [])
    assert str(error.value) == message
