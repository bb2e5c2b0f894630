"""Stage 2: check seed files against the schema and convert them into `Seed` objects.

Every problem in every file is collected, never just the first, each as `path:line: message`.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml

from build_scripts.model import Event, PartialDate, Problem, Seed, Transfer
from build_scripts.read_seeds import SeedFile, file_line, read_seed_file
from build_scripts.schema import EVENT_FIELDS, SEED_FIELDS, Field, Report

_CURLY_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


def normalize_for_matching(text: str) -> str:
    """Fold what a quote may differ in from its source: white space, line breaks, curly quotes."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_CURLY_QUOTES).split())


def quote_mismatch(quote: str, normalized_body: str) -> str | None:
    """None when the quote occurs in the body; otherwise where it stops matching."""
    wanted = normalize_for_matching(quote)
    if wanted in normalized_body:
        return None
    words = wanted.split(" ")
    low, high = 0, len(words)  # the longest run of leading words found in the body
    while low < high:
        middle = (low + high + 1) // 2
        if " ".join(words[:middle]) in normalized_body:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return "none of it is in the text"
    found = " ".join(words[max(0, low - 4) : low])
    differing = " ".join(words[low : low + 4])
    return f"the text matches up to '...{found}' but not the words that follow, '{differing}...'"


def first_line(body: str, limit: int = 150) -> str:
    """A raw seed's title: its first line of text, as a reader would name the document."""
    for line in body.splitlines():
        if line.strip():
            text = " ".join(line.split())
            return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return ""


def _known_fields(
    node: yaml.MappingNode, schema: dict[str, Field], where: str, report: Report
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """The mapping's keys that the schema knows; unknown, repeated and missing keys are reported."""
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is None:
            report.at(key_node, f"{where} has a key that is not a word: write 'key: value'")
        elif key in fields:
            report.at(
                key_node,
                f"'{key}' is given twice in {where} (first on line {file_line(fields[key][0])}): keep one",
            )
        elif key not in schema:
            close = difflib.get_close_matches(key, schema, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys are {', '.join(schema)}"
            report.at(key_node, f"unknown key '{key}' in {where}: {hint}")
        else:
            fields[key] = (key_node, value_node)
    for key, field in schema.items():
        if field.required and key not in fields:
            report.at(node, f"{where} has no '{key}': add '{key}:' ({field.rule})")
    return fields


def _convert(fields: dict[str, tuple[yaml.Node, yaml.Node]], schema: dict[str, Field], report: Report) -> dict:
    """Each field's typed value; a field whose value is wrong maps to None (and is reported)."""
    return {key: schema[key].convert(value_node, key, report) for key, (_, value_node) in fields.items()}


def _events(node: yaml.Node, body: str, report: Report) -> tuple[Event, ...]:
    if not isinstance(node, yaml.SequenceNode):
        report.at(node, "'events' must be a list: start each event with '- date: ...'")
        return ()
    normalized_body = normalize_for_matching(body)
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    for number, item in enumerate(node.value, start=1):
        where = f"event {number}"
        if not isinstance(item, yaml.MappingNode):
            report.at(item, f"{where} must be a mapping with date, title and quote")
            continue
        problems_before = len(report.problems)
        values = _convert(_known_fields(item, EVENT_FIELDS, where, report), EVENT_FIELDS, report)
        quote = values.get("quote")
        if quote and (mismatch := quote_mismatch(quote, normalized_body)):
            quote_node = next(value for key, value in item.value if key.value == "quote")
            report.at(
                quote_node,
                f"the quote of {where} is not in the seed's text ({mismatch}): copy the passage "
                "word for word from the text below the front matter (spacing, line breaks and "
                "straight or curly quotes may differ)",
            )
        date: PartialDate | None = values.get("date")
        title_key = ("title", date, (values.get("title") or "").casefold())
        quote_key = ("quote", date, normalize_for_matching(quote or ""))
        if date and (repeated := seen.get(title_key) or seen.get(quote_key)):
            same = "title" if seen.get(title_key) else "quote"
            report.at(item, f"{where} repeats event {repeated} (same date and {same}): remove one of them")
        elif date:
            seen.setdefault(title_key, number)
            seen.setdefault(quote_key, number)
        if len(report.problems) > problems_before:
            continue
        exchange = values.get("transfer")
        countries = values.get("countries") or ()
        if exchange:  # the countries of a transfer are what the event is about, listed or not
            countries += tuple(c for c in exchange["from"] + exchange["to"] if c not in countries)
        events.append(
            Event(
                date=date,
                title=values["title"],
                countries=countries,
                quote=quote,
                tags=values.get("tags") or (),
                summary=values.get("summary") or "",
                transfer=Transfer(exchange["from"], exchange["to"]) if exchange else None,
                line=file_line(item),
            )
        )
    return tuple(events)


def validate_seed_file(seed_file: SeedFile) -> tuple[Seed | None, list[Problem]]:
    """The typed seed, or None and every problem found in its front matter."""
    report = Report(seed_file.path)
    values: dict = {}
    events = None
    if seed_file.front_matter is not None:
        fields = _known_fields(seed_file.front_matter, SEED_FIELDS, "the front matter", report)
        events_field = fields.pop("events", None)
        values = _convert(fields, SEED_FIELDS, report)
        if events_field is not None:
            events = _events(events_field[1], seed_file.body, report)
    if report.problems:
        return None, report.problems
    if seed_file.front_matter is None:  # a raw article: its citation is extracted like its events
        from build_scripts.extract import extract_text

        extracted = extract_text(seed_file.body)
        values = {
            "title": first_line(extracted.title),
            "publisher": extracted.publisher,
            "published": extracted.published,
        }
    seed = Seed(
        id=seed_file.id,
        path=seed_file.path,
        body=seed_file.body,
        title=values.get("title") or first_line(seed_file.body),
        publisher=values.get("publisher") or "",
        author=values.get("author") or "",
        published=values.get("published"),
        url=values.get("url") or "",
        language=values.get("language") or "en",
        events=events,
    )
    return seed, []


def validate_paths(paths: Iterable[Path], base: Path | None = None) -> tuple[list[Seed], list[Problem]]:
    """Read and check every file; the seeds that passed and all problems, sorted by file and line."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    first_path_of_id: dict[str, str] = {}
    for path in paths:
        display = _display_path(path, base)
        seed_file, read_problems = read_seed_file(path, display)
        problems += read_problems
        if seed_file is None:
            continue
        if seed_file.id in first_path_of_id:
            problems.append(
                Problem(
                    display,
                    1,
                    f"seed id '{seed_file.id}' is already used by {first_path_of_id[seed_file.id]}: "
                    "rename one of the files",
                )
            )
            continue
        first_path_of_id[seed_file.id] = display
        seed, seed_problems = validate_seed_file(seed_file)
        problems += seed_problems
        if seed is not None:
            seeds.append(seed)
    return seeds, sorted(problems)


def _display_path(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)

