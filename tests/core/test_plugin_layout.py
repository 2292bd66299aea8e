"""Plugins wire the package; the package never knows them; no plugin imports another."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "aci_course"
PLUGINS = PACKAGE / "plugins"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_package_never_imports_the_plugins() -> None:
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PLUGINS)
        and any(name.startswith("aci_course.plugins") for name in _imports(path))
    ]
    assert offenders == []


def test_each_plugin_has_config_and_plugin_and_imports_no_other_plugin() -> None:
    folders = sorted(p for p in PLUGINS.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert [p.name for p in folders] == [
        "course",
        "editions",
        "progress",
        "quality",
        "quiz",
        "search",
    ]
    for folder in folders:
        assert (folder / "config.py").is_file() and (folder / "plugin.py").is_file()
        own = f"aci_course.plugins.{folder.name}"
        for path in folder.glob("*.py"):
            others = {
                name
                for name in _imports(path)
                if name.startswith("aci_course.plugins") and not name.startswith(own)
            }
            assert others == set(), path


def test_no_module_state_in_the_plugins() -> None:
    """Per-build state lives on the plugin instance: no module-level lists or dicts."""
    for path in PLUGINS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                value = node.value
                assert not isinstance(value, ast.List | ast.Dict | ast.Set | ast.Call) or (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Attribute | ast.Name)
                    and "getLogger" in ast.unparse(value.func)
                ), f"{path}:{node.lineno}"
