"""The events of a raw article: one per date a body sentence gives, and what was done at the
occasion it reports; with the citation its layout gives, the article's whole extraction."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from build_scripts.extract import word_lists
from build_scripts.extract.address import address_date, publisher_by_address
from build_scripts.extract.countries import continuation_opener, countries_in, leading_phrase
from build_scripts.extract.dates import (
    QUOTED,
    DateMention,
    dates_the_origin,
    find_dates,
    refines,
    speaks_of_future,
    tells_a_plan,
    written_dates,
)
from build_scripts.extract.layout import Layout, Sentence, find_publisher, parse_layout
from build_scripts.extract.published import day_called_today, day_of_the_act, has_date, publication_date
from build_scripts.model import Country, Event, PartialDate, Seed

# "(Photo: GovTech, 2021)" inside a sentence: its date dates the picture
_INLINE_CREDIT = re.compile(r"[(\[]\s*(?:photo|picture|image|source|credit)s?\s*:[^)\]]*[)\]]", re.IGNORECASE)
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
# What followed at the occasion ("then met the staff", "After viewing the centre, he met ...") goes on
# with the occasion told already; it is no new happening (what was agreed "following the meeting" is one)
_AFTERWARDS = re.compile(r"\bthen\b|^After\s+\w+ing\b")
_PASSIVE = re.compile(r"\b(?:was|were)\s+\w+ed\b")
_ENGLISH = re.compile(r"\b(?:the|of|and|to|is|was|has|have|were|are|with|for)\b", re.IGNORECASE)
_LABEL_WORDS = 3  # "Participants:", "Key facts:": a label, not a sentence introducing a list
_LEAD_WORDS = 8  # fewer make a dateline or a line of page furniture ("Tashkent, Uzbekistan (Dunyo IA).")
# What is ongoing ("is being shared"), has been over time ("delegations have visited"), had been done
# before ("the 500 others who had applied") or told of another time ("Recently, ...") happened at no occasion
_NOT_AT_OCCASION = re.compile(
    r"\b(?:is|are)\s+being\s+\w+ed\b|\b(?:has|have|had)\s+(?:\w+ly\s+|also\s+|already\s+)?\w+ed\b|"
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


def _without_credits(sentence: str) -> str:
    """The sentence with "(Photo: ..., 2021)" blanked out, so that date offsets stay those of the quote."""
    return _INLINE_CREDIT.sub(lambda match: " " * len(match.group()), sentence)


def _event_title(sentence: str, mentions: list[DateMention]) -> str:
    """A short headline from the sentence: date phrases out, first clause, at most 12 words."""
    text = sentence
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        if re.search(r"anniversary|turn", text[mention.start : mention.end], re.IGNORECASE):
            continue  # "marks its 10th anniversary" is what happened, not when
        before = re.sub(rf"(?<!\w)(?:{_DATE_PREPOSITIONS})\s+$", "", text[: mention.start], flags=re.I)
        text = before + text[mention.end :]
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = re.sub(r",(?:\s*,)+", ",", text)  # "inaugurada ontem, 17 de Dezembro, em" leaves one comma
    text = text.lstrip(" ,.;:-–—")  # "15 June: The portal opens" is about what follows its date
    text = re.split(r"[;:]|,\s+(?:which|who|where|when|while|including)\b|\s[–—]\s", text)[0]
    text = text.strip(" ,.;:-–—\"“”'")
    words = text.split()
    if len(words) > 12:
        text = " ".join(words[:12]).rstrip(",;:") + "…"
    return text[:1].upper() + text[1:] if text else "Event"


# The words that lead into a date and go with it out of a title: "on", "nesta" ("nesta segunda-feira"), "в"
_DATE_PREPOSITIONS = "|".join(
    re.escape(word)
    for word in sorted(word_lists.names()["dates"]["date_prepositions"], key=len, reverse=True)
)

_Lookup = Callable[[str], tuple[Country, ...]]


def _countries_lookup(article: str) -> _Lookup:
    """The countries a part of the article names, the article settling 'Georgia'; each part is looked up
    once per extraction, though asked about again (a section heading for each of its sentences, a
    sentence for its paragraph and for the article)."""
    return cache(lambda text: countries_in(text, article))


def _clause_countries(sentence: str, mention: DateMention, countries_of: _Lookup) -> tuple[Country, ...]:
    """The countries of the clause that holds the date ("..., and opened its first centre in 2016")."""
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    if phrase := leading_phrase().match(sentence):  # "After retiring in 2001, she advised Fiji"
        bounds.append(phrase.end())
    start = max(b for b in bounds if b <= mention.start)
    end = min(b for b in bounds if b >= mention.end)
    if phrase and end <= phrase.end():
        return countries_of(sentence[start:end])
    return countries_of(sentence[start:end]) or countries_of(_topic(sentence))


def _topic(sentence: str) -> str:
    """Where a sentence says what it is about: "In Nigeria," or its first words ("Peru's MAC centres ...");
    a clause that names no country of its own is about that one."""
    if located := _LOCATED_IN.match(sentence):
        return located.group()
    return " ".join(sentence.split()[:_TOPIC_WORDS])


def _main_country(title: str, layout: Layout, countries_of: _Lookup) -> Country | None:
    counts: Counter[str] = Counter()
    first: dict[str, Country] = {}
    for weight, text in [(2, title), (2, layout.dateline)] + [(1, s.text) for s in layout.body]:
        for country in countries_of(text):
            counts[country.code] += weight
            first.setdefault(country.code, country)
    if not counts:
        return None
    best = max(counts.values())
    return next(country for code, country in first.items() if counts[code] == best)


def _news_date(
    events: list[Event], reference: PartialDate | None, dated_header: bool, dateline_day: PartialDate | None
) -> PartialDate | None:
    """The day the article reports on: its first day-precise event in the month before the reference,
    else the day its dateline writes ("Chișinău, 5 octombrie, 2015."), else the reference's when a
    dateline or stamp dates the article."""
    if reference is None or reference.precision != "day":
        return None
    day = datetime.date(reference.year, reference.month, reference.day)
    for event in events:
        if event.date.precision == "day":
            gap = day - datetime.date(event.date.year, event.date.month, event.date.day)
            if 0 <= gap.days <= 31:
                return event.date
    return (dateline_day or reference) if dated_header else None


def extract_text(
    text: str,
    published: PartialDate | None = None,
    url: str = "",
    publishers: Mapping[str, str] | None = None,
) -> Extraction:
    """What the text says, dated against `published` when given; the page's address `url`, when given,
    may date it and name its site, by the names `publishers` (site to publisher) the corpus gives."""
    layout = parse_layout(text)
    lead = [sentence.text for sentence in layout.lead]
    reference = published or _most_precise(
        address_date(url),
        publication_date([layout.dateline_date, *layout.header, *layout.trailer]),
        day_called_today(lead),
        day_of_the_act(lead[0]) if lead else None,
    )
    countries_of = _countries_lookup(text)
    read = _read_sentences(layout, reference, countries_of)
    dated = _dated_events(read, countries_of)
    events = _without_repeats(dated + _occasion_events(read, layout, reference, dated))
    return Extraction(
        published=reference,
        title=layout.title,
        publisher=publisher_by_address(url, publishers or {}, find_publisher(layout)),
        countries=_article_countries(layout, countries_of),
        events=tuple(_as_planned_if_ahead(event, reference) for event in events),
    )


def _most_precise(*dates: PartialDate | None) -> PartialDate | None:
    """The first date given, made more precise by a later one that falls within it: the address's
    "/2015/06/" gives way to a stamp's "Jun 27, 2015"; a "March 2020" stamp does not give way to a
    lead's "Today, 12 March 2019", which then tells of another day."""
    given = [date for date in dates if date is not None]
    best = given[0] if given else None
    for date in given[1:]:
        if refines(date, best):
            best = date
    return best


