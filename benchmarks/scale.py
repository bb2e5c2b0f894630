"""Scale benchmark: `mkdocs build` and `mkdocs serve` at thousands of synthetic entries, beside Material's blog.

    .venv/bin/python benchmarks/scale.py                      # N = 1,000 and 10,000 entries
    .venv/bin/python benchmarks/scale.py --entries 200 400    # a quick look

For each N it writes synthetic seeds in the real seed format into a copy of the project, runs
`mkdocs build` (which runs the build scripts through the hook, and on several cores forks helper
processes: see build_scripts/page_workers.py) and prints wall time, peak memory (of all the build's
processes together), the largest HTML page, the pages a reader opens first, total site size and search index size; it
times the build scripts' own stages in-process; it runs the build a second time with no change
(its time as a share of the full build, and the site files rewritten) and a third time after one
seed changed. It then starts `mkdocs serve`, saves a change to one seed and polls the served entry
page over HTTP until the change shows: the time a contributor waits; then saves the seed broken
(until the problems notice shows) and fixed again (until it is gone). For the smallest N it also
builds the same events as posts of Material's blog plugin configured at its best (with
`navigation.prune`, so the sidebar does not list every post on every page), side by side, and
prints the ratio. Nothing here asserts: it prints.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts import page_workers
from build_scripts.build_model import build_timeline
from build_scripts.export import export_data
from build_scripts.extract import extract_seeds
from build_scripts.model import Timeline
from build_scripts.read_seeds import seed_paths
from build_scripts.render import render_pages
from build_scripts.validate import validate_paths

from synthetic_seeds import write_synthetic_seeds

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "build_scripts")
FIRST_OPENED = ("index.html", "timeline/index.html")
MB = 1024 * 1024
SERVE_LIMIT = 900  # seconds: the longest the benchmark waits for `mkdocs serve` at any step
ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763596800"}


@dataclass(frozen=True)
class BuildFigures:
    seconds: float
    peak_memory_mb: float  # of the build's processes together (see TreeMemory)
    largest_process_mb: float  # the largest single process's peak resident memory
    largest_page: tuple[int, str]
    site_bytes: int
    search_index_bytes: int
    html_pages: int


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def run_build(project: Path, processes: int | None = None) -> BuildFigures:
    """`mkdocs build` in a child process (with at most `processes`, if given): its wall time and
    peak resident memory."""
    environment = {**os.environ, **ENVIRONMENT}
    if processes is not None:
        environment[page_workers.PROCESSES_VARIABLE] = str(processes)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml")]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=project, env=environment, stderr=subprocess.PIPE)
    with TreeMemory(child.pid) as memory:
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    errors = child.stderr.read().decode()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{errors}")
    site = project / "site"
    pages = [(path.stat().st_size, str(path.relative_to(site))) for path in site.rglob("*.html")]
    search_index = site / "search" / "search_index.json"
    return BuildFigures(
        seconds=seconds,
        # The sampled sum, or the largest process's own peak when larger: in a one-process build
        # a peak between two samples is then not missed. (Linux reports kilobytes.)
        peak_memory_mb=max(memory.peak_kb, usage.ru_maxrss) / 1024,
        largest_process_mb=usage.ru_maxrss / 1024,  # the child's and its own children's, the largest
        largest_page=max(pages),
        site_bytes=sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        search_index_bytes=search_index.stat().st_size if search_index.exists() else 0,
        html_pages=len(pages),
    )


class TreeMemory(threading.Thread):
    """The peak memory of a process and its children together (a build may fork helper processes),
    sampled ten times a second: the sum of their proportional set sizes (PSS), which counts the
    memory a forked helper still shares with its parent once, split between them."""

    INTERVAL = 0.1  # seconds; reading the kernel's memory maps costs the build a little CPU

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.finished = pid, 0, threading.Event()

    def __enter__(self) -> TreeMemory:
        self.start()
        return self

    def __exit__(self, *_) -> None:
        self.finished.set()
        self.join()

    def run(self) -> None:
        while not self.finished.wait(self.INTERVAL):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _process_tree(self.pid)))


def _process_tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(descendant for child in children for descendant in _process_tree(int(child)))]


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # ended meanwhile
        return 0
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def site_snapshot(site: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a file rewritten changes one or the other."""
    return {
        str(path.relative_to(site)): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in site.rglob("*")
        if path.is_file()
    }


