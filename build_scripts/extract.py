"""Find what a careful editor would in a raw article: its citation, countries and dated events.

The text is cut into a header (headline, dateline, byline), a body and a trailer (source line,
credits), and whatever follows an "Other news" heading is dropped. Only body sentences give
events; the header and trailer give the title, publisher and publication date.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from build_scripts.extract_countries import continuation_opener, countries_in, leading_phrase
from build_scripts.extract_dates import DateMention, dates_the_origin, find_dates, tells_a_plan
from build_scripts.extract_published import META_PREFIX, has_date, publication_date
from build_scripts.model import Country, Event, PartialDate, Seed

_OTHER_NEWS = re.compile(
    r"^\s*(?:(?:other|related|more|latest|top|recent)\s+(?:news|stories|articles|posts)\b|"
    r"(?:read|see)\s+(?:also|more)\b|also\s+read\b|related\s*:?\s*$|you\s+may\s+also\s+like|"
    r"\d*\s*(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?\s*$|leave\s+a\s+(?:comment|reply)\b|"
    r"(?:most\s+(?:read|viewed|popular|shared)|reading\s+now|trending|popular)\s*:?\s*$|"
    r"related\s+(?:topics|content|links)\b)",
    re.IGNORECASE,
)
# Page furniture that is neither header nor text: cookie banners, share buttons
_FURNITURE = re.compile(
    r"^\s*share\b|\b(?:we\s+use\s+cookies|cookie\s+policy|accept\s+(?:all\s+)?cookies)\b", re.IGNORECASE
)
# A press release's closing "About Kiosentrix" block describes the company: countries, but no events
_ABOUT_HEADING = re.compile(r"^\s*About\s+[A-Za-z-]*[A-Z][^.!?:]{0,40}(?::|$)")  # "About Kiosentrix:" too
# A short dated line among the first lines, before the text begins, is a dateline ("Dubai, 14 February 2023")
_TOP_LINES = 8
# Lines inside the body that credit rather than tell: "[Photo: ..., taken 03/11/2017]", "First published ..."
_CREDIT_LINE = re.compile(
    r"^\s*[\[(]?\s*(?:photo|picture|image|video|caption|photo\s+caption|credit|foto|legenda|leyenda|"
    r"pie\s+de\s+foto|légende)s?\b\s*[\]:.,-]|"
    r"^\s*(?:this\s+(?:article|story|post)\s+(?:was|is)\s+)?(?:first|originally)\s+published\b",
    re.IGNORECASE,
)
# "(Photo: GovTech, 2021)" inside a sentence: its date dates the picture
_INLINE_CREDIT = re.compile(r"[(\[]\s*(?:photo|picture|image|source|credit)s?\s*:[^)\]]*[)\]]", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^\s*(?:[\w()]+/)?(?:source|quelle)\s*:\s*(?P<who>.+?)\s*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:copyright|©)\s*(?:\d{4})?\s*(?P<who>[^.]+)", re.IGNORECASE)
_AGENCY = re.compile(r"\((?P<paren>[A-Za-z][\w .-]{1,30})\)|/\s*(?P<slash>[A-Za-z][\w .-]{1,30}?)\s*/")
_BULLET = re.compile(r"^\s*(?:[-•*·▪–]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?][\"'”’)]*\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep|"
    r"Jr|Sr|Inc|Ltd|Co|vs|etc|e\.g|i\.e|approx)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]?)\.[\"'”’)]*\s+$"
)
_MARKDOWN = re.compile(r"\s*(?:#{1,6}\s+|>\s*)?[*_]*")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|whereas)\s|;\s|\s+while\s")
# "It was noted that ...": its "It" is nobody, so the sentence does not go on about the previous country
_IMPERSONAL = re.compile(
    r"^It\s+(?:is|was|has\s+been|should\s+be|must\s+be)\s+(?:noted|reported|said|announced|stressed|"
    r"emphasi[sz]ed|mentioned|informed|worth)\b"
)
_LOCATED_IN = re.compile(r"^(?:In|Across|Throughout|Within)\s+[^,;]{1,40},")
_TOPIC_WORDS = 3
_MEETING_VERB = re.compile(
    r"\b(?:presented|briefed|shared|agreed|discussed|met|gathered|celebrated|signed|exchanged|included)\b"
)
# An undated sentence in which the guests visit dates to the occasion too; not "halls are visited by 20,000"
_VISIT_VERB = re.compile(r"(?<!\bare\s)(?<!\bis\s)(?<!\bbe\s)\b(?:visited|toured)\b")
# "During the meeting, the minister directed ...": told of the occasion in so many words
_AT_THE_MEETING = re.compile(
    r"^(?:During|At|On\s+the\s+sidelines\s+of|In\s+the\s+course\s+of)\s+the\s+"
    r"(?:meeting|visit|talks|session|briefing|ceremony|conference|forum|event)\b"
)
# A sentence about "the ceremony" (or meeting ...) on a day already told refers back to that occasion
_OCCASION_AGAIN = re.compile(
    r"^The\s+(?:[\w-]+\s+){0,2}(?:ceremony|meeting|event|visit|forum|conference|session|talks|briefing|"
    r"celebration)\b"
)
_PASSIVE = re.compile(r"\b(?:was|were)\s+\w+ed\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# What is ongoing ("is being shared"), has been over time ("delegations have visited") or told of
# another time ("Recently, ...") happened at no occasion
_NOT_AT_OCCASION = re.compile(
    r"\b(?:is|are)\s+being\s+\w+ed\b|\b(?:has|have)\s+(?:\w+ly\s+|also\s+|already\s+)?\w+ed\b|"
    r"\b(?:recently|earlier|previously|formerly|lately|in\s+recent\s+\w+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Extraction:
    published: PartialDate | None
    title: str
    publisher: str
    countries: tuple[Country, ...]  # sorted by code
    events: tuple[Event, ...]


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int  # offset in the article, so quotes stay verbatim
    section: str = ""  # the short heading above it ("Australia."), which may name its country
    paragraph: int = 0  # the line it stands on: a paragraph goes on about its country


@dataclass(frozen=True)
class _Layout:
    title: str
    header: list[str]  # datelines and bylines, title excluded
    body: list[_Sentence]
    trailer: list[str]
    dateline: str  # an inline dateline ("BAKU, 29 December 2012 – ") opening the first paragraph
    dateline_date: str
    dateline_agency: str
    boilerplate: list[str]  # an "About the company" block: it names countries, but dates no events


def _words(line: str) -> int:
    return len(line.split())


def _is_meta(line: str, longest: int = 16) -> bool:
    """A byline, dateline, source or credit line rather than text of the article."""
    if META_PREFIX.match(line) and _words(line) <= 15:
        return True
    return not _TERMINAL.search(line) and _words(line) <= longest


def _is_stamp(line: str) -> bool:
    """A dated source, publication or copyright line, wherever it stands."""
    return bool((_SOURCE_LINE.match(line) or META_PREFIX.match(line)) and has_date(line))


def _is_credit(line: str) -> bool:
    """A caption or credit line, or a dated source line left above a long disclaimer."""
    dated_source = _SOURCE_LINE.match(line) and has_date(line) and _words(line) <= 15
    return bool(_CREDIT_LINE.match(line) or dated_source)


def _is_top_stamp(line: str) -> bool:
    """A dateline or time stamp line near the top: "Mon 4 Dec 2023 07.00 GMT", "Dubai, 14 February 2023"."""
    return _is_meta(line, longest=8) and has_date(line) and not _BULLET.match(line)


def _is_heading(line: str) -> bool:
    """A short line or lead sentence ("Australia.", "## Peru", "Background") that opens a section."""
    return _words(line) <= 4 and not _BULLET.match(line) and not has_date(line) and line.count(".") <= 1


def _split_sentences(line: str, offset: int) -> list[_Sentence]:
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        if _ABBREVIATION.search(line[: match.end()]):
            continue
        sentences.append(_Sentence(line[start : match.end()].strip(), offset + start))
        start = match.end()
    if line[start:].strip():
        sentences.append(_Sentence(line[start:].strip(), offset + start))
    return sentences


def _inline_dateline(line: str) -> tuple[int, str, str]:
    """How many leading characters of the first paragraph are its dateline, with its date and agency."""
    # "BAKU, 29 December 2012 – ", "Addis Ababa, July 24/2024 (ENA) ": an agency's bracket may close it
    for separator in re.finditer(r"(?:\s*(?:--|[–—:-]|\.)\s+|(?<=\))\s+)(?=[\"“]?[A-Z])", line[:120]):
        head = line[: separator.start()]
        tokens = re.findall(r"\([^)]*\)|/[^/]*/|[^\s,|]+", head)
        if not tokens or len(tokens) > 9 or not all(re.match(r"[\W\d]*[A-ZÀ-Ý0-9(/]", t) for t in tokens):
            continue
        agency = _AGENCY.search(head)
        agency_name = (agency["paren"] or agency["slash"]).strip() if agency else ""
        date_text = _AGENCY.sub("", head)
        dated = has_date(date_text)
        is_dash = separator.group().strip()[:1] not in (".", "")
        if dated or (is_dash and (head.split(",")[0].isupper() or agency)) or (is_dash and len(tokens) <= 3):
            return separator.end(), date_text if dated else "", agency_name
    return 0, "", ""


def _layout(text: str) -> _Layout:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        decoration = _MARKDOWN.match(line)  # "# Heading", "*By ...*": the words are what counts
        if line.strip(" *_#>") and not _FURNITURE.search(line):
            lines.append((offset + decoration.end(), line[decoration.end() :].rstrip(" *_")))
        offset += len(raw)
    cut = next((i for i, (_, line) in enumerate(lines) if _OTHER_NEWS.match(line)), len(lines))
    # "Source: UzA, 23.12.2019" at the foot
    late_stamps = [line for _, line in lines[cut:] if _is_stamp(line)]
    lines = lines[:cut]

    header_end = 0
    while (
        header_end < len(lines) and _is_meta(lines[header_end][1]) and not _BULLET.match(lines[header_end][1])
    ):
        header_end += 1
    trailer_start = len(lines)
    while trailer_start > header_end:
        line = lines[trailer_start - 1][1]
        if not _is_meta(line, longest=10):
            break
        trailer_start -= 1
    sentences_at = (i for i in range(header_end, trailer_start) if _TERMINAL.search(lines[i][1]))
    text_start = next(sentences_at, trailer_start)
    top_stamps = [i for i in range(header_end, min(text_start, _TOP_LINES)) if _is_top_stamp(lines[i][1])]
    header = [line for _, line in lines[:header_end]] + [lines[i][1] for i in top_stamps]
    title_index = next(
        (
            i
            for i, line in enumerate(header)
            if not line.isupper() and not has_date(line) and not META_PREFIX.match(line)
        ),
        None,
    )
    title = header.pop(title_index) if title_index is not None else ""
    lines = [line for i, line in enumerate(lines) if i not in top_stamps]
    trailer_start -= len(top_stamps)
    text_lines = lines[header_end:trailer_start]
    body_lines = [(start, line) for start, line in text_lines if not _is_credit(line)]
    credits = [line for _, line in text_lines if _is_credit(line)]
    if not title and body_lines:
        title = body_lines[0][1]

    body: list[_Sentence] = []
    boilerplate: list[str] = []
    dateline = dateline_date = agency = section = ""
    for number, (start, line) in enumerate(body_lines):
        if boilerplate or _ABOUT_HEADING.match(line):
            boilerplate.append(line)
            continue
        skip = len(line) - len(line.lstrip())
        if bullet := _BULLET.match(line):
            skip = bullet.end()
        elif number == 0:
            length, dateline_date, agency = _inline_dateline(line)
            skip, dateline = max(skip, length), line[:length]
        sentences = _split_sentences(line[skip:], start + skip)
        if sentences and _is_heading(sentences[0].text):  # "Australia." alone or leading its paragraph
            section = sentences[0].text
        body += [replace(sentence, section=section, paragraph=number) for sentence in sentences]
    trailer = credits + [line for _, line in lines[trailer_start:]] + late_stamps
    return _Layout(title, header, body, trailer, dateline, dateline_date, agency, boilerplate)


def _without_credits(sentence: str) -> str:
    """The sentence with "(Photo: ..., 2021)" blanked out, so that date offsets stay those of the quote."""
    return _INLINE_CREDIT.sub(lambda match: " " * len(match.group()), sentence)


def _publisher(layout: _Layout) -> str:
    for line in layout.trailer:
        if match := _SOURCE_LINE.match(line):
            return re.split(r",\s*(?=\d)|\s*\|", match["who"])[0].strip()
    for line in layout.trailer:
        if match := _COPYRIGHT.search(line):
            return match["who"].strip()
    if layout.dateline_agency:
        return layout.dateline_agency
    for line in layout.trailer:  # "ATA, 2017", "Lusa | 22/05/2019", "- The Daily Star", "AZERTAC"
        signed = has_date(line) or re.match(r"\s*[-–—(]", line) or re.fullmatch(r"\s*[A-Z]{2,}\s*", line)
        name = re.split(r",\s*(?=\d)|\s*\|\s*", line.strip(" -–—()"))[0].strip()
        if signed and name and not has_date(name) and not META_PREFIX.match(line) and _words(name) <= 5:
            return name
    return ""


def _event_title(sentence: str, mentions: list[DateMention]) -> str:
    """A short headline from the sentence: date phrases out, first clause, at most 12 words."""
    text = sentence
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        if re.search(r"anniversary|turn", text[mention.start : mention.end], re.IGNORECASE):
            continue  # "marks its 10th anniversary" is what happened, not when
        before = re.sub(
            r"\b(?:in|on|of|since|during|from|by|at|until)\s+$", "", text[: mention.start], flags=re.I
        )
        text = before + text[mention.end :]
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = re.split(r"[;:]|,\s+(?:which|who|where|when|while|including)\b|\s[–—]\s", text)[0]
    text = text.strip(" ,.;:-–—\"“”'")
    words = text.split()
    if len(words) > 12:
        text = " ".join(words[:12]).rstrip(",;:") + "…"
    return text[:1].upper() + text[1:] if text else "Event"


def _clause_countries(sentence: str, mention: DateMention, context: str) -> tuple[Country, ...]:
    """The countries of the clause that holds the date ("..., and opened its first centre in 2016")."""
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    if phrase := leading_phrase().match(sentence):  # "After retiring in 2001, she advised Fiji"
        bounds.append(phrase.end())
    start = max(b for b in bounds if b <= mention.start)
    end = min(b for b in bounds if b >= mention.end)
    if phrase and end <= phrase.end():
        return countries_in(sentence[start:end], context)
    return countries_in(sentence[start:end], context) or countries_in(_topic(sentence), context)


def _topic(sentence: str) -> str:
    """Where a sentence says what it is about: "In Nigeria," or its first words ("Peru's MAC centres ...");
    a clause that names no country of its own is about that one."""
    if located := _LOCATED_IN.match(sentence):
        return located.group()
    return " ".join(sentence.split()[:_TOPIC_WORDS])


def _main_country(title: str, layout: _Layout, context: str) -> Country | None:
    counts: Counter[str] = Counter()
    first: dict[str, Country] = {}
    for weight, text in [(2, title), (2, layout.dateline)] + [(1, s.text) for s in layout.body]:
        for country in countries_in(text, context):
            counts[country.code] += weight
            first.setdefault(country.code, country)
    if not counts:
        return None
    best = max(counts.values())
    return next(country for code, country in first.items() if counts[code] == best)


def _news_date(events: list[Event], reference: PartialDate | None, dated_header: bool) -> PartialDate | None:
    """The day the article reports on: its first day-precise event in the month before the reference,
    else a dateline's day."""
    if reference is None or reference.precision != "day":
        return None
    day = datetime.date(reference.year, reference.month, reference.day)
    for event in events:
        if event.date.precision == "day":
            gap = day - datetime.date(event.date.year, event.date.month, event.date.day)
            if 0 <= gap.days <= 31:
                return event.date
    return reference if dated_header else None


