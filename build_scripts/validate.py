"""Stage 2: check seed files against the schema and convert them into `Seed` objects.

Every problem in every file is collected, never just the first, each as `path:line: message`.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

import yaml

from build_scripts.last_build import LastBuild
from build_scripts.model import Event, PartialDate, Problem, Seed, Transfer
from build_scripts.read_seeds import MAX_SEED_BYTES, SeedFile, file_line, read_seed_file
from build_scripts.schema import (
    EVENT_FIELDS,
    MAX_EVENTS,
    REFERENCE_KEYS,
    SEED_FIELDS,
    Field,
    Report,
    vocabulary_stamp,
)

_CURLY_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)


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
    node: yaml.MappingNode,
    schema: dict[str, Field],
    where: str,
    report: Report,
    optional: tuple[str, ...] = (),
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
        if field.required and key not in fields and key not in optional:
            report.at(node, f"{where} has no '{key}': add '{key}:' ({field.rule})")
    return fields


def _convert(
    fields: dict[str, tuple[yaml.Node, yaml.Node]], schema: dict[str, Field], report: Report
) -> dict:
    """Each field's typed value; a field whose value is wrong maps to None (and is reported)."""
    return {key: convert_field(key, value_node, schema, report) for key, (_, value_node) in fields.items()}


def convert_field(key: str, value_node: yaml.Node, schema: dict[str, Field], report: Report):
    """The field's typed value, or None (reported) when it is wrong or longer than the schema allows."""
    limit = schema[key].max_length
    if isinstance(value_node, yaml.ScalarNode) and len(value_node.value) > limit:
        report.at(
            value_node, f"'{key}' is {len(value_node.value):,} characters long: keep it to at most {limit}"
        )
        return None
    return schema[key].convert(value_node, key, report)


def build(cls, schema: dict[str, Field], values: dict, **given):
    """The typed object: each schema key's value, or the schema's default where it is left out."""
    defaults = {key: field.default for key, field in schema.items() if key in cls.__dataclass_fields__}
    return cls(**{**defaults, **{key: value for key, value in values.items() if key in defaults}, **given})


def _quote_problem(quote: str, normalized_body: str) -> str | None:
    if mismatch := quote_mismatch(quote, normalized_body):
        return (
            f"is not in the seed's text ({mismatch}): copy the passage word for word from the text "
            "below the front matter (spacing, line breaks and straight or curly quotes may differ)"
        )
    return None


def _timing_problem(values: dict, published: PartialDate | None, where: str) -> str | None:
    """Plans lie after the publication, what happened before it: compared at the coarser precision."""
    date = values.get("date")
    if date is None or published is None:
        return None
    order = date.compare(published)
    if order > 0 and values.get("status") != "planned":
        return (
            f"{where} is dated {date.label}, after its source was published ({published.label}): "
            "if the source announces it for later, add 'status: planned'; otherwise correct the date"
        )
    if order < 0 and values.get("status") == "planned":
        return (
            f"{where} is planned but dated {date.label}, before its source was published "
            f"({published.label}): a plan lies ahead of its source; remove 'status: planned' "
            "if it has happened, or correct the date"
        )
    return None


def _event(
    item: yaml.MappingNode, where: str, context: tuple[str, PartialDate | None], report: Report
) -> dict:
    """The converted fields of one event; an event with an id and no title repeats another seed's entry."""
    normalized_body, published = context
    given = {key_node.value for key_node, _ in item.value if isinstance(key_node, yaml.ScalarNode)}
    is_reference = "id" in given and "title" not in given
    fields = _known_fields(
        item, EVENT_FIELDS, where, report, optional=("title", "date") if is_reference else ()
    )
    if is_reference:
        for key in [key for key in fields if key not in REFERENCE_KEYS]:
            report.at(
                fields.pop(key)[0],
                f"{where} gives '{key}' but no 'title': an event that repeats an entry another seed gives "
                f"(same id) gives only {', '.join(REFERENCE_KEYS)}; add a title if this seed starts the entry",
            )
    values = _convert(fields, EVENT_FIELDS, report)
    if (quote := values.get("quote")) and (problem := _quote_problem(quote, normalized_body)):
        report.at(fields["quote"][1], f"the quote of {where} {problem}")
    if problem := _timing_problem(values, published, where):
        report.at(fields.get("status", fields.get("date"))[1], problem)
    return values


