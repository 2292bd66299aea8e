"""The progress file format and merge (progress.js under Node), and the build-time course map."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.node import node_executable
from aci_course.course.modules import load_modules
from aci_course.progress import data
from aci_course.quiz.load import load_quizzes
from tests.repo_config import ROOT

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# progress.js (every page with progress), progress-file.js (progress page and report),
# group-report.js: their pure parts together.
PARTS = ("progress.js", "progress-file.js", "group-report.js")
SCHEMA = json.loads((ROOT / "schemas" / "progress.schema.json").read_text("utf-8"))

COURSE = {
    "course": "c",
    "version": "2",
    "lang": "en",
    "complete": True,
    "modules": [
        {
            "id": "m",
            "track": "t",
            "lessons": [
                {"id": "m/01-a", "quizzes": []},
                {"id": "m/02-b", "quizzes": ["m/q"]},
            ],
            "quizzes": [{"id": "m/q", "total": 4, "needed": 3}],
        }
    ],
}
T1, T2, T3 = "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"


def attempt(score: int, at: str, missed: list[str] | None = None) -> dict[str, Any]:
    return {"score": score, "total": 4, "missed": missed or [], "at": at}


def quiz(attempts: int, best: int, first: dict[str, Any], last: dict[str, Any]) -> dict[str, Any]:
    return {"attempts": attempts, "best": best, "total": 4, "passed": best >= 3, "at": last["at"],
            "first": first, "last": last}  # fmt: skip


def state(lessons: dict[str, Any], quizzes: dict[str, Any], learner: str = "a") -> dict[str, Any]:
    return {"v": 1, "learner": learner, "name": "", "saved": None, "lessons": lessons,
            "quizzes": quizzes, "last": None}  # fmt: skip


# Everything the tests ask of progress.js, run in one Node process.
DRIVER = """
const api = Object.assign({}, ...process.argv.slice(1).map((path) => require(path)));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const [name, call] of Object.entries(input)) {
  out[name] = api[call.fn](...call.args);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    node = node_executable()
    if node is None:
        pytest.skip("node is not installed (make deps, or apt-get install nodejs)")
    here = state(
        {"m/01-a": {"done": True, "at": T2}, "m/02-b": {"done": False, "at": T1}},
        {"m/q": quiz(1, 2, attempt(2, T1, ["q1"]), attempt(2, T1, ["q1"]))},
    )
    there = state(
        {"m/01-a": {"done": False, "at": T1}, "m/02-b": {"done": True, "at": T3}},
        {"m/q": quiz(2, 4, attempt(1, T2), attempt(4, T3))},
        learner="b",
    )
    exported = {"format": "aci-course-progress", "formatVersion": 1, "course": "c",
                "courseVersion": "1", "language": "en", "exportedAt": T3, "learner": "b",
                "lessons": {**there["lessons"], "gone/01-x": {"done": True, "at": T1}},
                "quizzes": there["quizzes"], "last": {"id": "m/01-a", "at": T2}}  # fmt: skip

    def variant(**changes: Any) -> str:
        return json.dumps({**exported, **changes})

    calls = {
        "merged": {"fn": "merge", "args": [here, there]},
        "file": {"fn": "toFile", "args": [here, COURSE, T3]},
        "read_ok": {"fn": "readFile", "args": [json.dumps(exported), COURSE]},
        "read_broken": {"fn": "readFile", "args": ["{", COURSE]},
        "read_array": {"fn": "readFile", "args": ["[]", COURSE]},
        "read_other": {"fn": "readFile", "args": [variant(course="x"), COURSE]},
        "read_newer": {"fn": "readFile", "args": [variant(formatVersion=3), COURSE]},
        "read_no_lessons": {"fn": "readFile", "args": [variant(lessons=3), COURSE]},
        "garbage": {"fn": "cleanState", "args": [{"lessons": {"<b>": {"done": True}, "m/01-a": 7},
                                                   "quizzes": "x", "learner": "<img>"}]},
        "before": {"fn": "moduleProgress", "args": [here, COURSE["modules"][0], None]},
        "after": {"fn": "moduleProgress", "args": [there, COURSE["modules"][0], None]},
        "quiz_only": {"fn": "moduleProgress",
                      "args": [state({}, there["quizzes"]), COURSE["modules"][0], None]},
        "untouched": {"fn": "moduleProgress", "args": [state({}, {}), COURSE["modules"][0], None]},
        "kept_partial": {"fn": "keepKnown", "args": [exported, {**COURSE, "complete": False}]},
        "kept_complete": {"fn": "keepKnown", "args": [exported, COURSE]},
    }  # fmt: skip
    run = subprocess.run(
        [node, "-e", DRIVER, *(str(SCRIPTS / part) for part in PARTS)],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout))


