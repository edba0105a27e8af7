"""Runs ../shared/eval/score.py on ../shared/corpus (when present) and checks the parser's figures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus"

# The targets (all met), and a floor just under what the engine reaches today (regressions fail).
TARGETS = {"placing_p": 0.97, "placing_r": 0.90, "podium_p": 0.99, "times": 0.99}
FLOOR = {"placing_p": 0.985, "placing_r": 0.90, "podium_p": 0.99, "times": 0.99}

pytestmark = pytest.mark.skipif(not (SCORER.exists() and CORPUS.is_dir()), reason="no ../shared corpus here")

_LINE = re.compile(r"placings P=(?P<pp>[\d.]+) R=(?P<pr>[\d.]+) F1=[\d.]+ \| podium P=(?P<qp>[\d.]+) R=[\d.]+ F1=[\d.]+ "
                   r"\| times (?P<t>[\d.]+)")


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    cmd = f"{sys.executable} -m schaatsbot.cli parse --json"
    proc = subprocess.run([sys.executable, str(SCORER), "--corpus", str(CORPUS), "--cmd", cmd, "--show", "none"],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    m = _LINE.search(proc.stdout)
    assert m, proc.stdout[-2000:]
    return {"placing_p": float(m["pp"]), "placing_r": float(m["pr"]), "podium_p": float(m["qp"]),
            "times": float(m["t"])}


def test_no_regression(figures: dict[str, float]) -> None:
    low = {k: v for k, v in figures.items() if v < FLOOR[k]}
    assert not low, f"below the floor {FLOOR}: {figures}"


def test_targets(figures: dict[str, float]) -> None:
    missing = {k: v for k, v in figures.items() if v < TARGETS[k]}
    assert not missing, f"below the issue's targets {TARGETS}: {figures}"
