"""Stage 5: the open data files, as bytes (nothing is written here)."""

from __future__ import annotations

import csv
import io
import json

from build_scripts.model import Entry, Timeline

CSV_LIST_SEPARATOR = ";"


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
        "source": {
            "title": seed.title,
            "publisher": seed.publisher,
            "published": seed.published.iso if seed.published else None,
            "url": seed.url,
        },
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


def _json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def timeline_json(timeline: Timeline) -> bytes:
    return _json({"entries": [entry_record(entry) for entry in timeline.entries]})


def timeline_csv(timeline: Timeline) -> bytes:
    """The JSON records flattened: lists joined with ';', the source as source_* columns."""
    columns = [
        "id", "date", "precision", "title", "summary", "countries", "tags", "quote", "seed",
        "source_title", "source_publisher", "source_published", "source_url", "url", "origin",
        "transfer_from", "transfer_to",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for entry in timeline.entries:
        record = entry_record(entry)
        source = record.pop("source")
        transfer = record.pop("transfer") or {"from": [], "to": []}
        record.update({f"source_{key}": value or "" for key, value in source.items()})
        record["transfer_from"] = transfer["from"]
        record["transfer_to"] = transfer["to"]
        writer.writerow(
            {key: CSV_LIST_SEPARATOR.join(value) if isinstance(value, list) else value for key, value in record.items()}
        )
    return buffer.getvalue().encode("utf-8")


def countries_json(timeline: Timeline) -> bytes:
    return _json(
        [
            {
                "code": item.country.code,
                "name": item.country.name,
                "url": f"countries/{item.country.slug}/",
                "entries": len(item.entries),
            }
            for item in timeline.countries
        ]
    )


def export_data(timeline: Timeline) -> dict[str, bytes]:
    return {
        "data/timeline.json": timeline_json(timeline),
        "data/timeline.csv": timeline_csv(timeline),
        "data/countries.json": countries_json(timeline),
    }
