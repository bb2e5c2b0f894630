"""Text from seeds can never inject markup or script into the site."""

import re

from .conftest import copy_project, mkdocs

HOSTILE = """---
title: "Hall [click](javascript:alert(1)) *bold* `code` & <3"
publisher: "Ministry --- of \\"Justice\\""
events:
  - date: 2012
    title: "Halls open [x](javascript:alert(2)) ![i](https://tracker.example/p.png) {: onclick=alert(3) }"
    countries: [GE]
    tags: [award]
    quote: "halls [open](javascript:alert(4)) for 5 < 6 & \\"all\\""
    summary: "Real *emphasis* and a [safe link](https://example.org/report)."
---
In 2012 halls [open](javascript:alert(4)) for 5 < 6 & "all" citizens.
"""


def test_hostile_titles_and_quotes_are_shown_as_text_not_markup(tmp_path):
    seed = tmp_path / "hostile.md"
    seed.write_text(HOSTILE)
    project = copy_project(tmp_path / "project", [seed])
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    pages = {path: path.read_text(encoding="utf-8") for path in (project / "site").rglob("*.html")}
    for path, html in pages.items():
        assert not re.search(r"""href=["']?\s*javascript:""", html, re.I), path
        assert "onclick=alert" not in html.replace("{: onclick=alert(3) }", ""), path
        assert 'src="https://tracker.example' not in html, path
    assert "Halls open [x](javascript:alert(2))" in pages[project / "site" / "tags" / "award" / "index.html"]
    entry = next(html for path, html in pages.items() if "/entries/" in str(path))
    assert "[x](javascript:alert(2))" in entry  # shown literally
    assert "5 &lt; 6 &amp;" in entry
    assert '<a href="https://example.org/report" rel="noopener noreferrer nofollow">safe link</a>' in entry
    assert "<em>emphasis</em>" in entry and "<em>bold</em>" not in entry
