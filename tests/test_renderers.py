"""The fallback renderer, proven: ProperDocs (a fork of MkDocs 1.6) builds the project unchanged,
with the same hook and theme, into exactly the site MkDocs builds.

Nothing is normalised: Material prints no generator meta tag here (MkDocs' version would be the
one difference), and every other byte of every file is the same.
"""

import os
import subprocess
import sys
from pathlib import Path

from .conftest import SOURCE_DATE_EPOCH, copy_project, founding_seeds


def site_files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_properdocs_builds_the_founding_seeds_into_the_same_site_as_mkdocs(built_site, tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    properdocs, mkdocs = site_files(project / "site"), site_files(built_site)
    assert sorted(properdocs) == sorted(mkdocs)
    assert [path for path in mkdocs if properdocs[path] != mkdocs[path]] == []


def test_under_properdocs_a_strict_warning_leaves_the_site_alone_too(tmp_path):
    """The hook counts the renderer's own warnings, so ProperDocs' strict mode publishes nothing either."""
    project = copy_project(tmp_path, founding_seeds())
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}

    def properdocs_build() -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
        return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)

    assert properdocs_build().returncode == 0
    before = site_files(project / "site")
    (project / "docs" / "contribute.md").write_text("# Contribute\n\n[a missing page](missing.md)\n")
    result = properdocs_build()
    assert result.returncode == 1 and "missing.md" in result.stderr
    assert site_files(project / "site") == before