def _as_planned_if_ahead(event: Event, published: PartialDate | None) -> Event:
    """What the text dates after its own publication can only be a plan; what its sentence tells as
    ahead ("will open ... this year", "is expected to open in 2024") is one unless dated before it."""
    after = published is not None and event.date.compare(published) > 0
    ahead = tells_a_plan(event.quote) and (published is None or event.date.compare(published) >= 0)
    return replace(event, status="planned") if after or ahead else event


@dataclass(frozen=True)
class _ReadSentence:
    """A body sentence with its dates and the countries it is about."""

    sentence: Sentence
    mentions: list[DateMention]
    countries: tuple[Country, ...]  # those it names, else its context's
    context: tuple[Country, ...]  # its section's, paragraph's or previous sentence's, else the article's
    days_before: frozenset[PartialDate]  # the days earlier sentences of its paragraph date


@dataclass(frozen=True)
class _Found:
    start: int  # where its sentence stands, to keep the article's order
    event: Event
    anniversary_day: bool = False


def _article_countries(layout: Layout, countries_of: _Lookup) -> tuple[Country, ...]:
    countries: dict[str, Country] = {}
    body = [sentence.text for sentence in layout.body]
    for part in [layout.title, layout.dateline, *layout.header, *body, *layout.boilerplate]:
        for country in countries_of(part):
            countries.setdefault(country.code, country)
    return tuple(sorted(countries.values(), key=lambda country: country.code))


