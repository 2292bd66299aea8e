"""The front end's Node unit tests (tests/js/*.test.cjs), run under pytest so CI sees them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from aci_course.core.node import node_executable

HERE = Path(__file__).parent
TESTS = sorted(HERE.glob("*.test.cjs"))


@pytest.mark.parametrize("script", TESTS, ids=[path.name for path in TESTS])
def test_node_unit_tests_pass(script: Path) -> None:
    node = node_executable()
    if node is None:
        pytest.fail("node is not installed (make deps installs it into .venv)")
    run = subprocess.run(
        [node, "--test", str(script)], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
