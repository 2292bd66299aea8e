"""What the exports need to know of the project: its root, configuration and site.

The configuration is ``mkdocs.yml`` as MkDocs loads it for a build
(:func:`aci_course.core.project.load_project_config`: ``INHERIT`` honoured, the
Markdown extensions and their Python tags as the build has them), and the course
version comes from its one accessor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml as mkdocs_yaml

from aci_course.core import project

CONFIG_FILE = "mkdocs.yml"


class ExportError(Exception):
    """A reason an export cannot run (no build yet, a bad argument): one line, no traceback."""


def project_config(root: Path, config_file: str = CONFIG_FILE) -> MkDocsConfig:
    """``root/config_file`` as MkDocs loads it for a build."""
    try:
        return project.load_project_config(root / config_file)
    except project.ProjectConfigError as error:
        raise ExportError(str(error)) from None


def read_config(root: Path, config_file: str = CONFIG_FILE) -> dict[str, Any]:
    """The file as its author wrote it, ``INHERIT`` merged by MkDocs' own YAML reader.

    For the exports that write a configuration of their own (profiles) and must
    repeat what the author wrote, not MkDocs' validated values and defaults.
    """
    path = root / config_file
    if not path.is_file():
        raise ExportError(f"{path}: not found - run aci-course from the course folder")
    try:
        with path.open("rb") as stream:
            data = mkdocs_yaml.yaml_load(stream)
    except Exception as error:  # MkDocs raises YAML and INHERIT errors of several kinds
        raise ExportError(f"{config_file}: cannot be read ({error}) - fix the file") from None
    return data if isinstance(data, dict) else {}


def course_version(root: Path, config_file: str = CONFIG_FILE) -> str:
    """``extra.course_version`` of the project's configuration, e.g. ``2026.1``."""
    return project.course_version(project_config(root, config_file))


def require_site(site: Path) -> Path:
    """The built site folder, or an ExportError telling how to build it."""
    if not (site / "index.html").is_file():
        raise ExportError(f"{site}: no built site here - run `make site` first")
    return site
