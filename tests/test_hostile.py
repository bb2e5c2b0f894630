"""Hostile seeds: each class of attack is refused with a located message or made harmless.

Every rule here holds for a class of input, not one string: the property-based test at the end
throws arbitrary text into every field and checks the same promises.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE

from build_scripts.export import spreadsheet_safe, timeline_csv
from build_scripts.model import Problem, SeedProblems
from build_scripts.read_seeds import MAX_NESTING, MAX_SEED_BYTES, seed_paths
from build_scripts.render import summary_html
from build_scripts.security import inline_script_hashes, with_policy
from build_scripts.site import generate_site
from build_scripts.validate import validate_paths

from .conftest import ROOT, convert_as_mkdocs, copy_project, mkdocs

BODY = "On 12 March 2015 the Barda centre opened.\n"
SITE_URL = "https://example.org/"
BUILD_DATE = datetime.date(2025, 11, 20)
_RUNNABLE_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "base", "form", "meta", "link", "style"}


class _ActiveContent(HTMLParser):
    """What a browser would run or load from markup: elements that run or embed, event handler
    attributes, and links or sources whose scheme runs code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _RUNNABLE_ELEMENTS and not (tag == "script" and "json" in (attributes.get("type") or "")):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            if name in ("href", "src", "action", "formaction", "xlink:href") and re.match(
                r"\s*(javascript|vbscript|data):", value or "", re.I
            ):
                self.found.append(f"{name}={value}")


def active_content(markup: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(markup)
    parser.close()
    return parser.found


def seed_text(title: str = "Barda", event_title: str = "Barda centre opens", summary: str = "") -> str:
    front = {
        "title": title,
        "events": [
            {
                "date": "2015-03-12",
                "title": event_title,
                "countries": ["AZ"],
                "quote": "the Barda centre opened",
            }
        ],
    }
    if summary:
        front["events"][0]["summary"] = summary
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + BODY


def problems_of(folder: Path, name: str, content: str | bytes) -> list[tuple[int, str]]:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _, problems = validate_paths([path], base=folder)
    return [(problem.line, problem.message) for problem in problems]


# Files and names


@pytest.mark.parametrize(
    "name",
    [
        "index.md",
        ".hidden.md",
        "...md",
        "X.MD",
        "x.markdown",
        "Uppercase.md",
        'x"><svg onload=alert(5)>.md',
        "a" * 101 + ".md",
    ],
)
def test_a_file_that_cannot_name_a_seed_is_reported_not_skipped(tmp_path, name):
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / name
    path.write_text(seed_text())
    _, problems = validate_paths(seed_paths(tmp_path / "seeds"), base=tmp_path)
    assert [problem.line for problem in problems] == [1]
    assert problems[0].path == f"seeds/{name}"


def test_a_symbolic_link_is_refused_and_its_target_never_read(tmp_path):
    (tmp_path / "seeds").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n")
    (tmp_path / "seeds" / "passwd.md").symlink_to(secret)
    seeds, problems = validate_paths(seed_paths(tmp_path / "seeds"), base=tmp_path)
    assert seeds == []
    assert [str(problem) for problem in problems] == [
        "seeds/passwd.md:1: error: this is a symbolic link: a seed must be a regular file holding the text itself"
    ]


def test_folders_and_other_kinds_of_file_in_seeds_are_reported(tmp_path):
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    (tmp_path / "seeds" / "sub" / "x.md").write_text(seed_text())
    os.mkfifo(tmp_path / "seeds" / "pipe.md")
    _, problems = validate_paths(seed_paths(tmp_path / "seeds"), base=tmp_path)
    assert [(problem.path, problem.message.split(":")[0]) for problem in problems] == [
        ("seeds/pipe.md", "this is not a regular file"),
        ("seeds/sub", "this is a folder"),
    ]


# Crashes and bounds


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 2_000, 25_000])
def test_deep_nesting_is_refused_without_a_crash(tmp_path, depth):
    content = "---\ntitle: " + "[" * depth + "\n---\n" + BODY
    assert problems_of(tmp_path, "deep.md", content) == [
        (
            2,
            f"the front matter nests lists and mappings more than {MAX_NESTING} levels deep: "
            "the seed format needs at most 5 (see CONTRIBUTING.md)",
        )
    ]


