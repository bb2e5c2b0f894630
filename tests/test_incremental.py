"""A rebuild that reuses the last build's pages publishes exactly what a full build would."""

import queue
import re
import shutil
from pathlib import Path

from .conftest import ROOT, copy_project, founding_seeds, mkdocs
from .test_serve import Server

OTHER_SEEDS = sorted((ROOT / "seeds").glob("2005-*.md"))[:3]


def site_files(project: Path, site: Path | None = None) -> dict[str, bytes]:
    site = site or project / "site"
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
    pages = [path for path in (project / "site").rglob("index.html")]
    nav = re.findall(r"^  - [^:\n]+: (\S+\.md)$", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert reused == len(pages) - len(nav)  # only the pages in the nav render again


def test_one_serve_process_after_each_edit_publishes_what_a_full_build_would(tmp_path):
    """Within one `mkdocs serve`, what it remembers between saves (checked seeds, rendered pages,
    reused pages) never shows: after each edit its site equals a full build of the same seeds."""
    project = copy_project(tmp_path / "served", [*founding_seeds(), *OTHER_SEEDS[:2]])
    served_from = tmp_path / "temporary"  # where mkdocs serve makes the folder it serves
    served_from.mkdir()
    server = Server(project, environment={"TMPDIR": str(served_from)})
    try:
        server.wait_for("Serving on")
        for step, edit in enumerate((add, change, rename, delete)):
            edit(project / "seeds")
            settle(server)
            fresh = copy_project(tmp_path / f"full-{step}", sorted((project / "seeds").iterdir()))
            # serve publishes the site at its own address: the full build is given the same one
            built = mkdocs(
                fresh, "build", "--strict", environment={"SITE_URL": f"http://127.0.0.1:{server.port}/"}
            )
            assert built.returncode == 0, built.stderr
            served, full = site_files(project, served_folder(served_from)), site_files(fresh)
            assert sorted(served) == sorted(full), edit.__name__
            assert [path for path in full if served[path] != full[path]] == [], edit.__name__
        assert "pages reused from the last build" in "".join(server.log)
        assert "Page skipped" not in "".join(server.log)
    finally:
        server.stop()


def settle(server: Server) -> None:
    """Waits for the rebuild after an edit, and for any further one it set off (a rename is two
    events), until the server has been quiet for a while. ("Reloading browsers" carries the time;
    MkDocs leaves out a "Documentation built in" that repeats an earlier one to the hundredth.)"""
    server.wait_for("Reloading browsers")
    while True:
        try:
            line = server.lines.get(timeout=3)
        except queue.Empty:
            return
        server.log.append(line)
        if "Building documentation" in line:
            server.wait_for("Reloading browsers")


def served_folder(temporary: Path) -> Path:
    """The folder `mkdocs serve` made and serves (read from disk: over HTTP, pages carry its reload script)."""
    (folder,) = [path for path in temporary.glob("mkdocs_*") if path.is_dir()]
    return folder


def test_with_another_hook_or_plugin_every_page_is_rendered(tmp_path):
    # A reused page goes through no page event; a hook or plugin that lists the pages it sees (as
    # a tags or blog plugin does) would miss it, so with one nothing is reused.
    project = copy_project(tmp_path, founding_seeds())
    (project / "gather_hook.py").write_text(
        "from pathlib import Path\n\n\ndef on_page_context(context, page, config, nav):\n"
        "    with open(Path(config.config_file_path).parent / 'seen.txt', 'a') as seen:\n"
        "        seen.write(page.url + '\\n')\n"
        "    return context\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - gather_hook.py\n"),
        encoding="utf-8",
    )
    assert mkdocs(project, "build").returncode == 0
    before = site_files(project)
    (project / "seen.txt").unlink()
    rebuilt = mkdocs(project, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Every page is rendered: gather_hook.py may need to see them all." in rebuilt.stderr
    assert " 0 pages reused" in rebuilt.stderr
    seen = (project / "seen.txt").read_text(encoding="utf-8").splitlines()
    assert len(seen) == len(list((project / "site").rglob("index.html")))
    assert site_files(project) == before


def test_a_bad_save_shows_its_notice_on_reused_pages_and_its_fix_publishes_what_a_full_build_would(tmp_path):
    """While a seed is bad, the pages taken from the last build are published again with the notice;
    once it is fixed, without it, byte for byte as a full build makes them."""
    project = copy_project(tmp_path / "served", [*founding_seeds(), *OTHER_SEEDS[:2]])
    served_from = tmp_path / "temporary"
    served_from.mkdir()
    server = Server(project, environment={"TMPDIR": str(served_from)})
    seed = project / "seeds" / OTHER_SEEDS[0].name
    good = seed.read_text(encoding="utf-8")
    try:
        server.wait_for("Serving on")
        seed.write_text(good.replace("published:", "published: 2025-02-30\nbroken:", 1), encoding="utf-8")
        settle(server)
        entry = served_folder(served_from) / "entries" / "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops"
        assert "Preview only: " in (entry / "index.html").read_text(encoding="utf-8")
        published = [line for line in server.log if "Published:" in line][-1]
        assert int(re.search(r"(\d+) pages reused", published).group(1)) > 0, published  # not rendered again
        seed.write_text(good, encoding="utf-8")
        settle(server)
        fresh = copy_project(tmp_path / "full", sorted((project / "seeds").iterdir()))
        built = mkdocs(
            fresh, "build", "--strict", environment={"SITE_URL": f"http://127.0.0.1:{server.port}/"}
        )
        assert built.returncode == 0, built.stderr
        served, full = site_files(project, served_folder(served_from)), site_files(fresh)
        assert sorted(served) == sorted(full)
        assert [path for path in full if served[path] != full[path]] == []
    finally:
        server.stop()
