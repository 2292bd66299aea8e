"""``make site`` on a machine without Node.js: node and npm come from PyPI into the venv.

A copy of the repository is built with a PATH that holds every command of this
machine except node, nodejs, npm, npx and corepack. The copy shares this
checkout's installed venv (``make -o .venv/.installed-site``: the pip step needs
no Node either), so what runs is the Makefile's npm ci and the strict build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_COMMANDS = {"node", "nodejs", "npm", "npx", "corepack"}
NOT_COPIED = {"node_modules", "build", "dist"}  # and, at the top, dot folders and built sites


def _not_copied(folder: str, names: list[str]) -> set[str]:
    if Path(folder) != ROOT:
        return set()
    return {n for n in names if n in NOT_COPIED or n.startswith((".", "site"))}


def path_without_node(shadow: Path) -> str:
    """A folder of links to every command on PATH but Node's."""
    shadow.mkdir()
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(folder) or os.path.realpath(folder).startswith(str(ROOT)):
            continue
        for name in os.listdir(folder):
            target = Path(folder) / name
            link = shadow / name
            if name in NODE_COMMANDS or link.exists() or not os.access(target, os.X_OK):
                continue
            if target.is_file():
                link.symlink_to(target)
    return str(shadow)


def test_make_site_needs_no_system_node(tmp_path: Path) -> None:
    project = tmp_path / "course"
    shutil.copytree(ROOT, project, ignore=_not_copied)
    (project / ".venv").symlink_to(ROOT / ".venv")
    path = path_without_node(tmp_path / "bin")
    env = {**os.environ, "PATH": path}
    assert shutil.which("node", path=path) is None and shutil.which("npm", path=path) is None

    result = subprocess.run(
        ["make", "-o", ".venv/.installed-site", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert ".venv/bin/npm ci" in result.stdout
    assert (project / "node_modules" / "iframe-worker" / "shim" / "index.js").is_file()
    shim = project / "site" / "assets" / "javascripts" / "vendor" / "iframe-worker" / "shim.js"
    assert shim.is_file()
    assert (project / "site" / "index.html").is_file()