def test_deep_nesting_is_refused_by_the_command_too(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text("---\nevents: " + "[" * 25_000 + "\n---\n" + BODY)
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "levels deep" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("written", "code", "kind"),
    [
        ('"a \\udc80 b"', "DC80", "half of a UTF-16 surrogate pair"),
        ('"rocket \\ud83d\\ude80"', "D83D", "half of a UTF-16 surrogate pair"),
        ('"bell \\x07"', "0007", "a control character"),
        ('"nul \\0"', "0000", "a control character"),
        ('"\\uffff"', "FFFF", "a noncharacter"),
    ],
)
def test_characters_that_are_not_text_are_refused_in_every_field(tmp_path, written, code, kind):
    content = f"---\npublisher: {written}\n---\n{BODY}"
    [(line, message)] = problems_of(tmp_path, "chars.md", content)
    assert line == 2 and message.startswith(f"'publisher': the text contains U+{code}, {kind}")


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\ufffe"])
def test_characters_that_are_not_text_are_refused_in_the_body(tmp_path, character):
    [(line, message)] = problems_of(tmp_path, "body.md", "Title\nsecond line " + character + "\n")
    assert line == 2 and message.startswith("the text contains U+")


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    [(_, message)] = problems_of(tmp_path, "utf16.md", "A seed in UTF-16".encode("utf-16-le"))
    assert "(is the file UTF-16? save it as UTF-8)" in message


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path):
    content = "x" * (MAX_SEED_BYTES + 1)
    assert problems_of(tmp_path, "big.md", content) == [
        (
            1,
            "the file is larger than 512 KiB: a seed holds one source document; keep the article's "
            "text and leave out the rest of the page",
        )
    ]


def test_a_field_over_its_limit_is_refused(tmp_path):
    [(line, message)] = problems_of(tmp_path, "long.md", seed_text(event_title="x" * 5_000))
    assert line == 7 and message == "'title' is 5,000 characters long: keep it to at most 200"


def test_a_list_as_a_mapping_key_is_a_located_problem(tmp_path):
    content = (
        "---\nevents:\n  - date: 2015\n    title: t\n    quote: the Barda centre opened\n    transfer:\n      [a]: x\n      from: [AZ]\n      to: [UZ]\n---\n"
        + BODY
    )
    assert problems_of(tmp_path, "key.md", content) == [
        (7, "'transfer' has a key that is not a word: write 'key: value'")
    ]


def test_new_refuses_a_long_id_without_a_traceback(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(BODY)
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "new", str(article), "--id", "a" * 300],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "cannot name a seed file" in result.stderr and "Traceback" not in result.stderr


# Output files


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_a_spreadsheet_would_run_start_with_a_quote(start):
    assert (
        spreadsheet_safe(start + 'HYPERLINK("https://evil.example")')
        == "'" + start + 'HYPERLINK("https://evil.example")'
    )
    assert spreadsheet_safe("Barda") == "Barda"


def test_a_formula_in_a_seed_is_text_in_the_csv(tmp_path):
    (tmp_path / "f.md").write_text(seed_text(event_title='=HYPERLINK("https://evil.example","x")'))
    site = generate_site([tmp_path / "f.md"], base=tmp_path, site_url=SITE_URL, build_date=BUILD_DATE)
    assert ",'=HYPERLINK(" in timeline_csv(site.timeline).decode().replace('"', "")


def test_a_message_cannot_forge_lines_in_a_build_log():
    problem = Problem("seeds/x.md", 3, "unknown key 'a\nseeds/y.md:1: error: forged\n::error ::x'")
    assert "\n" not in str(problem)
    assert str(problem) == "seeds/x.md:3: error: unknown key 'a\\nseeds/y.md:1: error: forged\\n::error ::x'"


# Summaries: a small Markdown subset, sanitised


