"""The code-quality gate: ruff with the rules chosen in pyproject.toml, zero findings on src/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from servers import installed_tool

ROOT = Path(__file__).parents[1]


def test_ruff_finds_nothing_in_src():
    result = subprocess.run([str(installed_tool("ruff")), "check", "--no-cache", "src"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