def extract_text(text: str, published: PartialDate | None = None) -> Extraction:
    layout = _layout(text)
    reference = published or publication_date([layout.dateline_date, *layout.header, *layout.trailer])
    read = _read_sentences(layout, reference, text)
    dated = _dated_events(read, text)
    return Extraction(
        published=reference,
        title=layout.title,
        publisher=_publisher(layout),
        countries=_article_countries(layout, text),
        events=_without_repeats(dated + _occasion_events(read, layout, reference, dated)),
    )


@dataclass(frozen=True)
class _ReadSentence:
    """A body sentence with its dates and the countries it is about."""

    sentence: _Sentence
    mentions: list[DateMention]
    countries: tuple[Country, ...]  # those it names, else its context's
    context: tuple[Country, ...]  # its section's, paragraph's or previous sentence's, else the article's
    days_before: frozenset[PartialDate]  # the days earlier sentences of its paragraph date


@dataclass(frozen=True)
class _Found:
    start: int  # where its sentence stands, to keep the article's order
    event: Event
    anniversary_day: bool = False


def _article_countries(layout: _Layout, text: str) -> tuple[Country, ...]:
    countries: dict[str, Country] = {}
    body = [sentence.text for sentence in layout.body]
    for part in [layout.title, layout.dateline, *layout.header, *body, *layout.boilerplate]:
        for country in countries_in(part, text):
            countries.setdefault(country.code, country)
    return tuple(sorted(countries.values(), key=lambda country: country.code))


