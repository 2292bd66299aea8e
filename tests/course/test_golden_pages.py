"""Golden files for generated module overviews and the catalogue.

Each case is ``tests/golden/<kind>/<case>.yml`` (the modules and the language)
beside the expected ``<case>.html``; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from aci_course.course.modules import load_modules
from aci_course.course.pages import catalogue_html, overview_html
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
            )
        )
        for lang, names in module["lessons"].items():
            (folder / lang).mkdir()
            for name in names:
                (folder / lang / name).write_text(f"# {lang} {name} <&>\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("case", _cases("overview"), ids=lambda p: p.stem)
def test_overview(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    modules = load_modules(_course(tmp_path, spec))
    module = next(m for m in modules if m.id == spec["show"])
    check_golden(
        overview_html(module, spec["lang"], modules), case.with_suffix(".html"), update_golden
    )


@pytest.mark.parametrize("case", _cases("catalogue"), ids=lambda p: p.stem)
def test_catalogue(case: Path, tmp_path: Path, update_golden: bool) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    modules = load_modules(_course(tmp_path, spec))
    check_golden(catalogue_html(modules, spec["lang"]), case.with_suffix(".html"), update_golden)


def test_golden_cases_exist() -> None:
    assert _cases("overview") and _cases("catalogue")