def _event_mentions(mentions: list[DateMention]) -> list[DateMention]:
    return [mention for mention in mentions if mention.date is not None and not mention.anchor]


def _read_sentences(
    layout: Layout, reference: PartialDate | None, countries_of: _Lookup
) -> list[_ReadSentence]:
    """Each body sentence's dates, and the countries it is about, carried over from its paragraph."""
    main = _main_country(layout.title, layout, countries_of)
    read: list[_ReadSentence] = []
    previous: tuple[Country, ...] = ()
    paragraph, paragraph_topic, days, last_date = -1, (), frozenset(), None
    for sentence in layout.body:
        if sentence.paragraph != paragraph:
            paragraph, paragraph_topic, days, last_date = sentence.paragraph, (), frozenset(), None
        mentions = find_dates(_without_credits(sentence.text), reference, last_date, sentence.lead_in)
        last_date = next((m.date for m in reversed(_event_mentions(mentions))), last_date)
        section = countries_of(sentence.section) or ((main,) if main else ())
        context = _context_countries(sentence.text, section, paragraph_topic, previous)
        paragraph_topic = countries_of(_topic(sentence.text)) or paragraph_topic
        previous = countries_of(sentence.text) or context
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


def _dated_events(read: list[_ReadSentence], countries_of: _Lookup) -> list[_Found]:
    """One event per date a sentence gives, in the countries of the clause that holds it."""
    article_dates = [m.date for r in read for m in r.mentions if m.date and not (m.anchor or m.counted_back)]
    found = []
    for r in read:
        for date, mention in {m.date: m for m in reversed(_event_mentions(r.mentions))}.items():
            if mention.counted_back and any(dates_the_origin(other, date) for other in article_dates):
                continue  # "the 10th anniversary" of a founding the article dates itself
            countries = _clause_countries(r.sentence.text, mention, countries_of) or r.context
            found.append(_Found(r.sentence.start, _event(date, r, countries), mention.anniversary_day))
    return found


def _event(date: PartialDate, read: _ReadSentence, countries: tuple[Country, ...]) -> Event:
    text = read.sentence.text
    return Event(date, _event_title(text, read.mentions), countries, text, origin="extracted")


