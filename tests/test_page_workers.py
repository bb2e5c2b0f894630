"""Helper processes render a share of the pages under `mkdocs build`: the same site, the same
messages, and a failure that fails the build."""

import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_scripts import page_workers

from .conftest import ROOT, copy_project, mkdocs
from .test_renderers import site_files

ALL_SEEDS = sorted(path for path in (ROOT / "seeds").iterdir() if path.is_file())
REUSED = re.compile(r"(\d+) files written, (\d+) unchanged, 0 removed; (\d+) pages reused")


def test_every_page_goes_to_one_share_and_the_shares_are_even():
    pages = list(range(1001))
    shares = page_workers.share_out(pages, 3)
    assert sorted(page for share in shares for page in share) == pages
    assert [len(share) for share in shares] == [334, 334, 333]


def test_too_few_pages_are_not_shared_out():
    few = list(range(2 * page_workers.FEWEST_PAGES_TO_SHARE - 1))
    assert page_workers.share_out(few, 4) == [few]
    assert page_workers.share_out(list(range(1000)), 1) == [list(range(1000))]


@pytest.mark.parametrize("setting", ["0", "two", "-1", "", "²"])
def test_a_bad_process_count_says_what_to_set(monkeypatch, setting):
    monkeypatch.setenv("TIMELINE_BUILD_PROCESSES", setting)
    with pytest.raises(PluginError) as raised:
        page_workers.processes()
    assert str(raised.value) == (
        f"TIMELINE_BUILD_PROCESSES is {setting!r}: set it to a whole number of processes, 1 or more "
        "(1 builds in one process), or unset it to use every core."
    )


def test_the_process_count_is_every_core_unless_set(monkeypatch):
    monkeypatch.delenv("TIMELINE_BUILD_PROCESSES", raising=False)
    assert page_workers.processes() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("TIMELINE_BUILD_PROCESSES", "3")
    assert page_workers.processes() == 3


def test_a_helper_sends_its_result_and_its_log_records_are_printed_once_by_the_main_process(capfd):
    logger = logging.getLogger("mkdocs.test_page_workers")
    printer = logging.StreamHandler(sys.stderr)
    logger.addHandler(printer)
    counted = []

    class Counter(logging.Handler):
        def emit(self, record):
            counted.append(record.getMessage())

    counter = Counter(logging.WARNING)
    logger.addHandler(counter)

    def work():
        logger.warning("page %s links to %s", "a.md", "missing.md")
        return {"pid": os.getpid(), "entries": ["a", "b"]}

    try:
        helper = page_workers.start(work, logger, keep=[counter])
        result = page_workers.join(helper)
    finally:
        logger.removeHandler(printer)
        logger.removeHandler(counter)
    assert result["entries"] == ["a", "b"] and result["pid"] != os.getpid()
    # The kept counter counted it in the helper, in the helper's copy; here it counts what the main process logs.
    assert counted == ["page a.md links to missing.md"]
    assert capfd.readouterr().err.count("page a.md links to missing.md") == 1


def test_an_error_in_a_helper_is_raised_in_the_main_process():
    def work():
        raise ValueError("entries/x/: 'oops' is undefined")

    with pytest.raises(ValueError, match="'oops' is undefined"):
        page_workers.join(page_workers.start(work, logging.getLogger("mkdocs.test"), keep=[]))


def test_an_error_that_cannot_be_sent_is_raised_by_its_kind_and_message():
    class Unsendable(Exception):  # a class local to a function does not pickle
        pass

    def work():
        raise Unsendable("the theme broke")

    with pytest.raises(PluginError) as raised:
        page_workers.join(page_workers.start(work, logging.getLogger("mkdocs.test"), keep=[]))
    assert "A page failed to render in a helper process: " in str(raised.value)
    assert "Unsendable: the theme broke" in str(raised.value)


def test_a_stopped_helper_is_gone_at_once():
    helper = page_workers.start(lambda: time.sleep(60), logging.getLogger("mkdocs.test"), keep=[])
    started = time.monotonic()
    page_workers.stop(helper)
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory) -> Path:
    """Every seed of the corpus, built with two processes (enough pages to share out)."""
    project = copy_project(tmp_path_factory.mktemp("corpus"), ALL_SEEDS)
    result = mkdocs(project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"})
    assert result.returncode == 0, result.stderr
    assert re.search(r"0 pages reused from the last build, \d+ rendered by helper processes\.", result.stderr)
    return project


def test_a_build_with_a_helper_process_is_byte_identical_to_one_in_one_process(corpus_project, tmp_path):
    alone = copy_project(tmp_path, ALL_SEEDS)
    result = mkdocs(alone, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "1"})
    assert result.returncode == 0, result.stderr
    assert "rendered by helper processes" not in result.stderr
    shared, single = site_files(corpus_project / "site"), site_files(alone / "site")
    assert sorted(shared) == sorted(single)
    assert [path for path in shared if shared[path] != single[path]] == []