def _event_mentions(mentions: list[DateMention]) -> list[DateMention]:
    return [mention for mention in mentions if mention.date is not None and not mention.anchor]


def _read_sentences(layout: _Layout, reference: PartialDate | None, text: str) -> list[_ReadSentence]:
    """Each body sentence's dates, and the countries it is about, carried over from its paragraph."""
    main = _main_country(layout.title, layout, text)
    read: list[_ReadSentence] = []
    previous: tuple[Country, ...] = ()
    paragraph, paragraph_topic, days, last_date = -1, (), frozenset(), None
    for sentence in layout.body:
        if sentence.paragraph != paragraph:
            paragraph, paragraph_topic, days, last_date = sentence.paragraph, (), frozenset(), None
        mentions = find_dates(_without_credits(sentence.text), reference, last_date)
        last_date = next((m.date for m in reversed(_event_mentions(mentions))), last_date)
        section = countries_in(sentence.section, text) or ((main,) if main else ())
        context = _context_countries(sentence.text, section, paragraph_topic, previous)
        paragraph_topic = countries_in(_topic(sentence.text), text) or paragraph_topic
        previous = countries_in(sentence.text, text) or context
        read.append(_ReadSentence(sentence, mentions, previous, context, days))
        days = days | {m.date for m in _event_mentions(mentions) if m.date.precision == "day"}
    return read


