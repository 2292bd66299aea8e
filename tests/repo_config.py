"""What tests need to know of the repository's own ``mkdocs.yml``."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def repo_hooks() -> list[str]:
    """File names of the hooks ``mkdocs.yml`` lists, in its order (for fixture projects)."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("hooks:") + 1
    hooks = []
    for line in lines[start:]:
        if not line.startswith("  - "):
            break
        hooks.append(line[4:].strip().removeprefix("hooks/"))
    return hooks


def course_version() -> str:
    """``extra.course_version`` of ``mkdocs.yml``."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("course_version:"):
            return line.split(":", 1)[1].strip().strip("\"'")
    raise AssertionError("mkdocs.yml has no extra.course_version")
