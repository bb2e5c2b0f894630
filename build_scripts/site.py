"""The pipeline, top to bottom: read and validate the seeds, build the timeline, render pages and data.

A pure function of the seeds folder: it returns everything to publish and writes nothing, so
a bad seed can never leave a half-written site behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.build_model import build_timeline
from build_scripts.export import export_data
from build_scripts.feeds import render_feeds
from build_scripts.model import SeedProblems, Timeline
from build_scripts.render import render_pages
from build_scripts.validate import validate_paths


@dataclass(frozen=True)
class GeneratedSite:
    timeline: Timeline
    pages: dict[str, str]  # Markdown, by path as if under docs/
    files: dict[str, bytes]  # data files and feeds, by path in the built site


def generate_site(seed_files: list[Path], base: Path, site_url: str) -> GeneratedSite:
    """Raises SeedProblems, listing every problem, when any seed is invalid.

    Problems name files relative to `base`, the project folder. `site_url`, where the site is
    published (ending in /), makes the links in the feeds and robots.txt absolute.
    """
    seeds, problems = validate_paths(seed_files, base=base)
    if problems:
        raise SeedProblems(problems)
    timeline = build_timeline(seeds)
    files = {**export_data(timeline), **render_feeds(timeline, site_url), "robots.txt": render_robots(site_url)}
    return GeneratedSite(timeline, render_pages(timeline), files)


def render_robots(site_url: str) -> bytes:
    """Crawlers welcome everywhere; the Sitemap line is how they find MkDocs' sitemap.xml."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n".encode()
