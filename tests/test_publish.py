"""Publishing a finished build writes only the files whose bytes changed."""

import threading
from pathlib import Path

import pytest

from build_scripts import publish
from build_scripts.publish import build_lock, new_staging, publish_changes, publish_site


def make_tree(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_the_first_build_is_moved_into_place(tmp_path):
    staging = make_tree(tmp_path / "site.building", {"index.html": "home", "a/index.html": "a"})
    outcome = publish_site(staging, tmp_path / "site")
    assert (tmp_path / "site" / "a" / "index.html").read_text() == "a"
    assert not staging.exists() and outcome.written == 2


def test_unchanged_files_are_left_untouched_and_changed_ones_replaced(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home", "a/index.html": "a", "gone/index.html": "old"})
    before = stamps(site)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home", "a/index.html": "a, edited"})
    outcome = publish_site(staging, site)
    after = stamps(site)
    assert after["index.html"] == before["index.html"]
    assert (site / "a" / "index.html").read_text() == "a, edited"
    assert not (site / "gone").exists()
    assert (outcome.written, outcome.unchanged, outcome.removed) == (1, 1, 1)


def test_kept_files_stay_published_when_other_files_change(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home", "kept/index.html": "k", "gone.json": "{}"})
    before = stamps(site)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home, edited"})
    outcome = publish_site(staging, site, kept={"kept/index.html"})
    assert stamps(site)["kept/index.html"] == before["kept/index.html"]  # the same file, not a copy
    assert (site / "index.html").read_text() == "home, edited" and not (site / "gone.json").exists()
    assert (outcome.written, outcome.unchanged, outcome.removed) == (1, 1, 1)
    assert outcome.files == {"index.html", "kept/index.html"}


def test_a_build_that_changed_nothing_leaves_the_published_folder_untouched(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home", "kept/index.html": "k"})
    folder, before = site.stat().st_ino, stamps(site)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home"})
    outcome = publish_site(staging, site, kept={"kept/index.html"})
    assert site.stat().st_ino == folder and stamps(site) == before
    assert not staging.exists()
    assert (outcome.written, outcome.unchanged, outcome.removed) == (0, 2, 0)


def test_a_folder_or_link_added_by_hand_goes_even_when_no_file_changed(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home", "kept/index.html": "k"})
    (site / "empty").mkdir()
    (site / "elsewhere").symlink_to(tmp_path)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home"})
    outcome = publish_site(staging, site, kept={"kept/index.html"})
    assert sorted(path.name for path in site.iterdir()) == ["index.html", "kept"]
    assert (outcome.written, outcome.unchanged, outcome.removed) == (0, 2, 0)


def test_a_kept_file_removed_during_the_build_stops_the_publication(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home"})
    before = stamps(site)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home, edited"})
    with pytest.raises(publish.SiteChangedDuringBuild) as raised:
        publish_site(staging, site, kept={"kept/index.html"})
    assert str(raised.value) == (
        f"{site / 'kept' / 'index.html'} was removed while the site was being built: nothing was published. "
        "Build again."
    )
    assert stamps(site) == before


def test_a_file_may_become_a_folder_and_a_folder_a_file(tmp_path):
    site = make_tree(tmp_path / "site", {"feed": "a file", "data/old.json": "{}"})
    staging = make_tree(tmp_path / "site.building", {"feed/index.xml": "<feed/>", "data": "now a file"})
    publish_site(staging, site)
    assert (site / "feed" / "index.xml").read_text() == "<feed/>"
    assert (site / "data").read_text() == "now a file"


def test_a_serve_rebuild_stages_only_changes_and_leaves_kept_files_in_place(tmp_path):
    site = make_tree(
        tmp_path / "site",
        {"index.html": "home", "kept/index.html": "k", "a/index.html": "a", "gone/deep/x.json": "{}"},
    )
    before = stamps(site)
    staging = make_tree(tmp_path / "site.building", {"index.html": "home", "a/index.html": "a, edited"})
    outcome = publish_changes(staging, site, kept={"kept/index.html"})
    after = stamps(site)
    assert sorted(after) == ["a/index.html", "index.html", "kept/index.html"]
    assert [after[path] == before[path] for path in ("index.html", "kept/index.html")] == [True, True]
    assert (site / "a" / "index.html").read_text() == "a, edited"
    assert not (site / "gone").exists() and not staging.exists()
    assert (outcome.written, outcome.unchanged, outcome.removed) == (1, 2, 1)


def test_a_serve_rebuild_may_turn_a_file_into_a_folder_and_a_folder_into_a_file(tmp_path):
    site = make_tree(tmp_path / "site", {"feed": "a file", "data/old.json": "{}", "kept.txt": "k"})
    staging = make_tree(tmp_path / "site.building", {"feed/index.xml": "<feed/>", "data": "now a file"})
    publish_changes(staging, site, kept={"kept.txt"})
    assert (site / "feed" / "index.xml").read_text() == "<feed/>"
    assert (site / "data").read_text() == "now a file"


def test_a_serve_rebuild_survives_a_file_removed_by_hand_from_the_preview(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "home", "old/index.html": "old"})
    known = frozenset({"index.html", "old/index.html"})
    (site / "old" / "index.html").unlink()
    staging = make_tree(tmp_path / "site.building", {"index.html": "home, edited"})
    outcome = publish_changes(staging, site, kept=set(), published_files=known)
    assert (site / "index.html").read_text() == "home, edited" and not (site / "old").exists()
    assert outcome.files == frozenset({"index.html"})


def test_a_publication_that_dies_before_the_switch_leaves_the_old_site_whole(tmp_path, monkeypatch):
    site = make_tree(tmp_path / "site", {"index.html": "old home", "a/index.html": "old a"})
    staging = make_tree(new_staging(site), {"index.html": "new home", "b/index.html": "new b"})

    def killed(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "_exchange", killed)
    with pytest.raises(KeyboardInterrupt):
        publish_site(staging, site)
    assert {path: (site / path).read_text() for path in ("index.html", "a/index.html")} == {
        "index.html": "old home",
        "a/index.html": "old a",
    }
    assert not (site / "b").exists()


def test_the_switch_is_one_exchange_of_folders(tmp_path):
    site = make_tree(tmp_path / "site", {"index.html": "old"})
    staging = make_tree(new_staging(site), {"index.html": "new", "b/index.html": "b"})
    site_inode = site.stat().st_ino
    publish_site(staging, site)
    assert site.stat().st_ino != site_inode  # the folder itself was replaced, not filled file by file
    assert (site / "index.html").read_text() == "new" and not staging.exists()


def test_a_second_build_waits_for_the_lock_of_the_first(tmp_path):
    site = tmp_path / "site"
    order = []
    with build_lock(site):
        waiter = threading.Thread(target=lambda: (build_lock(site).__enter__(), order.append("second")))
        waiter.start()
        waiter.join(timeout=0.5)
        order.append("first done")
    waiter.join(timeout=5)
    assert order == ["first done", "second"]


def test_two_builds_at_once_both_publish_a_whole_site(tmp_path):
    from .conftest import copy_project, founding_seeds, mkdocs

    project = copy_project(tmp_path / "project", founding_seeds())
    builds = [
        threading.Thread(target=lambda: results.append(mkdocs(project, "build", "--strict")))
        for _ in range(2)
    ]
    results: list = []
    for build in builds:
        build.start()
    for build in builds:
        build.join()
    assert [result.returncode for result in results] == [0, 0]
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file()
    assert len(list((site / "entries").iterdir())) >= 10
    assert not list(project.glob(".site.building-*"))
