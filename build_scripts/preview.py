"""What `mkdocs serve` keeps between rebuilds, so that a contributor's preview survives a bad seed.

MkDocs reloads the hook module at every rebuild, but this module stays imported. While a seed
is invalid the preview goes on showing the last good timeline, with the problems on every page.
(A failed MkDocs rebuild would instead leave the preview server stuck until the seed is fixed.)
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

import jinja2

from build_scripts.model import Problem
from build_scripts.site import GeneratedSite

TEMPLATE = Path(__file__).parent / "templates" / "preview_problems.html.j2"


class PreviewState:
    serving = False
    last_good_site: GeneratedSite | None = None
    last_good_digest = ""  # of the inputs the last good site was generated from
    problems: list[Problem] = []
    collector: threading.Timer | None = None  # the cycle collection due after the last build


@cache
def _template() -> jinja2.Template:
    return jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), autoescape=True)


def show_problems(page_html: str, problems: list[Problem]) -> str:
    """The page with a notice listing the seeds' problems at the top of its body."""
    notice = _template().render(problems=problems)
    return re.sub(r"(<body[^>]*>)", lambda match: match.group(1) + notice, page_html, count=1)