def test_merge_takes_the_newest_mark_and_the_best_results(results: dict[str, Any]) -> None:
    merged = results["merged"]
    assert merged["lessons"] == {
        "m/01-a": {"done": True, "at": T2},  # marked here after it was unmarked there
        "m/02-b": {"done": True, "at": T3},
    }
    q = merged["quizzes"]["m/q"]
    assert (q["attempts"], q["best"], q["passed"]) == (2, 4, True)
    assert q["first"] == attempt(2, T1, ["q1"])  # the earlier first attempt
    assert q["last"] == attempt(4, T3)
    assert merged["learner"] == "a"


def test_exported_file_follows_the_schema(results: dict[str, Any]) -> None:
    file = results["file"]
    assert set(SCHEMA["required"]) <= set(file)
    assert set(file) <= set(SCHEMA["properties"])
    assert file["format"] == SCHEMA["properties"]["format"]["const"]
    assert file["formatVersion"] == SCHEMA["properties"]["formatVersion"]["const"]
    assert (file["course"], file["courseVersion"], file["language"]) == ("c", "2", "en")
    quiz_schema = SCHEMA["properties"]["quizzes"]["additionalProperties"]
    assert set(quiz_schema["required"]) <= set(file["quizzes"]["m/q"])
    lesson_schema = SCHEMA["properties"]["lessons"]["additionalProperties"]
    assert set(file["lessons"]["m/01-a"]) == set(lesson_schema["required"])


def test_reading_a_file_keeps_only_lessons_that_still_exist(results: dict[str, Any]) -> None:
    read = results["read_ok"]
    assert read["ok"] is True and read["exportedAt"] == T3
    assert set(read["state"]["lessons"]) == {"m/01-a", "m/02-b"}
    assert read["state"]["last"] == {"id": "m/01-a", "at": T2}


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("read_broken", "bad"),
        ("read_array", "bad"),
        ("read_no_lessons", "bad"),
        ("read_other", "foreign"),
        ("read_newer", "newer"),
    ],
)
def test_bad_files_are_refused_with_a_reason(
    results: dict[str, Any], case: str, problem: str
) -> None:
    assert results[case] == {"ok": False, "problem": problem}


def test_garbage_becomes_an_empty_state(results: dict[str, Any]) -> None:
    garbage = results["garbage"]
    assert garbage["lessons"] == {} and garbage["quizzes"] == {}
    assert garbage["learner"] != "<img>"


def test_module_states(results: dict[str, Any]) -> None:
    assert results["untouched"]["state"] == "not-started"
    assert results["before"]["state"] == "in-progress"
    assert (results["before"]["done"], results["before"]["total"]) == (1, 2)
    # 01-a unmarked: not completed though the quiz is passed
    assert results["after"]["state"] == "in-progress"
    # Never marked either way: a lesson counts as done when its quizzes are passed.
    assert results["quiz_only"]["done"] == 1


def test_course_map_lists_lessons_with_their_quizzes() -> None:
    modules = load_modules(ROOT, LANGUAGES)
    quizzes = load_quizzes(ROOT, LANGUAGES)
    texts = {
        (m.id, lesson.name): lesson.sources[DEFAULT_LANGUAGE].read_text("utf-8")
        for m in modules
        for lesson in m.lessons
    }
    course = data.course_map(modules, quizzes, texts, "en")
    assert [m["id"] for m in course] == [m.id for m in modules]
    embedded = {q for m in course for lesson in m["lessons"] for q in lesson["quizzes"]}
    assert embedded == {q["id"] for m in course for q in m["quizzes"]}
    assert embedded <= set(quizzes)
    for module in course:
        for q in module["quizzes"]:
            assert q["total"] == len(quizzes[q["id"]].scored_questions)
            assert q["needed"] == quizzes[q["id"]].points_needed


def test_data_script_cannot_close_a_script_tag() -> None:
    script = data.data_script("c", "1", "</script><b>", "en", [])
    assert "</script>" not in script
    assert script.startswith("window.aciProgressData")


def test_a_map_of_some_modules_keeps_what_it_does_not_know(results: dict[str, Any]) -> None:
    """A lesson's map holds its own module: progress of other modules survives there."""
    assert "gone/01-x" in results["kept_partial"]["lessons"]
    assert "gone/01-x" not in results["kept_complete"]["lessons"]
    assert set(results["kept_complete"]["lessons"]) == {"m/01-a", "m/02-b"}


def test_a_module_map_carries_every_text_progress_js_shows() -> None:
    """Lessons and overviews run these with a module's map: each text they ask for is there."""
    import re

    script = "".join(
        (SCRIPTS / name).read_text("utf-8")
        for name in ("progress.js", "progress-lesson.js", "progress-modules.js")
    )
    asked = set(re.findall(r'"(progress\.[a-z.-]+)"', script))
    assert asked, "progress.js names its texts as string literals"
    text = data.data_script("c", "1", "T", "en", [], complete=False)
    payload = json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))
    for key in asked:
        if key.endswith("."):  # a family, e.g. "progress.state." + state
            assert any(k.startswith(key) for k in payload["texts"]), key
        else:
            assert key in payload["texts"], key
    assert not any(k.startswith(("report.", "progress.certificate")) for k in payload["texts"])