def time_build_scripts(seeds_dir: Path) -> tuple[dict[str, float], Timeline]:
    """The build scripts' own stages, in-process, as the hook runs them."""
    stages: dict[str, float] = {}
    started = time.perf_counter()
    seeds, problems = validate_paths(seed_paths(seeds_dir), base=seeds_dir.parent)
    if problems:
        raise SystemExit(f"the synthetic seeds are invalid: {problems[0]}")
    stages["read and validate"] = time.perf_counter() - started
    started = time.perf_counter()
    seeds = extract_seeds(seeds)
    stages["extract raw seeds"] = time.perf_counter() - started
    started = time.perf_counter()
    timeline = build_timeline(seeds)
    stages["build the model"] = time.perf_counter() - started
    started = time.perf_counter()
    render_pages(timeline, "https://example.org/")
    stages["render pages"] = time.perf_counter() - started
    started = time.perf_counter()
    export_data(timeline, "https://example.org/")
    stages["export data"] = time.perf_counter() - started
    return stages, timeline


def write_blog_project(destination: Path, timeline: Timeline) -> Path:
    """The same events as posts of Material's blog plugin (archive and category pages)."""
    docs = destination / "docs"
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True)
    (docs / "index.md").write_text("# Timeline\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    config = {
        "site_name": "Blog-plugin comparison",
        # At its best: navigation.prune keeps the sidebar from listing every post on every page.
        "theme": {"name": "material", "font": False, "features": ["navigation.prune"]},
        "plugins": ["search", "blog"],
    }
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for entry in timeline.entries:
        date = entry.event.date
        front = {
            "date": datetime.date(date.year, date.month or 1, date.day or 1),
            "categories": [country.name for country in entry.event.countries],
        }
        body = f"# {entry.event.title}\n\n{entry.event.summary}\n\n> {entry.event.quote}\n\nSource: {entry.seed.title}\n"
        (posts / f"{entry.id}.md").write_text(f"---\n{yaml.safe_dump(front)}---\n\n{body}", encoding="utf-8")
    return destination


def edit_seed(seed: Path, marker: str) -> None:
    seed.write_text(marked(seed.read_text(encoding="utf-8"), marker), encoding="utf-8")


def marked(seed_text: str, marker: str) -> str:
    """The seed with `marker` at the start of its first summary (a plain YAML scalar)."""
    return seed_text.replace("summary: ", f"summary: {marker} ", 1)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(url: str, accepted: Callable[[str], bool], limit: float = SERVE_LIMIT) -> float | None:
    """Seconds until the page at `url` is `accepted`, polling; None after `limit` seconds."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        page = fetch(url)
        if page is not None and accepted(page):
            return time.perf_counter() - started
        time.sleep(0.05)
    return None


def time_serve(project: Path, seed: Path, entry_url: str) -> dict[str, float | None]:
    """Under `mkdocs serve`, from saving a seed to the served entry page showing the change; then
    from saving it broken to the page showing the problems notice, and from fixing it to the notice
    gone (None: it never showed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    command += ["-f", str(project / "mkdocs.yml")]
    server = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, **ENVIRONMENT},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/{entry_url}"
        if wait_until(url, lambda page: "<html" in page) is None:
            return dict.fromkeys(SERVE_STEPS)
        time.sleep(2)  # the watcher is started once the first build is served
        marker = f"Saved-at-{time.monotonic_ns()}"
        edited = marked(seed.read_text(encoding="utf-8"), marker)
        broken = edited.replace("published:", "published: '2025-02-30'\nbroken:", 1)  # no such day
        steps = zip(SERVE_STEPS, (edited, broken, edited), (marker, NOTICE, None), strict=True)
        return {step: _time_save(seed, text, url, shows) for step, text, shows in steps}
    finally:
        server.terminate()
        server.wait(timeout=60)


SERVE_STEPS = ("save to served page", "bad save to its notice", "its fix to the notice gone")
NOTICE = "Preview only: "  # the start of the problems notice on every served page


def _time_save(seed: Path, text: str, url: str, shows: str | None) -> float | None:
    """Seconds from writing `text` to the seed until the page shows `shows` (None: no notice)."""
    started = time.perf_counter()
    seed.write_text(text, encoding="utf-8")
    shown = wait_until(url, lambda page: shows in page if shows else NOTICE not in page and "<html" in page)
    return None if shown is None else time.perf_counter() - started


