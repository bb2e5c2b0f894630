"""The seed format, declared once: every front-matter key, its rule, and how its value converts.

`validate` (the command), the MkDocs build and CONTRIBUTING all go by these declarations.
Each converter takes a YAML node and returns the typed value, or reports what is wrong
(with the node's line) and returns None.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from build_scripts.countries import resolve_country, suggest_country
from build_scripts.model import Country, PartialDate, Problem
from build_scripts.read_seeds import file_line, not_text_problem

TAGS_FILE = Path(__file__).parent / "data" / "tags.yaml"

# Anything a browser could take for the start of a tag, closed or not: '<b>', '<img x=<>', '<!--', '<?'.
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^>]{0,60}>?|<!|<\?")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
_MARKDOWN_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^)\s>]*)"  # [text](target) and ![alt](target)
    r"|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)",  # [label]: target
    re.MULTILINE,
)
_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ENTRY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ENTRY_ID = 80
STATUSES = ("happened", "planned")
_LANGUAGE = re.compile(r"(?P<primary>[A-Za-z]{2,3})(?:-[A-Za-z0-9]{2,8})*")


def tag_vocabulary() -> dict[str, str]:
    """The tags an entry may carry, read again when the file changes: a contributor previewing
    with `serve` may add the tag a seed needs."""
    return _vocabulary(vocabulary_stamp())


def vocabulary_stamp() -> tuple[int, int]:
    status = TAGS_FILE.stat()
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=1)
def _vocabulary(stamp: tuple[int, int]) -> dict[str, str]:
    with TAGS_FILE.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


class Report:
    """Collects problems for one file, each located at the line of its YAML node."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def at(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, file_line(node), message))


