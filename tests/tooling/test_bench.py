"""The benchmark's real-course projects and its README section (no builds here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_real_course_copies_are_modules_of_their_own(tmp_path: Path) -> None:
    bench = _bench()
    bench.real_modules(tmp_path, 4)
    originals = sorted(p.name for p in (ROOT / "modules").iterdir() if p.is_dir())
    folders = sorted(p.name for p in (tmp_path / "modules").iterdir())
    assert len(folders) == 4 * len(originals)
    orders = set()
    for folder in folders:
        meta = yaml.safe_load((tmp_path / "modules" / folder / "module.yml").read_text("utf-8"))
        assert meta["id"] == folder
        orders.add((meta["track"], meta["order"]))
        assert (tmp_path / "quizzes" / f"{folder}.yml").is_file()
    assert len(orders) == len(folders)  # no two modules share a place in a track


def test_plain_has_none_of_ours(tmp_path: Path) -> None:
    bench = _bench()
    config = bench.plain_config()
    for ours in ("\n  aci-", "custom_dir", "extra_css", "extra_javascript", "polyfills"):
        assert ours not in config
    project = bench.real_plain_project(tmp_path / "plain", 1)
    assert not (project / "modules").exists() and not (project / "authored").exists()
    assert (project / "docs" / "en" / "modules" / "index.md").is_file()


def test_readme_keeps_the_part_not_measured(tmp_path: Path) -> None:
    bench = _bench()
    readme = tmp_path / "README.md"
    readme.write_text("# Course\n\n## Benchmark\n\nold\n\n## After\n\nkept\n", "utf-8")
    bench.write_readme(readme, {"real": "R1", "synthetic": "S1"}, "Analysis.")
    bench.write_readme(readme, {"real": "R2"}, "Analysis.")
    text = readme.read_text("utf-8")
    assert "R2" in text and "R1" not in text and "S1" in text and "old" not in text
    assert text.endswith("Analysis.\n\n## After\n\nkept\n")
