"""The thin MkDocs side: run the pipeline, hand its pages to MkDocs, publish only whole builds.

MkDocs writes pages one by one into site_dir. This hook points site_dir at a staging folder
and publishes it only when the build succeeded (strict warnings included), so a failed build
leaves the last good site exactly as it was.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
from contextlib import ExitStack
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from build_scripts.model import SeedProblems
from build_scripts.preview import PreviewState, show_problems
from build_scripts.publish import build_lock, new_staging, publish_site
from build_scripts.read_seeds import seed_paths
from build_scripts.security import with_policy
from build_scripts.site import GeneratedSite, generate_site

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
log = logging.getLogger("mkdocs.hooks.timeline")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Build:
    site: GeneratedSite | None = None
    published_dir: Path | None = None
    staging_dir: Path | None = None
    lock = ExitStack()
    warnings = _WarningCounter()


def on_startup(command, dirty):
    PreviewState.serving = command == "serve"


def on_config(config):
    _Build.published_dir = Path(config.site_dir)
    _Build.lock.enter_context(build_lock(_Build.published_dir))
    for leftover in _Build.published_dir.parent.glob(f".{_Build.published_dir.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # of builds that were killed: the lock is ours
    _Build.staging_dir = new_staging(_Build.published_dir)
    config.site_dir = str(_Build.staging_dir)
    _Build.warnings.count = 0
    logging.getLogger("mkdocs").addHandler(_Build.warnings)
    return config


def on_pre_build(config):
    if not config.site_url:
        raise PluginError("mkdocs.yml needs site_url: the feeds and canonical links are absolute addresses.")
    try:
        _Build.site = PreviewState.last_good_site = generate_site(
            seed_paths(SEEDS_DIR), base=ROOT, site_url=config.site_url, build_date=build_date()
        )
        PreviewState.problems = []
    except SeedProblems as problems:
        if not (PreviewState.serving and PreviewState.last_good_site):
            raise PluginError(f"The seeds have problems; the site was not changed.\n{problems}") from None
        for line in str(problems).splitlines():
            log.error(line)
        log.error("The preview shows the last good version of the timeline until they are fixed.")
        _Build.site, PreviewState.problems = PreviewState.last_good_site, problems.problems


def build_date() -> datetime.date:
    """The day of the build, or of SOURCE_DATE_EPOCH for a reproducible one."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date()


def on_files(files: Files, config) -> Files:
    # Generated pages stay out of the sidebar: a sidebar listing every entry makes builds grow
    # with the square of the entries. The nav in mkdocs.yml names the pages that belong there.
    for path, markdown in _Build.site.pages.items():
        files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    for path, content in _Build.site.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    # Themes print the title unescaped (Material's header does); as Markup it is escaped text
    # wherever it goes, and `| e` in our own templates leaves it as it is.
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = escape(page.meta["title"])
    return markdown


def on_post_page(output, page, config):
    output = with_policy(output, page.content or "")
    return show_problems(output, PreviewState.problems) if PreviewState.problems else output


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    logging.getLogger("mkdocs").removeHandler(_Build.warnings)
    if config.strict and _Build.warnings.count:
        _discard_staging()  # MkDocs aborts right after this event
        return
    with _Build.lock:
        outcome = publish_site(_Build.staging_dir, _Build.published_dir)
    log.info(
        f"Published: {outcome.written} files written, {outcome.unchanged} unchanged, "
        f"{outcome.removed} removed."
    )
    config.site_dir = str(_Build.published_dir)


def on_build_error(error):
    logging.getLogger("mkdocs").removeHandler(_Build.warnings)
    _discard_staging()


def _discard_staging():
    with _Build.lock:
        if _Build.staging_dir is not None:
            shutil.rmtree(_Build.staging_dir, ignore_errors=True)
