"""ruff runs first in the test command, in pre-commit too, and a finding fails the command."""

import shutil

import yaml

from build_scripts import __main__ as command_line
from build_scripts import environment

from .conftest import ROOT


def test_a_ruff_finding_fails_the_test_command_before_pytest_runs(tmp_path, monkeypatch, capsys):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "unsorted.py").write_text("import sys\nimport os\n\nprint(os, sys)\n")
    monkeypatch.chdir(ROOT)  # the command moves to its project folder; this moves back after the test
    monkeypatch.setattr(environment, "ROOT", tmp_path)
    monkeypatch.setattr(environment, "ensure_chromium", lambda: None)
    started = []
    monkeypatch.setattr(command_line.os, "execv", lambda *command: started.append(command))
    assert command_line.run(command_line.parse_arguments(["test"])) == 1
    assert started == [], "pytest does not run"
    output = capsys.readouterr()
    assert "error: ruff found the problems above" in output.err


def test_the_formatted_file_passes_both_checks(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "sorted.py").write_text("import os\nimport sys\n\nprint(os, sys)\n")
    assert command_line.lint_passes(tmp_path)


def test_pre_commit_runs_ruff_check_and_format_check_on_python_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    ruff = {hook["entry"]: hook["types"] for hook in hooks if "ruff" in hook["entry"]}
    assert ruff == {
        ".venv/bin/ruff check --force-exclude": ["python"],
        ".venv/bin/ruff format --check --force-exclude": ["python"],
    }