def test_the_pages_a_helper_rendered_are_reused_by_the_next_build(corpus_project):
    result = mkdocs(corpus_project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"})
    assert result.returncode == 0, result.stderr
    written, _, reused = map(int, REUSED.search(result.stderr).groups())
    assert written == 0
    generated_pages = sum(1 for path in (corpus_project / "site" / "entries").glob("*/index.html"))
    assert reused > generated_pages  # every entry page, and the source, year, country and tag pages


def test_under_properdocs_a_helper_process_builds_the_same_site(corpus_project, tmp_path):
    project = copy_project(tmp_path, ALL_SEEDS)
    result = mkdocs(
        project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"}, renderer="properdocs"
    )
    assert result.returncode == 0, result.stderr
    assert "rendered by helper processes" in result.stderr
    assert site_files(project / "site") == site_files(corpus_project / "site")


def test_a_page_that_fails_to_render_fails_the_build_and_leaves_the_site_alone(corpus_project):
    before = site_files(corpus_project / "site")
    main = corpus_project / "overrides" / "main.html"
    original = main.read_text(encoding="utf-8")
    broken = '{% block content %}{% if page.url.startswith("entries/") %}{{ no_such_macro() }}{% endif %}{% endblock %}'
    main.write_text(original + broken, encoding="utf-8")
    try:
        result = mkdocs(corpus_project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"})
    finally:
        main.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "'no_such_macro' is undefined" in result.stderr
    assert site_files(corpus_project / "site") == before
    assert not list(corpus_project.glob(".site.building-*"))


def test_a_helper_ends_when_the_build_that_started_it_is_killed(tmp_path):
    """A build killed by a timeout must not leave a helper writing pages and holding the build's lock."""
    script = (
        "import logging, sys, time\n"
        "from build_scripts import page_workers\n"
        "helper = page_workers.start(lambda: time.sleep(60), logging.getLogger('mkdocs.test'), keep=[])\n"
        "print(helper.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as build:
        helper = int(build.stdout.readline())
        build.kill()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _running(helper):
        time.sleep(0.1)
    assert not _running(helper)


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def corpus_variant(tmp_path: Path, edit) -> Path:
    project = copy_project(tmp_path, ALL_SEEDS)
    edit(project)
    return project


def builds_alike_with_and_without_a_helper(project: Path, tmp_path: Path) -> None:
    single = shutil.copytree(project, tmp_path / "single")
    shared = mkdocs(project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"})
    assert shared.returncode == 0 and "rendered by helper processes" in shared.stderr, shared.stderr
    alone = mkdocs(single, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "1"})
    assert alone.returncode == 0, alone.stderr
    with_helper, without = site_files(project / "site"), site_files(single / "site")
    assert sorted(with_helper) == sorted(without)
    assert [path for path in without if with_helper[path] != without[path]] == []


def test_a_nav_title_and_icon_taken_from_the_page_itself_show_alike_on_pages_a_helper_rendered(tmp_path):
    def untitled_nav_entry(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("- Contribute: contribute.md", "- contribute.md"))
        page = project / "docs" / "contribute.md"
        page.write_text(
            page.read_text().replace("title: Contribute\n", "title: Contribute\nicon: material/email\n", 1)
        )

    project = corpus_variant(tmp_path / "shared", untitled_nav_entry)
    assert "- contribute.md" in (project / "mkdocs.yml").read_text()
    builds_alike_with_and_without_a_helper(project, tmp_path)


def test_a_link_to_a_missing_anchor_is_reported_whichever_process_rendered_the_page(corpus_project, tmp_path):
    entries = sorted(path.name for path in (corpus_project / "site" / "entries").iterdir() if path.is_dir())[
        :6
    ]

    def links_to_missing_anchors(project: Path) -> None:
        links = "".join(f"\n[{name}](entries/{name}/index.md#no-such-heading)\n" for name in entries)
        links += "\n[gone](no-such-page.md)\n"  # a helper reads this page too, and must not say so again
        page = project / "docs" / "contribute.md"
        page.write_text(page.read_text() + links)

    project = corpus_variant(tmp_path, links_to_missing_anchors)
    result = mkdocs(project, "build", "--strict", environment={"TIMELINE_BUILD_PROCESSES": "2"})
    assert result.returncode == 1
    for name in entries:
        message = (
            f"Doc file 'contribute.md' contains a link 'entries/{name}/index.md#no-such-heading', but the doc "
            f"'entries/{name}/index.md' does not contain an anchor '#no-such-heading'."
        )
        assert result.stderr.count(message) == 1
    assert result.stderr.count("contains a link 'no-such-page.md', but the target is not found") == 1
    assert "excluded from the built site" not in result.stderr  # the helper's pages are published
