"""A rebuild that reuses the last build's pages publishes exactly what a full build would."""

import shutil
from pathlib import Path

from .conftest import ROOT, copy_project, founding_seeds, mkdocs

OTHER_SEEDS = sorted((ROOT / "seeds").glob("2005-*.md"))[:3]


def site_files(project: Path) -> dict[str, bytes]:
    site = project / "site"
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def add(seeds: Path) -> None:
    shutil.copy2(OTHER_SEEDS[2], seeds / OTHER_SEEDS[2].name)


def change(seeds: Path) -> None:
    seed = seeds / "004_d5fc1c6b4583ae9a.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Uzbekistan studies Kazakh", "Uzbekistan examines Kazakh"),
        encoding="utf-8",
    )


def rename(seeds: Path) -> None:
    (seeds / OTHER_SEEDS[0].name).rename(seeds / f"renamed-{OTHER_SEEDS[0].name}")


def delete(seeds: Path) -> None:
    (seeds / OTHER_SEEDS[1].name).unlink()


def test_incremental_builds_after_each_edit_equal_a_full_build_of_the_same_seeds(tmp_path):
    project = copy_project(tmp_path / "incremental", [*founding_seeds(), *OTHER_SEEDS[:2]])
    assert mkdocs(project, "build", "--strict").returncode == 0
    for step, edit in enumerate((add, change, rename, delete)):
        edit(project / "seeds")
        rebuilt = mkdocs(project, "build", "--strict")
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert "pages reused from the last build" in rebuilt.stderr
        fresh = copy_project(tmp_path / f"full-{step}", sorted((project / "seeds").iterdir()))
        assert mkdocs(fresh, "build", "--strict").returncode == 0
        incremental, full = site_files(project), site_files(fresh)
        assert sorted(incremental) == sorted(full), edit.__name__
        assert [path for path in full if incremental[path] != full[path]] == [], edit.__name__


def test_a_rebuild_with_nothing_changed_reuses_every_generated_page(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    rebuilt = mkdocs(project, "build", "--strict")
    assert rebuilt.returncode == 0
    reused = int(rebuilt.stderr.split(" pages reused")[0].rsplit(" ", 1)[1])
    generated = [path for path in (project / "site").rglob("index.html")]
    assert 0 < reused < len(generated)  # the pages in the nav and the tag listings render again
