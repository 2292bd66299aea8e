"""What tests need to know of the repository's own ``mkdocs.yml``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from aci_course.core import project
from aci_course.core.project import load_project_config

ROOT = Path(__file__).resolve().parents[1]


@cache
def _config() -> MkDocsConfig:
    return load_project_config(ROOT / "mkdocs.yml")


def repo_plugins() -> list[str]:
    """The course plugins ``mkdocs.yml`` lists, in its order, with their options, as
    entries of a fixture project's ``plugins:`` list."""
    return [
        f"{name}: {json.dumps(dict(plugin.config))}"
        for name, plugin in _config().plugins.items()
        if name.startswith("aci-")
    ]


def course_version() -> str:
    """``extra.course_version`` of ``mkdocs.yml``."""
    return project.course_version(_config())
