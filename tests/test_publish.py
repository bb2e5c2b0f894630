"""Publishing a finished build writes only the files whose bytes changed."""

from pathlib import Path

from build_scripts.publish import publish_site


def make_tree(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


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


def test_a_file_may_become_a_folder_and_a_folder_a_file(tmp_path):
    site = make_tree(tmp_path / "site", {"feed": "a file", "data/old.json": "{}"})
    staging = make_tree(tmp_path / "site.building", {"feed/index.xml": "<feed/>", "data": "now a file"})
    publish_site(staging, site)
    assert (site / "feed" / "index.xml").read_text() == "<feed/>"
    assert (site / "data").read_text() == "now a file"
