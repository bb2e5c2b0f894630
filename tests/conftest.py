"""Shared fixtures: real MkDocs builds of a copy of the project, with the seeds a test chooses,
and that build served on 127.0.0.1 to a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "build_scripts")
SOURCE_DATE_EPOCH = "1763596800"  # 2025-11-20: builds must not depend on the clock


def copy_project(destination: Path, seeds: list[Path]) -> Path:
    """The project as a contributor has it, with only the given seeds."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    (destination / "seeds").mkdir()
    for seed in seeds:
        shutil.copy2(seed, destination / "seeds" / seed.name)
    return destination


def mkdocs(
    project: Path, *arguments: str, environment: dict[str, str] | None = None, renderer: str = "mkdocs"
) -> subprocess.CompletedProcess:
    """The renderer's command line (MkDocs, or its fork ProperDocs) on the project, as a contributor runs it."""
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        **(environment or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", renderer, *arguments, "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )


def run_command(*arguments: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python3 -m build_scripts ...` with this environment's python (the system's would set up .venv)."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=stdin,
    )


@cache
def _markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions mkdocs.yml names, with their settings."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, settings = [], {}
    for extension in config["markdown_extensions"]:
        name = extension if isinstance(extension, str) else next(iter(extension))
        names.append(name)
        if not isinstance(extension, str):
            settings[name] = {key: value == "true" or value for key, value in extension[name].items()}
    return names, settings


def convert_as_mkdocs(text: str) -> str:
    """Markdown to HTML as MkDocs converts a page, with the extensions mkdocs.yml names."""
    names, settings = _markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)


def founding_seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("00[04]_*"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The founding seeds built with `mkdocs build --strict`, as the README's build command does."""
    project = copy_project(tmp_path_factory.mktemp("project"), founding_seeds())
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


# Browser fixtures: the built site served on 127.0.0.1 and driven in Debian's chromium.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """The base URL (ending in /) of `folder` served on 127.0.0.1 by the standard library."""

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[str]:
    """`built_site` served to the browser tests."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # a test extra: only browser tests need it

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"the browser tests need Debian's chromium at {CHROMIUM}: run `python3 -m build_scripts test`"
        )
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What a page did while a test drove it."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def page(browser, page_log):
    """A fresh desktop-sized page; every request and console error lands in `page_log`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()

    def on_console(message):
        if message.type == "error":
            page_log.console_errors.append(message.text)

    new_page.on("request", lambda request: page_log.requests.append(request.url))
    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: page_log.console_errors.append(str(error)))
    yield new_page
    context.close()
