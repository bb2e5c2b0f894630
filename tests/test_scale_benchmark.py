"""The scale benchmark's inputs are real seeds and its report carries every figure (never timed here)."""

import re
import subprocess
import sys
from pathlib import Path

from benchmarks.synthetic_seeds import write_synthetic_seeds
from build_scripts.build_model import build_timeline
from build_scripts.read_seeds import seed_paths
from build_scripts.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_seeds_pass_validation_with_every_precision_and_many_countries(tmp_path):
    write_synthetic_seeds(tmp_path / "seeds", 400)
    seeds, problems = validate_paths(seed_paths(tmp_path / "seeds"), base=tmp_path)
    assert problems == []
    timeline = build_timeline(seeds)
    assert len(timeline.entries) == 400
    assert {entry.event.date.precision for entry in timeline.entries} == {"year", "month", "day"}
    assert len(timeline.countries) >= 20


def test_the_benchmark_prints_every_figure_the_scale_issue_asks_for(tmp_path):
    # The smallest sizes: this proves the benchmark runs and prints its table, not what it measures.
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "scale.py"),
            "--entries",
            "2",
            "4",
            "--keep",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for figure in (
        "full mkdocs build",
        "no-change rebuild time",
        "one-seed rebuild time",
        "save to served page",
        "bad save to its notice",
        "its fix to the notice gone",
        "peak memory",
        "largest HTML page",
        "site size",
        "search index",
        "build scripts' share",
        "ours / blog plugin",
        "in one process",
        "2 -> 4 entries",
    ):
        assert figure in result.stdout
    assert re.findall(r"no-change rebuild +(\d+) of", result.stdout) == ["0", "0"]
    assert "never showed" not in result.stdout