def _context_countries(
    sentence: str,
    section: tuple[Country, ...],
    paragraph_topic: tuple[Country, ...],
    previous: tuple[Country, ...],
) -> tuple[Country, ...]:
    """What a sentence naming no country is about: "Its offices opened in 2009" goes on about the
    previous sentence's, "In 2015 mobile units followed" about its paragraph's ("In Peru, ...")."""
    if _IMPERSONAL.match(sentence):
        return section
    if previous and continuation_opener().match(sentence):
        return previous
    return paragraph_topic or section


def _dated_events(read: list[_ReadSentence], text: str) -> list[_Found]:
    """One event per date a sentence gives, in the countries of the clause that holds it."""
    article_dates = [
        m.date for r in read for m in r.mentions if m.date and not (m.anchor or m.counted_back)
    ]
    found = []
    for r in read:
        for date, mention in {m.date: m for m in reversed(_event_mentions(r.mentions))}.items():
            if mention.counted_back and any(dates_the_origin(other, date) for other in article_dates):
                continue  # "the 10th anniversary" of a founding the article dates itself
            countries = _clause_countries(r.sentence.text, mention, text) or r.context
            found.append(_Found(r.sentence.start, _event(date, r, countries), mention.anniversary_day))
    return found


def _event(date: PartialDate, read: _ReadSentence, countries: tuple[Country, ...]) -> Event:
    text = read.sentence.text
    return Event(date, _event_title(text, read.mentions), countries, text, origin="extracted")


