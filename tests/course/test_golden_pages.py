"""Golden files for generated module overviews and the catalogue.

Each case is ``tests/golden/<kind>/<case>.yml`` (the modules and the language)
beside the expected ``<case>.html``; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from aci_course import LANGUAGES
from aci_course.course.modules import load_modules
from aci_course.course.pages import catalogue_html, duration_text, licence_name, overview_html
from tests.conftest import MODULE_YML, check_golden

GOLDEN = Path(__file__).parents[1] / "golden"


def _cases(kind: str) -> list[Path]:
    return sorted((GOLDEN / kind).glob("*.yml"))


def _course(tmp_path: Path, spec: dict[str, Any]) -> Path:
    for module in spec["modules"]:
        folder = tmp_path / "modules" / module["id"]
        folder.mkdir(parents=True)
        (folder / "module.yml").write_text(
            MODULE_YML.format(
                id=module["id"],
                track=module.get("track", "inclusive-care"),
                order=module.get("order", 1),
                prerequisites=module.get("prerequisites", []),
            ).replace("duration_minutes: 45", f"duration_minutes: {module.get('duration', 45)}")
        )
        for lang, names in module["lessons"].items():
            (folder / lang).mkdir()
            for name in names:
                (folder / lang / name).write_text(f"# {lang} {name} <&>\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("case", _cases("overview"), ids=lambda p: p.stem)
def test_overview(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    modules = load_modules(_course(tmp_path, spec), LANGUAGES)
    module = next(m for m in modules if m.id == spec["show"])
    check_golden(
        overview_html(module, spec["lang"], modules), case.with_suffix(".html"), update_golden
    )


@pytest.mark.parametrize("case", _cases("catalogue"), ids=lambda p: p.stem)
def test_catalogue(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    modules = load_modules(_course(tmp_path, spec), LANGUAGES)
    check_golden(catalogue_html(modules, spec["lang"]), case.with_suffix(".html"), update_golden)


def test_golden_cases_exist() -> None:
    assert _cases("overview") and _cases("catalogue")


@pytest.mark.parametrize(
    ("minutes", "lang", "text"),
    [
        (45, "en", "45 min"),
        (60, "ru", "1 ч"),
        (90, "be", "1 гадз 30 хв"),
        (135, "en", "2 h 15 min"),
        (120, "be", "2 гадз"),
    ],
)
def test_duration_reads_as_hours_and_minutes(minutes: int, lang: str, text: str) -> None:
    assert duration_text(minutes, lang) == text


def test_licence_shows_its_name_in_the_readers_language() -> None:
    assert licence_name("CC-BY-SA-4.0", "en") == (
        "CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0 International)"
    )
    assert "З указаннем аўтарства" in licence_name("CC-BY-SA-4.0", "be")
    assert licence_name("MIT", "ru") == "MIT"  # no name known: the SPDX id as written
