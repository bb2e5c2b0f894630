"""Stage 5: the open data files, as bytes (nothing is written here)."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from functools import partial

import orjson

from build_scripts import urls
from build_scripts.last_build import LastBuild
from build_scripts.model import Entry, PartialDate, Seed, Source, Timeline

CSV_LIST_SEPARATOR = ";"
LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "note": "The publication's own text and data; quotations remain their publishers' and are "
    "reproduced as short, attributed quotations.",
}
# Each entry's part of the data files, as the last run made it (see last_build.py).
_RECORDS: LastBuild[dict] = LastBuild()
_CSV_ROWS: LastBuild[str] = LastBuild()
_SLIDES: LastBuild[dict] = LastBuild()
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def source_record(source: Source) -> dict:
    seed = source.seed
    return {
        "seed": seed.id,
        "title": seed.title,
        "publisher": seed.publisher,
        "published": seed.published.iso if seed.published else None,
        "url": seed.url,
        "quote": source.quote,
    }


def _citation(seed: Seed) -> dict:
    return {
        "title": seed.title,
        "publisher": seed.publisher,
        "published": seed.published.iso if seed.published else None,
        "url": seed.url,
    }


def entry_record(entry: Entry) -> dict:
    event, seed = entry.event, entry.seed
    return {
        "id": entry.id,
        "date": event.date.iso,
        "precision": event.date.precision,
        "title": event.title,
        "summary": event.summary,
        "countries": [country.code for country in event.countries],
        "tags": list(event.tags),
        "quote": event.quote,
        "seed": seed.id,
        "source": _citation(seed),
        "sources": [source_record(source) for source in entry.sources],
        "status": entry.status,
        "url": entry.url,
        "origin": event.origin,
        "transfer": (
            {
                "from": [country.code for country in event.transfer.teachers],
                "to": [country.code for country in event.transfer.learners],
            }
            if event.transfer
            else None
        ),
    }


def json_bytes(data) -> bytes:
    """Pretty JSON in UTF-8, as `json.dumps(data, ensure_ascii=False, indent=2)` writes it plus a final
    newline; orjson writes the same bytes several times faster (the standard library has no C path
    for indented JSON, and timeline.json is most of a rebuild's data files)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def timeline_json(timeline: Timeline) -> bytes:
    _RECORDS.start()
    records = [_RECORDS.get(entry, partial(entry_record, entry)) for entry in timeline.entries]
    return json_bytes({"license": LICENSE, "entries": records})


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character is escaped with a quote."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


_CSV_COLUMNS = (
    "id",
    "date",
    "precision",
    "title",
    "summary",
    "countries",
    "tags",
    "quote",
    "seed",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
    "sources",
    "status",
    "url",
    "origin",
    "transfer_from",
    "transfer_to",
)


def timeline_csv(timeline: Timeline) -> bytes:
    """The JSON records flattened: lists joined with ';', the first source as source_* columns,
    every source's seed in `sources`."""
    _CSV_ROWS.start()
    rows = [_CSV_ROWS.get(entry, partial(_csv_row, entry)) for entry in timeline.entries]
    return "".join([_csv_line(_CSV_COLUMNS), *rows]).encode("utf-8")


def _csv_row(entry: Entry) -> str:
    record = entry_record(entry)
    source = record.pop("source")
    transfer = record.pop("transfer") or {"from": [], "to": []}
    record.update({f"source_{key}": value or "" for key, value in source.items()})
    record["sources"] = [item["seed"] for item in record["sources"]]
    record["transfer_from"] = transfer["from"]
    record["transfer_to"] = transfer["to"]
    return _csv_line(
        spreadsheet_safe(CSV_LIST_SEPARATOR.join(value) if isinstance(value, list) else value)
        for value in map(record.__getitem__, _CSV_COLUMNS)
    )


def _csv_line(cells: Iterable[str]) -> str:
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(cells)
    return line.getvalue()


def countries_json(timeline: Timeline) -> bytes:
    return json_bytes(
        [
            {
                "code": item.country.code,
                "name": item.country.name,
                "url": urls.country(item.country),
                "entries": len(item.entries),
            }
            for item in timeline.countries
        ]
    )


def _timelinejs_date(date: PartialDate) -> dict:
    parts = {"year": str(date.year)}
    if date.month:
        parts["month"] = str(date.month)
    if date.day:
        parts["day"] = str(date.day)
    parts["display_date"] = date.label
    return parts


def _timelinejs_text(entry: Entry, site_url: str) -> str:
    """The slide's HTML: the quote, its source and the permalink, every value escaped."""
    source = entry.seed
    link = f' <a href="{html.escape(source.url)}">Source</a>' if source.url else ""
    planned = " (planned)" if entry.status == "planned" else ""
    return (
        f"<blockquote>{html.escape(entry.event.quote)}</blockquote>"
        f"<p>{html.escape(source.title)}{', ' + html.escape(source.publisher) if source.publisher else ''}{planned}."
        f'{link} · <a href="{html.escape(site_url + entry.url)}">Permalink</a></p>'
    )


def timelinejs_json(timeline: Timeline, site_url: str) -> bytes:
    """Knight Lab TimelineJS's JSON format: a slide per entry, grouped by its main country."""
    _SLIDES.start(site_url)
    return json_bytes(
        {
            "title": {
                "text": {
                    "headline": "One-Stop Shop Timeline",
                    "text": "Twenty years of one-stop-shop public service delivery, each entry quoting its source.",
                }
            },
            "events": [
                _SLIDES.get(entry, partial(_timelinejs_slide, entry, site_url)) for entry in timeline.entries
            ],
            "license": LICENSE,
        }
    )


def _timelinejs_slide(entry: Entry, site_url: str) -> dict:
    return {
        "unique_id": entry.id,
        "start_date": _timelinejs_date(entry.event.date),
        "text": {"headline": html.escape(entry.event.title), "text": _timelinejs_text(entry, site_url)},
        **({"group": entry.event.countries[0].name} if entry.event.countries else {}),
    }


def export_data(timeline: Timeline, site_url: str) -> dict[str, bytes]:
    return {
        urls.TIMELINE_JSON: timeline_json(timeline),
        urls.TIMELINE_CSV: timeline_csv(timeline),
        urls.COUNTRIES_JSON: countries_json(timeline),
        urls.TIMELINEJS_JSON: timelinejs_json(timeline, site_url),
    }
