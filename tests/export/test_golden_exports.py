"""Golden files of the exports: Moodle XML (``tests/golden/moodle/<case>.yml`` ->
``<case>.<lang>.xml``) and SCORM manifests (``tests/golden/scorm/<case>.yml`` -> ``<case>.xml``).

Each is the exporter's real output, bytes as written; ``pytest --update-golden`` rewrites them
after a deliberate change (review the diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aci_course import LANGUAGES
from aci_course.core.yamlsource import load_yaml
from aci_course.course.languages import prefix
from aci_course.course.modules import load_modules
from aci_course.export.moodle import write_quiz_banks
from aci_course.export.scorm import Package, manifest
from aci_course.quiz.load import parse_quiz_file
from tests.conftest import Project, check_golden

GOLDEN = Path(__file__).parents[1] / "golden"
MODULE = "mod"


@pytest.mark.parametrize("case", sorted((GOLDEN / "moodle").glob("*.yml")), ids=lambda p: p.stem)
def test_moodle_xml(case: Path, tmp_path: Path, update_golden: bool) -> None:
    display = f"quizzes/{MODULE}.yml"
    quiz_file = parse_quiz_file(load_yaml(case, display), display, MODULE, LANGUAGES)
    written = write_quiz_banks({quiz.full_id: quiz for quiz in quiz_file.quizzes}, tmp_path)
    assert [path.name for path in written] == [f"{lang}.xml" for lang in LANGUAGES]
    for path in written:
        expected = case.with_name(f"{case.stem}.{path.stem}.xml")
        check_golden(path.read_text(encoding="utf-8"), expected, update_golden)


@pytest.mark.parametrize("case", sorted((GOLDEN / "scorm").glob("*.yml")), ids=lambda p: p.stem)
def test_scorm_manifest(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    project = Project(tmp_path)
    project.module(MODULE, {lang: spec["lessons"] for lang in LANGUAGES})
    (module,) = load_modules(tmp_path, LANGUAGES)
    lang = spec["lang"]
    lessons = tuple(
        (f"{prefix(lang)}modules/{MODULE}/{lesson.slug}.html", lesson.title(lang))
        for lesson in module.lessons
    )
    files = {rel: b"" for rel in [*spec["files"], *(rel for rel, _ in lessons)]}
    package = Package(module=module, lang=lang, lessons=lessons, files=files)
    check_golden(
        manifest(package, spec["version"]).decode("utf-8"), case.with_suffix(".xml"), update_golden
    )