def _occasion_events(
    read: list[_ReadSentence], layout: _Layout, reference: PartialDate | None, dated: list[_Found]
) -> list[_Found]:
    """What was presented, shared or agreed at the occasion the article reports, told without a date."""
    dated_header = bool(layout.dateline_date) or any(has_date(line) for line in layout.header)
    in_order = sorted(dated, key=lambda found: (found.start, found.anniversary_day))
    news_date = _news_date([found.event for found in in_order], reference, dated_header)
    if not news_date:
        return []
    return [
        _Found(r.sentence.start, _event(news_date, r, r.countries))
        for r in read
        if not _event_mentions(r.mentions)
        and _at_the_occasion(r.sentence.text)
        # "... visited Bishkek on 12 May. The sides discussed ...": that day's occasion, told already
        and (not r.days_before or news_date in r.days_before)
    ]


def _without_repeats(found: list[_Found]) -> tuple[Event, ...]:
    """The events in the article's order, an anniversary's day only when nothing else happened on it."""
    happenings = [f for f in found if not f.anniversary_day]
    days = [f for f in found if f.anniversary_day and not _happened_then(f.event, happenings)]
    return _distinct(f.event for f in sorted(happenings + days, key=lambda f: f.start))


def _happened_then(anniversary: Event, happenings: list[_Found]) -> bool:
    """'Turns one today' is the occasion; what happened at it ("presented a new app") is the event."""
    codes = {country.code for country in anniversary.countries}
    return any(
        found.event.date == anniversary.date and codes & {country.code for country in found.event.countries}
        for found in happenings
    )


