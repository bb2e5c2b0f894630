"""The pipeline, top to bottom: every stage, once, in order.

A pure function of the seeds folder: it returns everything to publish and writes nothing, so
a bad seed can never leave a half-written site behind.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from build_scripts.build_model import build_timeline
from build_scripts.citations import citation_files
from build_scripts.export import export_data
from build_scripts.feeds import render_feeds
from build_scripts.model import SeedProblems, Timeline
from build_scripts.redirects import REDIRECTS_FILE, check_redirects, read_redirects, redirect_pages
from build_scripts.render import render_pages
from build_scripts.validate import validate_paths


@dataclass(frozen=True)
class GeneratedSite:
    timeline: Timeline
    pages: dict[str, str]  # Markdown, by path as if under docs/
    files: dict[str, bytes]  # data files, feeds, citations and redirects, by path in the built site


def generate_site(
    seed_files: list[Path], base: Path, site_url: str, build_date: datetime.date
) -> GeneratedSite:
    """Raises SeedProblems, listing every problem, when any seed (or the redirects file) is invalid.

    Problems name files relative to `base`, the project folder. `site_url`, where the site is
    published (ending in /), makes the links in the feeds, citations and robots.txt absolute;
    `build_date` is the version date the citations give.
    """
    seeds, problems = validate_paths(seed_files, base=base)
    redirects, redirect_problems = read_redirects(base / REDIRECTS_FILE)
    if problems or redirect_problems:
        raise SeedProblems(problems + redirect_problems)
    # Imported here, when the pipeline runs: compiling extraction's patterns was a tenth of a
    # rebuild that takes the generated site from the last build.
    from build_scripts.extract import extract_seeds

    seeds = extract_seeds(seeds)
    timeline = build_timeline(seeds)
    if problems := check_redirects(redirects, timeline):
        raise SeedProblems(problems)
    pages = render_pages(timeline, site_url)
    files = {
        **export_data(timeline, site_url),
        **render_feeds(timeline, site_url),
        **citation_files(timeline, site_url, build_date),
        **redirect_pages(redirects, site_url),
        "robots.txt": render_robots(site_url),
    }
    return GeneratedSite(timeline, pages, files)


def render_robots(site_url: str) -> bytes:
    """Crawlers welcome everywhere; the Sitemap line is how they find MkDocs' sitemap.xml."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n".encode()
