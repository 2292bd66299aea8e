"""The schema layer: a model's errors at the author's line, in its words; the exported schemas.

``Plan`` below is a small file kind written the way a new kind is added (see the
docstring of ``aci_course/core/schema.py``): each message is tested by its exact text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, ClassVar

import jsonschema
import pytest
import yaml
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.schema import (
    AtLeast,
    AuthorModel,
    Items,
    NotNull,
    Say,
    Slug,
    Words,
    problem,
    validate,
)
from aci_course.core.yamlsource import MarkedDict, load_yaml
from aci_course.quiz.model import QUESTION_TYPES, QuizFile
from aci_course.schema_export import KINDS, outputs, project_languages, schema
from tests.conftest import ROOT


class Session(AuthorModel):
    called = 'session "{id}"'
    called_by_number = "session {n} of {parent}"
    checked_first = ("id",)
    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say("{where} must be a mapping", "write it as - id: day-1"),
        "extra": Say('unknown key "{key}" in {where}', "use one of: {keys}"),
        "missing": Say('{where} has no "{key}"', "add {example}", at="mapping"),
        "invalid": Say('"{key}" of {where} {problem}', "write it as {example}"),
    }

    id: Annotated[Slug, Words(problem="is not a slug", example="id: day-1")]
    minutes: Annotated[
        int, Field(gt=0), Words(problem="must be a whole number above 0", example="minutes: 90")
    ]
    note: Annotated[str | None, NotNull, Words(problem="must be a text", example="note: ...")] = (
        None
    )
    line: SkipJsonSchema[int] = 0

    @classmethod
    def derive(cls, data: MarkedDict, context: Any) -> dict[str, Any]:
        return {"line": data.line_of("id")}


class Plan(AuthorModel):
    called = "the plan"
    messages: ClassVar[dict[str, Say]] = {
        "none_object": Say("the file is empty", 'start it with "sessions:"'),
        "not_mapping": Say("the file must be a mapping", 'start it with "sessions:"'),
        "extra": Say('unknown key "{key}"', "use one of: {keys}"),
        "empty": Say("{where} has no {what}", 'add {what} under "{key}:"'),
    }

    sessions: Annotated[Items[Session], AtLeast(1), Words(what="sessions")]

    @model_validator(mode="after")
    def _one_day(self) -> Plan:
        total = sum(s.minutes for s in self.sessions)
        if total > 480:
            raise problem(
                "{where} lasts {total} minutes, more than a day (it starts on line {start})",
                "move sessions to another plan",
                at=("sessions", len(self.sessions) - 1, "minutes"),
                start=("sessions", 0),
                total=total,
            )
        return self


def plan_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        validate(Plan, load_yaml(path, "plan.yml"), "plan.yml", LANGUAGES)
    return str(caught.value)


S = "sessions:\n  - id: day-1\n    minutes: 90\n"
PLAN_MESSAGES = {
    "empty file": ("", 'plan.yml:1: the file is empty - start it with "sessions:"'),
    "not a mapping": (
        "- a\n",
        'plan.yml:1: the file must be a mapping - start it with "sessions:"',
    ),
    "empty list": (
        "sessions: []\n",
        'plan.yml:1: the plan has no sessions - add sessions under "sessions:"',
    ),
    "unknown key": (
        S + "    mins: 3\n",
        'plan.yml:4: unknown key "mins" in session "day-1" - use one of: id, minutes, note',
    ),
    "a loader's own key": (
        S + "    line: 3\n",
        'plan.yml:4: unknown key "line" in session "day-1" - use one of: id, minutes, note',
    ),
    "missing key": (
        S + "  - id: day-2\n",
        'plan.yml:4: session "day-2" has no "minutes" - add minutes: 90',
    ),
    "wrong type": (
        S.replace("90", '"ninety"'),
        'plan.yml:3: "minutes" of session "day-1" must be a whole number above 0 - '
        "write it as minutes: 90",
    ),
    "optional key without value": (
        S + "    note:\n",
        'plan.yml:4: "note" of session "day-1" must be a text - write it as note: ...',
    ),
    "bad id named by number, before other keys": (
        "sessions:\n  - id: Day 1\n    mins: 3\n",
        'plan.yml:2: "id" of session 1 of the plan is not a slug - write it as id: day-1',
    ),
    "first mistake in reading order": (
        S + "  - id: day-2\n    minutes: -1\n  - id: day-3\n    minutes: x\n",
        'plan.yml:5: "minutes" of session "day-2" must be a whole number above 0 - '
        "write it as minutes: 90",
    ),
    "rule across items": (
        S + "  - id: day-2\n    minutes: 400\n",
        "plan.yml:5: the plan lasts 490 minutes, more than a day (it starts on line 2) - "
        "move sessions to another plan",
    ),
}


@pytest.mark.parametrize("case", PLAN_MESSAGES)
def test_errors_speak_the_models_words_at_the_authors_line(tmp_path: Path, case: str) -> None:
    text, expected = PLAN_MESSAGES[case]
    assert plan_error(tmp_path, text) == expected


def test_a_valid_file_gives_the_model_with_derived_fields(tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    path.write_text("# plan\n" + S, encoding="utf-8")
    plan = validate(Plan, load_yaml(path, "plan.yml"), "plan.yml", LANGUAGES)
    assert plan.sessions[0].line == 3
    assert plan.sessions[0].note is None
    assert isinstance(plan.sessions, tuple)


def test_the_schema_of_a_kind_offers_only_what_authors_write() -> None:
    session = Plan.model_json_schema()["$defs"]["Session"]
    assert list(session["properties"]) == ["id", "minutes", "note"]
    assert session["additionalProperties"] is False
    assert session["properties"]["note"] == {"type": "string", "default": None, "title": "Note"}


# --- the exported schemas ------------------------------------------------------------------


def test_committed_schemas_are_the_generated_ones() -> None:
    for path, text in outputs(ROOT).items():
        assert path.is_file(), f"{path.name} is missing: run make schemas"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} differs from the models: run make schemas"
        )


COURSE = project_languages(ROOT)  # from mkdocs.yml: ru, be, en


def _documents() -> list[tuple[str, Path]]:
    found = [(k.name, p) for k in KINDS for pattern in k.files for p in sorted(ROOT.glob(pattern))]
    golden = ROOT / "tests" / "golden"
    found += [("quiz", p) for kind in QUESTION_TYPES for p in sorted((golden / kind).glob("*.yml"))]
    return [(kind, path) for kind, path in found if path.name != "README.md"]


@pytest.mark.parametrize(
    ("kind", "path"), _documents(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_the_course_files_match_their_schema(kind: str, path: Path) -> None:
    validator = jsonschema.Draft7Validator(schema(next(k for k in KINDS if k.name == kind), COURSE))
    # As editors read YAML (1.2: a date is text), not as PyYAML does (a date object).
    document = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
    errors = [e.message for e in validator.iter_errors(document)]
    assert not errors, f"{path.relative_to(ROOT)}: {errors}"


MODULE = (ROOT / "modules" / "inclusive-care-basics" / "module.yml").read_text("utf-8")
QUIZ = (
    "quizzes:\n  - id: c\n    questions:\n"
    "      - {id: q, type: true_false, text: T, answer: true}\n"
)
T = "{ru: a, be: b, en: c}"
PROFILE = f"modules: [care]\nsite_name: {T}\n"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("module", MODULE + "titel: x\n"),
        ("module", MODULE.replace("track: inclusive-care", "track: inclusion")),
        ("module", MODULE.replace("duration_minutes: ", "duration_minutes: -")),
        ("quiz", QUIZ.replace("text: T", f"text: {T}").replace("true_false", "choice")),
        ("quiz", QUIZ.replace("text: T", "text: {ru: a, en: c}")),
        ("quiz", QUIZ.replace("text: T", f"text: {T}").replace("type: true_false, ", "")),
        ("quiz", QUIZ.replace("text: T", f"text: {T}").replace("answer: true", "answer: maybe")),
        ("profile", PROFILE + "colours: {primary: gold}\n"),
        ("profile", PROFILE.replace("modules: [care]", "modules: [Care]")),
        ("profile", PROFILE.replace(", en: c", "")),
        ("profile", PROFILE + "logo:\n"),
        ("profile", PROFILE + 'contact: {email: "info at example"}\n'),
    ],
)
def test_an_editor_flags_what_the_build_refuses(kind: str, text: str) -> None:
    validator = jsonschema.Draft7Validator(schema(next(k for k in KINDS if k.name == kind), COURSE))
    assert not validator.is_valid(yaml.safe_load(text))


def test_a_site_in_one_language_gets_texts_in_that_language_only(tmp_path: Path) -> None:
    quiz = next(k for k in KINDS if k.name == "quiz")
    text = QUIZ.replace("text: T", "text: {en: c}")
    assert jsonschema.Draft7Validator(schema(quiz, {"en": "English"})).is_valid(
        yaml.safe_load(text)
    )
    assert not jsonschema.Draft7Validator(schema(quiz, COURSE)).is_valid(yaml.safe_load(text))
    path = tmp_path / "q.yml"
    path.write_text(text, encoding="utf-8")
    loaded = validate(
        QuizFile, load_yaml(path, "quizzes/q.yml"), "quizzes/q.yml", ("en",), module="q"
    )
    assert loaded.quizzes[0].questions[0].text.in_("en") == "c"
    with pytest.raises(AuthorError) as error:
        validate(
            QuizFile, load_yaml(path, "quizzes/q.yml"), "quizzes/q.yml", ("en", "de"), module="q"
        )
    assert str(error.value) == (
        'quizzes/q.yml:4: "text" of question "q" lacks de - add de: "..." (every text needs en, de)'
    )


def test_vscode_maps_each_schema_to_its_files() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings["yaml.schemas"] == {
        "./schemas/module.schema.json": ["modules/*/module.yml"],
        "./schemas/quiz.schema.json": ["quizzes/*.yml"],
        "./schemas/profile.schema.json": ["profiles/*.yml"],
        "./schemas/facts.schema.json": ["facts/*.yml"],
    }