def _at_the_occasion(sentence: str) -> bool:
    """An undated sentence telling what was presented, agreed or visited at the occasion reported;
    words quoted from a speaker tell what was said, not what happened."""
    sentence = _QUOTED.sub(" ", sentence)
    told = _tells_what_was_done(sentence) or _VISIT_VERB.search(sentence)
    ahead = re.search(r"\b(?:will|shall|would)\b", sentence)
    return bool(told) and not ahead and not _NOT_AT_OCCASION.search(sentence)


def _tells_what_was_done(sentence: str) -> bool:
    """'Agreed', 'presented' ..., or what someone did "during the meeting" (not what they were told)."""
    done_at_meeting = _AT_THE_MEETING.match(sentence) and not _PASSIVE.search(sentence)
    return bool(_MEETING_VERB.search(sentence) or done_at_meeting)


def _distinct(events) -> tuple[Event, ...]:
    """One event per date and set of countries: a second mention (a recap, more about the same visit)
    repeats the first, unless it tells what was presented, shared or agreed at the occasion, or one is
    a plan and the other done ("will open by the end of this year", "this year we have opened").
    "The ceremony on Wednesday was attended by ..." names the occasion again, whoever it adds, unless it
    tells what was done there ("The event gathered 150 participants")."""
    kept: list[Event] = []
    for event in events:
        codes = {country.code for country in event.countries}
        same_time = [o for o in kept if o.date == event.date and _is_plan(o) == _is_plan(event)]
        if same_time and _OCCASION_AGAIN.match(event.quote) and not _tells_what_was_done(event.quote):
            continue
        earlier = [codes <= {c.code for c in other.countries} for other in same_time]
        if any(earlier) and not (event.date.precision == "day" and _tells_what_was_done(event.quote)):
            continue
        kept.append(event)
    return tuple(kept)


