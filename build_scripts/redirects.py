"""Entries whose id changed keep answering: `redirects.yaml` maps each old id to the new one,
and the build writes a small page at every old address that sends the reader on.

A redirect page is plain HTML outside the theme, like mkdocs-redirects writes: a canonical link
and a meta refresh (no script, so the Content-Security-Policy needs no exception).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import yaml

from build_scripts import urls
from build_scripts.model import Problem, Timeline
from build_scripts.schema import ENTRY_ID

REDIRECTS_FILE = "redirects.yaml"
TEMPLATE = Path(__file__).parent / "templates" / "redirect.html.j2"


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str
    line: int


_FORMAT = "write one 'old-id: new-id' line per moved entry, both ids of [a-z0-9-]"


def read_redirects(path: Path, display: str = REDIRECTS_FILE) -> tuple[list[Redirect], list[Problem]]:
    """The redirects of the file, and its problems, each at its line."""
    if not path.is_file():
        return [], []
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return [], [Problem(display, 1, f"the file is not valid YAML: {_FORMAT}")]
    if node is None:
        return [], []
    if not isinstance(node, yaml.MappingNode):
        return [], [Problem(display, node.start_mark.line + 1, _FORMAT)]
    redirects, problems = [], []
    for key, value in node.value:
        line = key.start_mark.line + 1
        pair = [item.value if isinstance(item, yaml.ScalarNode) else "" for item in (key, value)]
        if all(ENTRY_ID.fullmatch(text) for text in pair):
            redirects.append(Redirect(pair[0], pair[1], line))
        else:
            problems.append(Problem(display, line, _FORMAT))
    return redirects, problems


def check_redirects(
    redirects: list[Redirect], timeline: Timeline, display: str = REDIRECTS_FILE
) -> list[Problem]:
    """A redirect leads to an entry that exists, and never from one that still does."""
    entries = {entry.id for entry in timeline.entries}
    problems = []
    for redirect in redirects:
        if redirect.old in entries:
            problems.append(
                Problem(display, redirect.line, f"'{redirect.old}' is still an entry: remove its redirect")
            )
        if redirect.new not in entries:
            problems.append(
                Problem(
                    display,
                    redirect.line,
                    f"'{redirect.old}' redirects to '{redirect.new}', which is no entry: "
                    "give the entry's current id",
                )
            )
    return problems


@cache
def _template() -> jinja2.Template:
    return jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), autoescape=True)


def redirect_pages(redirects: list[Redirect], site_url: str) -> dict[str, bytes]:
    """A page at each old entry address, by its path in the built site."""
    pages = {}
    for redirect in redirects:
        old_url, new_url = urls.entry(redirect.old), urls.entry(redirect.new)
        relative = "../" * urls.depth(old_url) + new_url
        text = _template().render(target=relative, canonical=site_url + new_url)
        pages[old_url + "index.html"] = text.encode("utf-8")
    return pages


def dropped_urls(old_sitemap: str, new_site: Path) -> list[str]:
    """The addresses of the old build's sitemap that the new build no longer answers, neither
    with a page nor with a redirect. The home page's address is the site's."""
    locations = [html.unescape(location) for location in re.findall(r"<loc>([^<]+)</loc>", old_sitemap)]
    site_url = min(locations, key=len, default="")
    paths = [location.removeprefix(site_url) for location in locations]
    return sorted(path for path in paths if not (new_site / path / "index.html").is_file())
