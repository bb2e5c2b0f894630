"""`python3 -m build_scripts generate DIR`: the docs tree another renderer, or a person, works from."""

import json
import subprocess
import sys
from pathlib import Path

from .conftest import copy_project, founding_seeds, mkdocs


def run_command(command: str, folder: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command as `python3 -m build_scripts` runs it inside the environment, in a copy of the project."""
    code = f"import sys; from build_scripts.__main__ import run, parse_arguments; sys.exit(run(parse_arguments({[command, folder]!r})))"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)


def test_generate_writes_every_generated_page_and_file_beside_the_hand_written_pages(tmp_path):
    project = copy_project(tmp_path / "project", founding_seeds())
    out = tmp_path / "docs-tree"
    result = run_command("generate", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    for path in (
        "index.md",
        "timeline/index.md",
        "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/index.md",
        "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/cite.bib",
        "sources/004_d5fc1c6b4583ae9a/index.md",
        "feed.xml",
        "feed.json",
        "robots.txt",
        "data.md",
        "contribute.md",
        "assets/site.css",
    ):
        assert (out / path).is_file(), path
    assert len(json.loads((out / "data" / "timeline.json").read_text())["entries"]) == 10
    entry = (out / "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/index.md").read_text()
    assert entry.startswith('---\ntitle: "Uzbekistan studies Kazakh one-stop shops"\n')

    again = run_command("generate", str(out), cwd=project)
    assert again.returncode == 0 and again.stdout.rstrip().endswith(", 0 written.")


def test_generate_refuses_bad_seeds_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project", founding_seeds())
    (project / "seeds" / "bad.md").write_text("---\ntitle: [\n---\ntext\n", encoding="utf-8")
    result = run_command("generate", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 1 and "seeds/bad.md" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_generated_tree_builds_with_our_theme_by_a_renderer_that_runs_no_hook(tmp_path):
    # As Zensical reads the project (it ignores hooks:): nothing in overrides/ may need the hook.
    project = copy_project(tmp_path / "project", founding_seeds())
    assert run_command("generate", str(project / "generated"), cwd=project).returncode == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    without_hook = config.replace("docs_dir: docs\n", "docs_dir: generated\n").replace(
        "hooks:\n  - build_scripts/mkdocs_hook.py\n", ""
    )
    assert "hooks:" not in without_hook and "docs_dir: generated" in without_hook
    (project / "mkdocs.yml").write_text(without_hook, encoding="utf-8")
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    entry = project / "site/entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/index.html"
    assert "Uzbekistan studies Kazakh one-stop shops" in entry.read_text(encoding="utf-8")