def _is_plan(event: Event) -> bool:
    return tells_a_plan(event.quote)


def extract_seed_events(seed: Seed) -> tuple[Event, ...]:
    """The events of a seed whose front matter lists none, dated against its publication date."""
    return extract_text(seed.body, seed.published).events


def _yaml_scalar(value: str) -> str:
    return (
        yaml.safe_dump(
            value,
            default_style='"' if re.fullmatch(r"[\d-]+", value) else None,
            allow_unicode=True,
            width=10_000,
        )
        .removesuffix("\n...\n")
        .rstrip("\n")
    )


def front_matter_yaml(extraction: Extraction) -> str:
    """The seed's front matter, between '---' lines, for an editor to review and correct."""
    lines = ["---"]
    if extraction.title:
        lines.append(f"title: {_yaml_scalar(extraction.title)}")
    if extraction.publisher:
        lines.append(f"publisher: {_yaml_scalar(extraction.publisher)}")
    if extraction.published:
        lines.append(f"published: {_yaml_scalar(extraction.published.iso)}")
    if extraction.events:
        lines.append("events:")
    for event in extraction.events:
        lines.append(f"  - date: {_yaml_scalar(event.date.iso)}")
        lines.append(f"    title: {_yaml_scalar(event.title)}")
        if event.countries:
            lines.append(f"    countries: [{', '.join(country.code for country in event.countries)}]")
        lines.append(f"    quote: {_yaml_scalar(event.quote)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def extraction_json(extraction: Extraction) -> dict:
    return {
        "published": extraction.published.iso if extraction.published else None,
        "title": extraction.title,
        "publisher": extraction.publisher,
        "countries": [country.code for country in extraction.countries],
        "events": [
            {
                "date": event.date.iso,
                "precision": event.date.precision,
                "countries": [country.code for country in event.countries],
                "title": event.title,
                "quote": event.quote,
            }
            for event in extraction.events
        ],
    }


def extract_command(path: Path, published: str | None, output_format: str) -> int:
    """`python3 -m build_scripts extract FILE`: print what the text says, as JSON or seed front matter."""
    reference = None
    if published is not None:
        try:
            reference = PartialDate.parse(published)
        except ValueError as error:
            print(f"error: --published '{published}' is not a date: {error}", file=sys.stderr)
            return 2
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        print(f"error: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"error: cannot read {path}: it is not UTF-8 text", file=sys.stderr)
        return 1
    from build_scripts.read_seeds import SEED_SUFFIXES, read_seed_file

    if text.startswith("---") and path.suffix in SEED_SUFFIXES:
        seed_file, problems = read_seed_file(path)
        if seed_file is None:
            print(problems[0], file=sys.stderr)
            return 1
        text = seed_file.body
    extraction = extract_text(text, reference)
    if output_format == "yaml":
        sys.stdout.write(front_matter_yaml(extraction))
    else:
        print(json.dumps(extraction_json(extraction), ensure_ascii=False, indent=2))
    return 0
