"""The contributor's commands: `validate` seed files, start a `new` seed."""

from __future__ import annotations

import sys
from pathlib import Path

from build_scripts.environment import ROOT
from build_scripts.model import Problem
from build_scripts.read_seeds import seed_paths
from build_scripts.validate import validate_paths

SEEDS_DIR = ROOT / "seeds"


def format_problem(problem: Problem, output_format: str) -> str:
    if output_format == "github":
        # GitHub Actions workflow command: properties and message need their own escaping.
        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text

        return (
            f"::error file={escape(problem.path, True)},line={problem.line},"
            f"title=Seed problem::{escape(problem.message)}"
        )
    return str(problem)


def summarize(problems: list[Problem], files_checked: int) -> str:
    files = f"{files_checked} seed file{'s' if files_checked != 1 else ''}"
    if not problems:
        return f"All {files} valid."
    bad_files = len({problem.path for problem in problems})
    count = len(problems)
    return (
        f"{count} problem{'s' if count != 1 else ''} in {bad_files} of {files}. "
        "Fix each line above; CONTRIBUTING.md explains the seed format."
    )


def validate_command(paths: list[Path], output_format: str) -> int:
    """Exit 0 when every file is valid, 1 when any problem is found."""
    targets = paths or seed_paths(SEEDS_DIR)
    _, problems = validate_paths(targets, base=Path.cwd())
    for problem in problems:
        print(format_problem(problem, output_format))
    print(summarize(problems, len(targets)), file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0
