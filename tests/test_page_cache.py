"""What a build keeps for the next one: reuse records, and the hashes of the files it published."""

import hashlib
import os

from build_scripts import page_cache


def stamp(path) -> page_cache.Stamp:
    status = os.stat(path)
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def test_a_published_file_is_trusted_by_its_stamp_and_read_again_once_it_changed(tmp_path):
    site = tmp_path / "site"
    (site / "entries").mkdir(parents=True)
    page = site / "entries" / "index.html"
    page.write_text("first")
    recorded = "0" * 64  # not the file's hash: proof that the file was not read
    page_cache.learn_hashes(site, {"entries/index.html": (stamp(page), recorded)})
    assert page_cache.published_sha256(page) == recorded
    page.write_text("second, longer")
    assert page_cache.published_sha256(page) == hashlib.sha256(b"second, longer").hexdigest()


def test_the_hashes_of_published_files_reach_the_next_build_through_the_record(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.json").write_text("{}")
    page_cache.remember_sha256(site / "a.json", hashlib.sha256(b"{}").hexdigest())
    kept = page_cache.PageCache(
        hashes=page_cache.published_hashes(site, frozenset({"a.json", "never-hashed.txt"}))
    )
    kept.save(tmp_path / ".site.cache")
    loaded = page_cache.PageCache.load(tmp_path / ".site.cache")
    assert loaded.hashes == {"a.json": (stamp(site / "a.json"), hashlib.sha256(b"{}").hexdigest())}


def test_a_hand_edit_that_keeps_size_and_modification_time_is_read_again(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<h1>Home</h1>")
    page_cache.remember_sha256(page, hashlib.sha256(b"<h1>Home</h1>").hexdigest())
    before = os.stat(page)
    page.write_text("<H1>Home</H1>")  # same size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would set it back
    assert page_cache.published_sha256(page) == hashlib.sha256(b"<H1>Home</H1>").hexdigest()


def test_a_damaged_record_is_no_record(tmp_path):
    record = tmp_path / ".site.cache"
    record.write_bytes(b"cno_such_module\nThing\n.")  # a pickle naming a module that is not there
    assert page_cache.PageCache.load(record) == page_cache.PageCache()
