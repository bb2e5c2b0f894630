"""Stage: how to cite an entry or a source, in BibTeX, RIS and CSL-JSON (text only, nothing written).

An entry is cited as a page of this publication: its title, its date (the event's, at its
precision), its full URL and the build date as the version read. A source is cited as the
original document: title, author, publisher, date and address.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from build_scripts import urls
from build_scripts.export import json_bytes
from build_scripts.last_build import LastBuild
from build_scripts.model import Entry, PartialDate, Seed, Timeline

PUBLICATION = "One-Stop Shop Timeline"
# The file suffix of each style, with what readers know it as.
CITATION_STYLES = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}", **{c: "\\" + c for c in "{}%&#$_"}}


@dataclass(frozen=True)
class Cited:
    """What every style needs to know of the cited item."""

    key: str
    kind: str  # CSL item type
    title: str
    url: str
    date: PartialDate | None
    container: str = ""  # the publication it appears in
    publisher: str = ""
    author: str = ""


def entry_cited(entry: Entry, site_url: str) -> Cited:
    return Cited(entry.id, "webpage", entry.event.title, site_url + entry.url, entry.event.date, PUBLICATION)


def source_cited(seed: Seed) -> Cited:
    return Cited(
        seed.id, "article", seed.title, seed.url, seed.published, publisher=seed.publisher, author=seed.author
    )


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_ESCAPES.get(character, character) for character in text)


def bibtex(item: Cited, accessed: datetime.date) -> str:
    fields = [("title", "{" + _bibtex_text(item.title) + "}")]
    if item.author:
        fields.append(("author", "{" + _bibtex_text(item.author) + "}"))
    if item.container:
        fields.append(("howpublished", _bibtex_text(item.container)))
    if item.publisher:
        fields.append(("publisher", _bibtex_text(item.publisher)))
    if item.date:
        fields.append(("year", str(item.date.year)))
        if item.date.month:
            fields.append(("month", str(item.date.month)))
        fields.append(("note", f"Dated {item.date.label}"))
    if item.url:
        fields.append(("url", item.url))
    fields.append(("urldate", accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item.key},\n{body}\n}}\n"


def ris(item: Cited, accessed: datetime.date) -> str:
    lines = [("TY", "ELEC"), ("ID", item.key), ("TI", item.title)]
    if item.author:
        lines.append(("AU", item.author))
    if item.container:
        lines.append(("T2", item.container))
    if item.publisher:
        lines.append(("PB", item.publisher))
    if item.date:
        lines += [("PY", str(item.date.year)), ("DA", _ris_date(item.date))]
    if item.url:
        lines.append(("UR", item.url))
    lines += [("Y2", accessed.strftime("%Y/%m/%d")), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def _ris_date(date: PartialDate) -> str:
    return "/".join(
        [
            f"{date.year:04d}",
            f"{date.month:02d}" if date.month else "",
            f"{date.day:02d}" if date.day else "",
            "",
        ]
    )


def _date_parts(date: PartialDate) -> dict:
    return {"date-parts": [[part for part in (date.year, date.month, date.day) if part is not None]]}


def csl_json(item: Cited, accessed: datetime.date) -> str:
    record = {"id": item.key, "type": item.kind, "title": item.title}
    if item.author:
        record["author"] = [{"literal": item.author}]
    if item.container:
        record["container-title"] = item.container
    if item.publisher:
        record["publisher"] = item.publisher
    if item.date:
        record["event-date" if item.container else "issued"] = _date_parts(item.date)
    if item.url:
        record["URL"] = item.url
    record["accessed"] = _date_parts(PartialDate(accessed.year, accessed.month, accessed.day))
    return json_bytes([record]).decode("utf-8")


_WRITERS = {"bib": bibtex, "ris": ris, "json": csl_json}
_WRITTEN: LastBuild[dict[str, bytes]] = LastBuild()  # each page's citations, by what they cite


def citation_files(timeline: Timeline, site_url: str, accessed: datetime.date) -> dict[str, bytes]:
    """Every entry's and every source's citation in each style, by path in the built site."""
    cited = [(entry.url, entry_cited(entry, site_url)) for entry in timeline.entries]
    cited += [(urls.source(seed.id), source_cited(seed)) for seed in timeline.seeds]
    _WRITTEN.start(accessed)  # the build day is every citation's access date
    files = {}
    for url, item in cited:
        files.update(_WRITTEN.get((url, item), partial(_citations, url, item, accessed)))
    return files


def _citations(url: str, item: Cited, accessed: datetime.date) -> dict[str, bytes]:
    return {
        urls.citation(url, style): write(item, accessed).encode("utf-8") for style, write in _WRITERS.items()
    }