def _occasion_events(
    read: list[_ReadSentence], layout: Layout, reference: PartialDate | None, dated: list[_Found]
) -> list[_Found]:
    """What was presented, shared or agreed at the occasion the article reports, told without a date."""
    dated_header = bool(layout.dateline_date) or any(has_date(line) for line in layout.header)
    in_order = sorted(dated, key=lambda found: (found.start, found.anniversary_day))
    dateline_days = [day for day in written_dates(layout.dateline_date, reference) if day.precision == "day"]
    news_date = _news_date(
        [found.event for found in in_order],
        reference,
        dated_header,
        dateline_days[0] if dateline_days else None,
    )
    if not news_date:
        return []
    return [
        _Found(r.sentence.start, _event(news_date, r, r.countries))
        for number, r in enumerate(read)
        if not _event_mentions(r.mentions)
        and not _in_a_list(read, number)
        and (
            _at_the_occasion(r.sentence.text)
            or (number == 0 and not r.mentions and _lead_tells_the_news(r.sentence.text))
        )
        # "... visited Bishkek on 12 May. The sides discussed ...": that day's occasion, told already
        and (not r.days_before or news_date in r.days_before)
    ]


def _in_a_list(read: list[_ReadSentence], number: int) -> bool:
    """An item of a list ("MPay, presented by ...;") after the sentence that introduces it ("... the
    following services:"): the items tell what that sentence tells, not new happenings. A label
    ("Participants:") introduces no list of happenings."""
    text = read[number].sentence.text.rstrip()
    before = read[number - 1].sentence.text.rstrip() if number else ""
    introduced = before.endswith(":") and len(before.split()) > _LABEL_WORDS
    return text.endswith(";") or before.endswith(";") or introduced


def _lead_tells_the_news(sentence: str) -> bool:
    """The article's first sentence, undated, tells what happened on the day its dateline or stamp gives
    ("BAKU, July 29 ... Ilham Aliyev has attended the opening of ..."), unless it looks ahead."""
    sentence = QUOTED.sub(" ", sentence)
    if sentence.rstrip().endswith("?"):  # a blog's opening question tells no news
        return False
    done = re.search(r"\b(?:has|have|was|were)\s+(?:\w+\s+)?\w+(?:ed|en|un|ought|t)\b|\b\w{3,}ed\b", sentence)
    return (
        bool(done or _in_another_language(sentence))
        and not speaks_of_future(sentence)
        and not _NOT_AT_OCCASION.search(sentence.replace("has ", "", 1))
    )


def _in_another_language(sentence: str) -> bool:
    """A sentence of some length without English's small words: its tenses are not read here, so an undated
    lead in another language is taken to tell the day's news ("Кыргызстанда ... порталы ишке кирди")."""
    return len(sentence.split()) >= _LEAD_WORDS and not _ENGLISH.search(sentence)


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
    sentence = QUOTED.sub(" ", sentence)
    told = _tells_what_was_done(sentence) or _VISIT_VERB.search(sentence)
    ahead = re.search(r"\b(?:will|shall|would)\b", sentence)
    return (
        bool(told)
        and not ahead
        and not _NOT_AT_OCCASION.search(sentence)
        and not _AFTERWARDS.search(sentence)
    )


def _tells_what_was_done(sentence: str) -> bool:
    """'Agreed', 'presented' ..., or what someone did "during the meeting" (not what they were told)."""
    done_at_meeting = _AT_THE_MEETING.match(sentence) and not _PASSIVE.search(sentence)
    return bool(_MEETING_VERB.search(sentence) or done_at_meeting)


def _distinct(events) -> tuple[Event, ...]:
    """One event per date and set of countries: a second mention (a recap, more about the same visit, the
    same sentence again) repeats the first, unless it tells what was presented, shared or agreed at the occasion, or one is
    a plan and the other done ("will open by the end of this year", "this year we have opened").
    "The ceremony on Wednesday was attended by ..." names the occasion again, whoever it adds, unless it
    tells what was done there ("The event gathered 150 participants")."""
    kept: list[Event] = []
    for event in events:
        codes = {country.code for country in event.countries}
        same_time = [o for o in kept if o.date == event.date and _is_plan(o) == _is_plan(event)]
        if any(other.quote == event.quote for other in same_time):
            continue  # the page repeats the sentence (a caption, a teaser above the text)
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
