"""What the exports need to know of the project: its root, course version and site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aci_course.core.errors import AuthorError


class ExportError(Exception):
    """A reason an export cannot run (no build yet, a bad argument): one line, no traceback."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/...`` tags (we only need plain keys)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_ConfigLoader.add_multi_constructor("!", _ignore_tag)


def read_config(root: Path) -> dict[str, Any]:
    """``mkdocs.yml`` of ``root`` as plain data."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        raise ExportError(f"{path}: not found - run aci-course from the course folder")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        raise ExportError(f"mkdocs.yml: cannot be read ({error}) - fix the file") from None
    return data if isinstance(data, dict) else {}


def course_version(root: Path) -> str:
    """``extra.course_version`` of mkdocs.yml, e.g. ``2026.1``."""
    extra = read_config(root).get("extra") or {}
    version = extra.get("course_version") if isinstance(extra, dict) else None
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise AuthorError(
            "mkdocs.yml",
            None,
            "extra.course_version is missing",
            'add it, e.g. extra: {course_version: "2026.1"}',
        )
    return str(version).strip()


def require_site(site: Path) -> Path:
    """The built site folder, or an ExportError telling how to build it."""
    if not (site / "index.html").is_file():
        raise ExportError(f"{site}: no built site here - run `make site` first")
    return site
