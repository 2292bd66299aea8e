"""Shared test helpers: the golden-file update flag and fixture projects.

``pytest --update-golden`` rewrites expected HTML files instead of comparing;
review the diff before committing it.

``make_project`` writes a small course (mkdocs.yml using this package's plugins and
overrides, docs/ in three languages, modules/, quizzes/) into ``tmp_path`` and
``build`` runs a real ``mkdocs build --strict`` of it, as MkDocs' own
integration tests do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files under tests/golden/ instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def check_golden(actual: str, expected_path: Path, update: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it with ``--update-golden``."""
    if update or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{expected_path} did not exist: written, review and commit it")
        return
    assert actual == expected_path.read_text(encoding="utf-8"), (
        f"{expected_path} differs: run pytest --update-golden and review the diff"
    )


def _mkdocs_yml(plugins: list[str], extra: str = "") -> str:
    plugin_lines = "\n".join(f"  - {plugin}" for plugin in plugins)
    return (
        textwrap.dedent(f"""\
        site_name: Fixture
        use_directory_urls: false
        strict: true
        theme:
          name: material
          custom_dir: {ROOT / "overrides"}
          language: ru
          font: false
          favicon: assets/images/favicon.svg
        extra:
          course_version: "0.0-test"
          polyfills:
            - assets/javascripts/vendor/iframe-worker/shim.js
        extra_css: [assets/stylesheets/aci.css]
        extra_javascript: [assets/javascripts/aci.js]
        plugins:
          - search
          - i18n:
              docs_structure: folder
              fallback_to_default: true
              languages:
                - {{locale: ru, name: Русский, default: true, build: true}}
                - {{locale: be, name: Беларуская, build: true}}
                - {{locale: en, name: English, build: true}}
          - offline
        """)
        + plugin_lines
        + textwrap.dedent("""
        markdown_extensions:
          - admonition
          - attr_list
          - md_in_html
          - toc:
              slugify: !!python/object/apply:pymdownx.slugs.slugify
                kwds: {case: lower}
        """)
        + extra
    )


MODULE_YML = """\
id: {id}
track: {track}
order: {order}
version: "1.0.0"
audience: [teachers, foster-parents]
duration_minutes: 45
licence: CC-BY-SA-4.0
authors: ["Test Author"]
title: {{ru: "Модуль {id}", be: "Модуль {id} be", en: "Module {id}"}}
summary: {{ru: "Кратко.", be: "Коратка.", en: "In short."}}
objectives:
  ru: ["Понимать тему."]
  be: ["Разумець тэму."]
  en: ["Understand the topic."]
prerequisites: {prerequisites}
"""

# The plugins (entries of mkdocs.yml's ``plugins:`` list) of a fixture course.
DEFAULT_PLUGINS = ["aci-course", "aci-search"]


@dataclass
class Project:
    """A fixture course on disk."""

    root: Path

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def module(
        self,
        module_id: str,
        lessons: dict[str, list[str]],
        *,
        track: str = "inclusive-care",
        order: int = 1,
        prerequisites: str = "[]",
    ) -> None:
        """A module whose ``lessons`` maps language -> lesson file names."""
        self.write(
            f"modules/{module_id}/module.yml",
            MODULE_YML.format(id=module_id, track=track, order=order, prerequisites=prerequisites),
        )
        for lang, names in lessons.items():
            for name in names:
                self.write(
                    f"modules/{module_id}/{lang}/{name}",
                    f"---\ntitle: {lang} {name}\n---\n\n# {lang} {name}\n\nText {lang}.\n",
                )

    def build(self, *extra_args: str) -> subprocess.CompletedProcess[str]:
        """``mkdocs build --strict`` of the project; output in ``root/site``."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *extra_args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def html(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


@pytest.fixture
def make_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Factory: ``make_project(plugins=[...], extra_yml="")`` -> a Project with docs/."""

    def make(plugins: list[str] | None = None, extra_yml: str = "") -> Project:
        project = Project(tmp_path / "course")
        project.write("mkdocs.yml", _mkdocs_yml(plugins or DEFAULT_PLUGINS, extra_yml))
        for lang in ("ru", "be", "en"):
            project.write(f"docs/{lang}/index.md", f"# Home {lang}\n\nWelcome {lang}.\n")
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
        return project

    return make
