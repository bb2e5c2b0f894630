"""Shared fixtures: real MkDocs builds of a copy of the project, with the seeds a test chooses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "build_scripts")
SOURCE_DATE_EPOCH = "1763596800"  # 2025-11-20: builds must not depend on the clock


def copy_project(destination: Path, seeds: list[Path]) -> Path:
    """The project as a contributor has it, with only the given seeds."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    (destination / "seeds").mkdir()
    for seed in seeds:
        shutil.copy2(seed, destination / "seeds" / seed.name)
    return destination


def mkdocs(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *arguments, "-f", str(project / "mkdocs.yml")],
        cwd=project, env=environment, capture_output=True, text=True,
    )


def founding_seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("00[04]_*"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The founding seeds built with `mkdocs build --strict`, as the README's build command does."""
    project = copy_project(tmp_path_factory.mktemp("project"), founding_seeds())
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"
