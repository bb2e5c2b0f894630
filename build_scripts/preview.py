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
from typing import AnyStr

import jinja2

from build_scripts.model import Problem
from build_scripts.site import GeneratedSite

TEMPLATE = Path(__file__).parent / "templates" / "preview_problems.html.j2"


class PreviewState:
    serving = False
    last_good_site: GeneratedSite | None = None
    last_good_digest = ""  # of the inputs the last good site was generated from
    problems: list[Problem] = []
    notice_shown = ""  # the notice the served pages carry, when the last build had problems
    collector: threading.Timer | None = None  # the cycle collection due after the last build


@cache
def _template() -> jinja2.Template:
    return jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), autoescape=True)


def problems_notice(problems: list[Problem]) -> str:
    """The notice listing the seeds' problems, as every page shows it at the top of its body."""
    return _template().render(problems=problems)


def with_notice(page_html: AnyStr, notice: AnyStr) -> AnyStr:
    """The page with `notice` at the top of its body (as text, or as the bytes of a published page)."""
    return _body(page_html).sub(lambda match: match.group(1) + notice, page_html, count=1)


def without_notice(page_html: AnyStr, notice: AnyStr) -> AnyStr | None:
    """The page as it was before `with_notice` gave it `notice`; None if it does not carry it."""
    body = _body(page_html).search(page_html)
    if body is None or not page_html.startswith(notice, body.end()):
        return None
    return page_html[: body.end()] + page_html[body.end() + len(notice) :]


def _body(page_html: AnyStr) -> re.Pattern:
    return _BODY_BYTES if isinstance(page_html, bytes) else _BODY


_BODY, _BODY_BYTES = re.compile(r"(<body[^>]*>)"), re.compile(rb"(<body[^>]*>)")