def _events(node: yaml.Node, body: str, published: PartialDate | None, report: Report) -> tuple[Event, ...]:
    if not isinstance(node, yaml.SequenceNode):
        report.at(node, "'events' must be a list: start each event with '- date: ...'")
        return ()
    if len(node.value) > MAX_EVENTS:
        report.at(node, f"'events' lists {len(node.value)} events: a seed gives at most {MAX_EVENTS}")
        return ()
    context = (normalize_for_matching(body), published)
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    for number, item in enumerate(node.value, start=1):
        where = f"event {number}"
        if not isinstance(item, yaml.MappingNode):
            report.at(item, f"{where} must be a mapping with date, title and quote")
            continue
        problems_before = len(report.problems)
        values = _event(item, where, context, report)
        date: PartialDate | None = values.get("date")
        keys = [("id", values.get("id"))] if values.get("id") else []
        if date and values.get("title"):
            keys.append(("title", date, values["title"].casefold()))
        if date and values.get("quote"):
            keys.append(("quote", date, normalize_for_matching(values["quote"])))
        # Keys are listed id, title, quote: the first one seen before names what is the same.
        if repeated := next((key for key in keys if key in seen), None):
            same = "id" if repeated[0] == "id" else f"date and {repeated[0]}"
            report.at(item, f"{where} repeats event {seen[repeated]} (same {same}): remove one of them")
        for key in keys:
            seen.setdefault(key, number)
        if len(report.problems) > problems_before:
            continue
        exchange = values.get("transfer")
        countries = values.get("countries") or ()
        if exchange:  # the countries of a transfer are what the event is about, listed or not
            countries += tuple(c for c in exchange["from"] + exchange["to"] if c not in countries)
        values.update(
            countries=countries,
            transfer=Transfer(exchange["from"], exchange["to"]) if exchange else None,
            title=values.get("title") or "",
        )
        events.append(build(Event, EVENT_FIELDS, values, line=file_line(item)))
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
            events = _events(events_field[1], seed_file.body, values.get("published"), report)
    if report.problems:
        return None, report.problems
    values = {key: value for key, value in values.items() if value}
    if seed_file.front_matter is not None:  # a raw article is cited from its text by the extract stage
        values.setdefault("title", first_line(seed_file.body))
    seed = build(
        Seed, SEED_FIELDS, values, id=seed_file.id, path=seed_file.path, body=seed_file.body, events=events
    )
    return seed, []


def validate_entries(seeds: list[Seed]) -> list[Problem]:
    """Events that share an id across seeds are one entry: one gives its title, their dates agree."""
    by_id: dict[str, list[tuple[Seed, Event]]] = {}
    for seed in seeds:
        for event in seed.events or ():
            if event.id:
                by_id.setdefault(event.id, []).append((seed, event))
    problems = []
    for entry_id, told in sorted(by_id.items()):
        givers = [(seed, event) for seed, event in told if not event.is_reference]
        if not givers:
            problems += [
                Problem(
                    seed.path,
                    event.line,
                    f"no seed gives the title of entry '{entry_id}': check the id, "
                    "or give this event a title, tags and summary so that it starts the entry",
                )
                for seed, event in told
            ]
        for seed, event in givers[1:]:
            first_seed, first = givers[0]
            problems.append(
                Problem(
                    seed.path,
                    event.line,
                    f"entry '{entry_id}' is given a title here and in {first_seed.path}:{first.line}: "
                    "keep the title (and tags, summary, transfer) in one seed and give only id, quote "
                    "and, if needed, date and countries in the other",
                )
            )
        # Every pair: 2013-01 and 2013-02 disagree even when a source saying 2013 stands between them.
        dated = [(seed, event) for seed, event in told if event.date]
        for (seed_a, a), (seed_b, b) in combinations(dated, 2):
            if a.date.compare(b.date) != 0:
                for (seed, event), (other_seed, other) in (
                    ((seed_a, a), (seed_b, b)),
                    ((seed_b, b), (seed_a, a)),
                ):
                    problems.append(
                        Problem(
                            seed.path,
                            event.line,
                            f"entry '{entry_id}' is dated {event.date.label} here but {other.date.label} in "
                            f"{other_seed.path}:{other.line}: the sources of one entry must agree on its date",
                        )
                    )
    return problems


def validate_paths(paths: Iterable[Path], base: Path | None = None) -> tuple[list[Seed], list[Problem]]:
    """Read and check every file; the seeds that passed and all problems, sorted by file and line."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    first_path_of_id: dict[str, str] = {}
    _CHECKED.start(vocabulary_stamp())
    for path in paths:
        display = display_path(path, base)
        seed_id, read_problems, seed, seed_problems = _check(path, display)
        problems += read_problems
        if seed_id is None:
            continue
        if seed_id in first_path_of_id:
            problems.append(
                Problem(
                    display,
                    1,
                    f"seed id '{seed_id}' is already used by {first_path_of_id[seed_id]}: "
                    "rename one of the files",
                )
            )
            continue
        first_path_of_id[seed_id] = display
        problems += seed_problems
        if seed is not None:
            seeds.append(seed)
    problems += validate_entries(seeds)
    return seeds, sorted(set(problems))


_CHECKED: LastBuild[tuple] = LastBuild()  # each seed file as read and checked, by name and bytes


def _check(path: Path, display: str) -> tuple:
    """(seed id, reading problems, seed, its problems); under `mkdocs serve` a save re-checks only
    the files whose bytes changed, or every file when the tag vocabulary did."""
    key = None  # a file that is not a plain seed-sized file: read_seed_file says why
    try:
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_SEED_BYTES:
            key = (str(path), display, path.read_bytes())
    except OSError:
        pass

    def check() -> tuple:
        seed_file, read_problems = read_seed_file(path, display)
        seed, seed_problems = validate_seed_file(seed_file) if seed_file else (None, [])
        return (seed_file.id if seed_file else None, read_problems, seed, seed_problems)

    return check() if key is None else _CHECKED.get(key, check)


def display_path(path: Path, base: Path | None) -> str:
    """The path from `base`, without following a symbolic link (its target is not the seed's name)."""
    if base is not None:
        try:
            return str(Path(os.path.abspath(path)).relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)