@pytest.mark.parametrize(
    "summary",
    [
        '{: onclick="alert(1)" }',
        "> [x][a]\n>\n> [a]: javascript:alert(1)",
        "- [x][a]\n\n  [a]: javascript:alert(1)",
        "<details open ontoggle=alert(1) x=<>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1) x=<>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_a_summary_never_becomes_active_content(summary):
    assert active_content(summary_html(summary)) == []


def test_a_summary_keeps_its_emphasis_links_and_lists():
    rendered = summary_html("*Real* **emphasis** and a [link](https://example.org/r).\n\n- one\n- two")
    assert "<em>Real</em> <strong>emphasis</strong>" in rendered
    assert '<a href="https://example.org/r" rel="noopener noreferrer nofollow">link</a>' in rendered
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in rendered


# The second wall: a Content-Security-Policy that never trusts the content


def test_inline_scripts_of_the_content_are_never_allowed_by_the_policy():
    theme_script = "<script>var theme=1</script>"
    content = "<article><script>alert(1)</script></article>"
    page = f"<html><head>{theme_script}</head><body>{content}</body></html>"
    hashes = inline_script_hashes(page, content)
    assert len(hashes) == 1 and hashes == inline_script_hashes(f"<head>{theme_script}</head>")
    policy_page = with_policy(page, content)
    assert policy_page.index('http-equiv="Content-Security-Policy"') < policy_page.index("<script>")
    assert "object-src 'none'" in policy_page and "'unsafe-inline'" not in policy_page.split("style-src")[0]


# Property: arbitrary text in every field never gives a traceback or active content

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]) | st.sampled_from(list("<>\"'&{}[]()!#*_`=:;\\\n\t")),
    max_size=60,
)
KEYS = ("title", "publisher", "author", "url", "language", "published")
EVENT_KEYS = ("date", "title", "quote", "summary", "countries", "tags", "id", "status")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed_fields=st.dictionaries(st.sampled_from(KEYS), TEXT, max_size=4),
    event_fields=st.dictionaries(st.sampled_from(EVENT_KEYS), TEXT, max_size=6),
    body=TEXT,
)
def test_arbitrary_text_in_every_field_is_refused_with_a_location_or_published_inert(
    tmp_path, seed_fields, event_fields, body
):
    event = {"date": "2015", "title": "Barda", "quote": "Barda", **event_fields}
    front = {**seed_fields, "events": [event]}
    path = tmp_path / "arbitrary.md"
    path.write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\nBarda " + body + "\n", encoding="utf-8"
    )
    try:
        site = generate_site([path], base=tmp_path, site_url=SITE_URL, build_date=BUILD_DATE)
    except SeedProblems as problems:
        assert problems.problems
        for problem in problems.problems:
            assert re.fullmatch(r"arbitrary\.md:\d+: error: .+", str(problem))
        return
    for page, text in site.pages.items():
        # The front matter is data a theme escapes; it must read back as the hook reads it.
        assert isinstance(yaml.load(YAML_RE.match(text).group(1), Loader=yaml.CSafeLoader), dict), page
        _, _, content = text.partition("\n---\n")
        rendered = convert_as_mkdocs(content)
        assert active_content(rendered) == [], page
    for name, data in site.files.items():
        if name.endswith(".xml"):
            assert not re.search(r"<script|javascript:", data.decode()), name


def test_characters_beyond_the_basic_plane_reach_the_front_matter_as_themselves(tmp_path):
    # JSON writes an emoji or a rare CJK character as a surrogate pair, an escape YAML refuses.
    title = "Centre \U0001f341 opens in \U00020000-town"
    path = tmp_path / "astral.md"
    event = {"date": "2015", "title": title, "quote": "Barda"}
    path.write_text(
        "---\n" + yaml.safe_dump({"title": title, "events": [event]}, allow_unicode=True) + "---\nBarda\n"
    )
    site = generate_site([path], base=tmp_path, site_url=SITE_URL, build_date=BUILD_DATE)
    metas = [yaml.load(YAML_RE.match(text).group(1), Loader=yaml.CSafeLoader) for text in site.pages.values()]
    assert title in [meta.get("title") for meta in metas]
    assert "Source document: " + title in [meta.get("description") for meta in metas]


class _Runs(HTMLParser):
    """The code a page would run: inline script text and event handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.code: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script" and "json" not in (
            dict(attrs).get("type") or ""
        )  # data blocks never run
        self.code += [
            value or ""
            for name, value in attrs
            if name.startswith("on") or (value or "").startswith("javascript:")
        ]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.code.append(data)


def test_a_hostile_raw_seed_and_a_hostile_file_name_build_into_inert_pages(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(
        "<script>alert(1)</script> <img src=x onerror=alert(2) x=<>\n\nOn 12 March 2015 the Barda centre opened.\n"
    )
    project = copy_project(tmp_path / "project", [raw])
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    pages = list((project / "site").rglob("*.html"))
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in page.read_text() for page in pages)
    for page in pages:
        parser = _Runs()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not [code for code in parser.code if "alert(" in code], page


def test_a_seed_in_a_sub_folder_named_on_its_own_is_reported_as_the_build_reports_its_folder(tmp_path):
    nested = tmp_path / "seeds" / "sub" / "x.md"
    nested.parent.mkdir(parents=True)
    nested.write_text(seed_text())
    _, problems = validate_paths([nested], base=tmp_path)
    assert [str(problem) for problem in problems] == [
        "seeds/sub/x.md:1: error: this file is in a sub-folder of seeds/: seed files live directly in seeds/"
    ]