Converter = Callable[[yaml.Node, str, Report], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    rule: str  # one line, for messages and the contributors' guide
    required: bool = False
    default: Any = None  # the value when the key is left out
    max_length: int = 300  # characters of a text value; far above what a real source needs


def _scalar_text(node: yaml.Node, key: str, report: Report) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        report.at(node, f"'{key}' must be a single line of text, not a list or a mapping")
        return None
    if found := not_text_problem(node.value):
        report.at(node, f"'{key}': {found[1]}")
        return None
    return node.value


def plain_text(node: yaml.Node, key: str, report: Report) -> str | None:
    """Text with no markup: raw HTML is refused so that no seed can inject markup."""
    text = _scalar_text(node, key, report)
    if text is None:
        return None
    text = " ".join(text.split())
    if not text:
        report.at(node, f"'{key}' is empty: give it a value")
        return None
    if match := _HTML_TAG.search(text):
        report.at(node, f"'{key}' contains raw HTML ({match.group(0)!r}): write plain text instead")
        return None
    return text


def entry_id(node: yaml.Node, key: str, report: Report) -> str | None:
    text = _scalar_text(node, key, report)
    if text is None:
        return None
    if not ENTRY_ID.fullmatch(text) or len(text) > MAX_ENTRY_ID:
        report.at(
            node,
            f"'{key}' is {text!r}: an entry id is lower-case ASCII letters and digits joined by single "
            f"hyphens, at most {MAX_ENTRY_ID} characters, e.g. 2013-01-15-first-asan-centre-opens",
        )
        return None
    return text


def status(node: yaml.Node, key: str, report: Report) -> str | None:
    text = _scalar_text(node, key, report)
    if text is None:
        return None
    if text not in STATUSES:
        report.at(
            node,
            f"'{key}' is {text!r}: write 'planned' for what the source announces for later, "
            "or leave it out for what has happened",
        )
        return None
    return text


def markdown_text(node: yaml.Node, key: str, report: Report) -> str | None:
    """Markdown without raw HTML, whose links go only to http(s) addresses."""
    text = _scalar_text(node, key, report)
    if text is None:
        return None
    text = text.strip()
    valid = True
    if match := _HTML_TAG.search(_AUTOLINK.sub("", text)):
        report.at(
            node,
            f"'{key}' contains raw HTML ({match.group(0)!r}): use Markdown "
            "(*emphasis*, [link text](https://...)) instead",
        )
        valid = False
    if "![" in text:
        report.at(node, f"'{key}' contains an image: images from other sites are not shown, remove it")
        valid = False
    for match in _MARKDOWN_LINK_TARGETS.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if not re.match(r"https?://", target):
            report.at(node, f"'{key}' links to {target!r}: links must start with http:// or https://")
            valid = False
    return text if valid else None


def partial_date(node: yaml.Node, key: str, report: Report) -> PartialDate | None:
    text = _scalar_text(node, key, report)
    if text is None:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        report.at(
            node,
            f"'{key}' is {text!r}, which is not a valid date: {error} "
            "(for example 2017, 2017-12 or 2017-12-22)",
        )
        return None


HTTP_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


def http_url(node: yaml.Node, key: str, report: Report) -> str | None:
    text = plain_text(node, key, report)
    if text is None:
        return None
    if not HTTP_URL.fullmatch(text):
        report.at(node, f"'{key}' is {text!r}: a link must start with http:// or https://")
        return None
    return text


def language_code(node: yaml.Node, key: str, report: Report) -> str | None:
    text = plain_text(node, key, report)
    if text is None:
        return None
    match = _LANGUAGE.fullmatch(text)
    primary = match["primary"].lower() if match else ""
    known = pycountry.languages.get(alpha_2=primary) if len(primary) == 2 else None
    known = known or (pycountry.languages.get(alpha_3=primary) if len(primary) == 3 else None)
    if not known:
        report.at(node, f"'{key}' is {text!r}: use a language code such as en, ru, kk or uz")
        return None
    return text


def _items(node: yaml.Node, key: str, report: Report) -> list[yaml.Node] | None:
    """A YAML list, or a single scalar taken as a list of one."""
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return [node]
    report.at(node, f"'{key}' must be a list, for example [Kazakhstan, Uzbekistan]")
    return None


def country_list(node: yaml.Node, key: str, report: Report) -> tuple[Country, ...] | None:
    items = _items(node, key, report)
    if items is None:
        return None
    countries: list[Country] = []
    valid = True
    for item in items:
        name = _scalar_text(item, key, report)
        if name is None:
            valid = False
            continue
        found = resolve_country(name)
        if found is None:
            hint = suggest_country(name)
            report.at(
                item,
                f"'{key}' names {name!r}, which is not a country: use an ISO 3166-1 "
                "alpha-2 code or an English country name" + (f" (did you mean '{hint}'?)" if hint else ""),
            )
            valid = False
        elif found not in countries:
            countries.append(found)
    return tuple(countries) if valid else None


def tag_list(node: yaml.Node, key: str, report: Report) -> tuple[str, ...] | None:
    items = _items(node, key, report)
    if items is None:
        return None
    tags: list[str] = []
    valid = True
    vocabulary = tag_vocabulary()
    for item in items:
        tag = _scalar_text(item, key, report)
        if tag is None:
            valid = False
        elif not _TAG.fullmatch(tag):
            report.at(
                item,
                f"tag {tag!r} must be lowercase words joined by hyphens, e.g. 'e-government'",
            )
            valid = False
        elif tag not in vocabulary:
            close = difflib.get_close_matches(tag, vocabulary, n=1)
            report.at(
                item,
                f"tag {tag!r} is not in the tag list (build_scripts/data/tags.yaml)"
                + (f": did you mean '{close[0]}'?" if close else "")
                + " A new tag is added to that file with a one-line description.",
            )
            valid = False
        elif tag not in tags:
            tags.append(tag)
    return tuple(tags) if valid else None


def _mapping(node: yaml.Node, key: str, report: Report) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    if not isinstance(node, yaml.MappingNode):
        report.at(node, f"'{key}' must be a mapping of 'key: value' lines")
        return None
    fields = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            fields[key_node.value] = (key_node, value_node)
        else:
            report.at(key_node, f"'{key}' has a key that is not a word: write 'key: value'")
    return fields


def transfer(node: yaml.Node, key: str, report: Report) -> dict[str, tuple[Country, ...]] | None:
    """Who learned from whom: `from` the countries whose experience was taken up, `to` the learners."""
    fields = _mapping(node, key, report)
    if fields is None:
        return None
    unknown = sorted(set(fields) - {"from", "to"})
    for name in unknown:
        report.at(fields[name][0], f"'{key}' has an unknown key '{name}': use 'from' and 'to'")
    result = {}
    for direction, meaning in (
        ("from", "the countries whose experience was taken up"),
        ("to", "the countries that learned"),
    ):
        if direction not in fields:
            report.at(node, f"'{key}' needs '{direction}': {meaning}")
            continue
        result[direction] = country_list(fields[direction][1], f"{key}.{direction}", report)
    if unknown or len(fields) < len(node.value) or None in result.values() or len(result) < 2:
        return None
    return result


SEED_FIELDS: dict[str, Field] = {
    "title": Field(plain_text, "the source document's title", default=""),
    "publisher": Field(
        plain_text, "who published it (agency, newspaper, organisation)", default="", max_length=200
    ),
    "author": Field(plain_text, "who wrote it", default="", max_length=200),
    "published": Field(partial_date, "publication date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "url": Field(
        http_url, "link to the original, starting with http:// or https://", default="", max_length=2000
    ),
    "language": Field(language_code, "language of the text, e.g. en (the default), ru, kk", default="en"),
    "events": Field(lambda node, key, report: node, "the dated events drawn from the text"),
}

EVENT_FIELDS: dict[str, Field] = {
    "id": Field(
        entry_id, "the entry's permanent id, [a-z0-9-], at most 80 characters: its permalink", max_length=80
    ),
    "date": Field(partial_date, "YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the text", True),
    "title": Field(plain_text, "a short headline for the timeline", True, max_length=200),
    "countries": Field(country_list, "ISO 3166-1 alpha-2 codes or English country names", default=()),
    "tags": Field(tag_list, "words from build_scripts/data/tags.yaml", default=()),
    "quote": Field(
        plain_text, "a passage of the text that supports the event, word for word", True, max_length=1500
    ),
    "summary": Field(markdown_text, "optional Markdown, no raw HTML", default="", max_length=3000),
    "transfer": Field(transfer, "optional: from (countries taught) and to (countries that learned)"),
    "status": Field(
        status, "optional: 'planned' for what the source announces for later", default="happened"
    ),
}
# An event that repeats an entry another seed gives (same id) gives only these keys.
REFERENCE_KEYS = ("id", "date", "countries", "quote", "status")
MAX_EVENTS = 200  # per seed
