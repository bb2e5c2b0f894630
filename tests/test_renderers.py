"""The fallback renderer, proven: ProperDocs (a fork of MkDocs 1.6) builds the project unchanged,
with the same hook and theme, into exactly the site MkDocs builds.

Nothing is normalised: Material prints no generator meta tag here (MkDocs' version would be the
one difference), and every other byte of every file is the same.
"""

import subprocess
from pathlib import Path

from .conftest import copy_project, founding_seeds, mkdocs


def site_files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_properdocs_builds_the_founding_seeds_into_the_same_site_as_mkdocs(built_site, tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    result = mkdocs(project, "build", "--strict", renderer="properdocs")
    assert result.returncode == 0, result.stderr
    properdocs, built = site_files(project / "site"), site_files(built_site)
    assert sorted(properdocs) == sorted(built)
    assert [path for path in built if properdocs[path] != built[path]] == []


def test_under_properdocs_a_strict_warning_leaves_the_site_alone_too(tmp_path):
    """The hook counts the renderer's own warnings, so ProperDocs' strict mode publishes nothing either."""
    project = copy_project(tmp_path, founding_seeds())

    def properdocs_build() -> subprocess.CompletedProcess:
        return mkdocs(project, "build", "--strict", renderer="properdocs")

    assert properdocs_build().returncode == 0
    before = site_files(project / "site")
    (project / "docs" / "contribute.md").write_text("# Contribute\n\n[a missing page](missing.md)\n")
    result = properdocs_build()
    assert result.returncode == 1 and "missing.md" in result.stderr
    assert site_files(project / "site") == before