def report(entries: int, workdir: Path, with_blog: bool) -> BuildFigures:
    project = copy_project(workdir / f"project-{entries}")
    seeds = write_synthetic_seeds(project / "seeds", entries)
    figures = run_build(project)
    site = project / "site"
    before = site_snapshot(site)
    rebuilt = run_build(project)
    after = site_snapshot(site)
    rewritten = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
    stages, timeline = time_build_scripts(project / "seeds")
    scripts_seconds = sum(stages.values())
    edited_seed = timeline.seeds[len(timeline.seeds) // 2]  # its first summary is its first event's
    edited = next(entry for entry in timeline.entries if entry.event == edited_seed.events[0])
    seed = project / edited_seed.path
    edit_seed(seed, "Edited-for-the-benchmark")
    one_seed = run_build(project)
    changed = sum(1 for path, stamp in site_snapshot(site).items() if after.get(path) != stamp)
    served = time_serve(project, seed, edited.url)

    print(f"\n## {entries:,} entries ({seeds:,} seeds, {len(timeline.countries)} countries)")
    print(f"full mkdocs build        {figures.seconds:8.1f} s")
    print(
        f"no-change rebuild time   {rebuilt.seconds:8.1f} s   "
        f"({rebuilt.seconds / figures.seconds:.0%} of the full build; target: at most 25%)"
    )
    print(
        f"one-seed rebuild time    {one_seed.seconds:8.1f} s   "
        f"({one_seed.seconds / figures.seconds:.0%} of the full build; {changed:,} site files written)"
    )
    for step, seconds in served.items():
        shown = f"{seconds:8.1f} s" if seconds is not None else f"  > {SERVE_LIMIT} s (never showed)"
        print(f"{step:<25}{shown}   (mkdocs serve, polled over HTTP; target for a save: 2 s, 5 s at 10,000)")
    print(
        f"peak memory              {figures.peak_memory_mb:8.0f} MB   (all processes; the largest alone "
        f"{figures.largest_process_mb:.0f} MB; target at 10,000: at most 500 MB)"
    )
    print(f"HTML pages               {figures.html_pages:8,}")
    print(f"largest HTML page        {figures.largest_page[0] / 1024:8.0f} KB  {figures.largest_page[1]}")
    for page in FIRST_OPENED + (_largest_country_page(site),):
        print(f"  first opened           {(site / page).stat().st_size / 1024:8.0f} KB  {page}")
    print(f"site size                {figures.site_bytes / MB:8.1f} MB")
    print(
        f"search index             {figures.search_index_bytes / MB:8.1f} MB"
        f"   ({figures.search_index_bytes / entries / 1024:.2f} KB per entry)"
    )
    print(
        f"build scripts' share     {scripts_seconds:8.2f} s   "
        f"({scripts_seconds / figures.seconds:.0%} of the build)"
    )
    for stage, seconds in stages.items():
        print(f"  {stage:<22} {seconds:8.2f} s")
    print(f"no-change rebuild        {rewritten:8,} of {len(after):,} site files rewritten")
    if with_blog:
        one_process = copy_project(workdir / f"project-{entries}-one-process")
        shutil.copytree(project / "seeds", one_process / "seeds")
        alone = run_build(one_process, processes=1)
        blog = run_build(write_blog_project(workdir / f"blog-{entries}", timeline))
        print(
            f"blog plugin, same events {blog.seconds:8.1f} s   peak {blog.peak_memory_mb:.0f} MB, "
            f"{blog.site_bytes / MB:.1f} MB site"
        )
        print(f"ours / blog plugin       {figures.seconds / blog.seconds:8.2f}    (target: at most 0.50)")
        print(
            f"  in one process         {alone.seconds / blog.seconds:8.2f}    "
            f"({alone.seconds:.1f} s with {page_workers.PROCESSES_VARIABLE}=1; the blog plugin has one)"
        )
    return figures


def _largest_country_page(site: Path) -> str:
    pages = [(path.stat().st_size, path) for path in (site / "countries").glob("*/index.html")]
    return str(max(pages)[1].relative_to(site))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (default: a temporary one)"
    )
    arguments = parser.parse_args(argv)
    counts = sorted(arguments.entries)
    with tempfile.TemporaryDirectory(prefix="oss-scale-") as temporary:
        workdir = arguments.keep or Path(temporary)
        print(
            f"Scale benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
            f"`mkdocs build` uses {page_workers.processes()} processes ({page_workers.PROCESSES_VARIABLE})"
        )
        results = {count: report(count, workdir, with_blog=count == counts[0]) for count in counts}
    print("\n## Growth")
    for smaller, larger in itertools.pairwise(counts):
        ratio = results[larger].seconds / results[smaller].seconds
        index_ratio = results[larger].search_index_bytes / results[smaller].search_index_bytes
        print(
            f"{smaller:,} -> {larger:,} entries ({larger / smaller:.1f}x): build {ratio:.2f}x, "
            f"search index {index_ratio:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
