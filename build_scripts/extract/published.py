"""The publication date of a raw article, from its stamps, dateline and the lines at its top.

A full date in a header, dateline or labelled stamp ("Last updated: February 14, 2024", "This page
was last edited on 3 October 2023", "Source: Xinhua| 2019-05-16") beats a year-only guess such as
"Tags: WGS 2023"; among equally precise dates a 'Published' stamp beats others, an 'Updated' one comes last.
"""

from __future__ import annotations

import re

from build_scripts.extract import word_lists
from build_scripts.extract.dates import MONTH, QUOTED, DateMention, find_dates, without_dates, written_dates
from build_scripts.extract.relative import foreign_weekday_pattern, today_pattern
from build_scripts.model import PartialDate

META_PREFIX = re.compile(
    r"^\s*[-–—(\[©]*\s*(?:source|sources|quelle|by\b|written\s+by|posted|published|updated|photo|tags|"
    r"this\s+(?:article|story|post)\s+(?:was|is|first|originally)|(?:first|originally)\s+published|"
    r"copyright|reporting\s+by|editing\s+by|autor|author|please\s+visit|bitte|for\s+more\s+information|"
    r"contact|press\s+service|press\s+release|announced|issued|edited|last\s+modified|©|c\)|"
    r"(?:this\s+page\s+was\s+)?last\s+(?:edited|updated|modified|reviewed)|date\s*:)",
    re.IGNORECASE,
)
_STAMP_LIKE = re.compile(r"\s*\(|" + META_PREFIX.pattern, re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"^\W*(?:published|posted|announced|issued|first\s+published)\b", re.IGNORECASE)
_UPDATED_LABEL = re.compile(
    r"^\W*(?:(?:this\s+page\s+was\s+)?last\s+)?(?:updated|edited|modified|reviewed)\b", re.IGNORECASE
)
# The day a site prints for a time stamp of zero, its placeholder for a date it lost ("06:00 / 1970-01-01")
_UNIX_EPOCH = PartialDate(1970, 1, 1)
_DAY_AND_MONTH = re.compile(rf"\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}")


# What a time stamp says beside its date: a time and its zone ("17h38", "19:04 (UTC +04:00)", "9:12 am")
_TIME = re.compile(
    r"\b\d{1,2}(?:[:.h]\d\d){1,2}\b|\b[ap]\.?m\b\.?|\(?\b(?:UTC|GMT|[A-Z]{2,4}T)\s*(?:[+-]\s*\d{1,2}(?::\d\d)?)?\)?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[-•*·▪–]\s+")
# "The hall opened on 2 May 2012.": a sentence, with its words in small letters and its full stop
_SENTENCE = re.compile(r"^(?=.*\b[a-z]{3,}\b).*[.!?][\"'”’)]*\s*$")
_WEEKDAY = re.compile(
    rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|{foreign_weekday_pattern()}",
    re.IGNORECASE,
)
_FIELD_LABEL = re.compile(r"^\W*[^\W\d][\w ]{0,30}:\s")
# A stamp's other words: a weekday in another language, a label, a site's or section's name, a place
STAMP_WORDS = 5


def is_date_stamp(line: str) -> bool:
    """A line that is a full date and little else: a weekday, a time, a label or a site's name
    ("sex, 28/05/2004 - 17h38 | Do Portal do Governo", "• May 18,2016", "Business Materials 15 November
    2008 19:04 (UTC +04:00)"); a sentence that holds a date is none."""
    if _SENTENCE.match(line) or not any(date.precision == "day" for date in written_dates(line, None)):
        return False
    if _FIELD_LABEL.match(line) and not META_PREFIX.match(_BULLET.sub("", line)):
        return False  # "- Released: February 6, 2020": a fact box's field dates what it names
    rest = _TIME.sub(" ", without_dates(_BULLET.sub("", line)))
    return len(re.findall(r"[^\W\d_][\w.'’-]*", rest)) <= STAMP_WORDS


def has_date(line: str) -> bool:
    """A written date, full or without its year ("Sept. 14"); relative words do not count."""
    if any(mention.date for mention in find_dates(line, None)) or _DAY_AND_MONTH.search(line):
        return True
    return bool(_STAMP_LIKE.match(line) and written_dates(line, None))  # "Updated: ...", "(PTI, May 2006)"


def _is_day_of_viewing(line: str) -> bool:
    """A weekday and a date and nothing else ("Friday March 29 2024", "Четверг, 28 марта 2024"): a site's
    date of the day at the top of every page, unless no other stamp dates the article."""
    weekday = _WEEKDAY.search(line)
    return bool(weekday) and not re.search(
        r"[^\W\d_]", _WEEKDAY.sub(" ", _TIME.sub(" ", without_dates(line)))
    )


def _stamp_rank(line: str) -> int:
    """'Published:' and 'Posted' stamps come first, 'Updated:' ones next to last, a site's date of the day
    last."""
    if _PUBLISHED_LABEL.match(line):
        return 0
    if _is_day_of_viewing(line):
        return 3
    return 2 if _UPDATED_LABEL.match(line) else 1


def _precision(date: PartialDate) -> int:
    return len(date.iso)


# "Today, 25 October 2021, a delegation ...", "Сьогодні, 24 грудня 2021 року, ...": the lead names its day
_TODAY_THEN_DATE = re.compile(rf"{today_pattern()}\s*[,(–—-]?\s*(?:(?i:on|the)\s+)?")
# The date set off after "today" as its apposition, its year's word ("року", "года") before the comma;
# a date the clause goes on with is another day ("Until today, 1 June 2020 was our busiest day")
_APPOSITION_END = re.compile(r"\s*(?:року|р\.|года|г\.)?\s*(?:[,)–—-]|$)")


def _day_opening(text: str) -> DateMention | None:
    """The full date, to the day, that the text starts with."""
    dates = find_dates(text, None)
    opening = dates[0] if dates and dates[0].start == 0 else None
    return opening if opening and opening.date and opening.date.precision == "day" else None


def day_called_today(lead: list[str]) -> PartialDate | None:
    """The full date a lead sentence sets off right after its "today": the day the article was written;
    a speaker's "today" in quotation marks is the day the speaker spoke of."""
    for sentence in lead:
        sentence = QUOTED.sub(lambda quoted: " " * len(quoted.group()), sentence)
        for today in _TODAY_THEN_DATE.finditer(sentence):
            rest = sentence[today.end() :]
            if (day := _day_opening(rest)) and _APPOSITION_END.match(rest, day.end):
                return day.date
    return None


# A legal act's heading, opening its text with the act's own date and number: "The Law of the Republic of
# Kazakhstan dated 15 April, 2013 No. 88-V.", "Order of the Chairman of the Agency ... dated December 8,
# 2016 No. 78."; a database's page of the act has no date of its own. The heading is a sentence of its own,
# ending with the number (and maybe the act's title or a note of its amendments): a sentence that goes on
# ("The Decree of the President dated 5 March 2019 No. 5 set up the centres") cites the act
_ACT_HEADING = re.compile(
    rf"^(?:The\s+)?(?:{'|'.join(word_lists.names()['dates']['law_names'])}|Order|Decision)\b[^.;]*?\bdated\s+"
)
_ACT_NUMBER = re.compile(
    r"""\s*(?:No\.?|№)\s*\w[\w./-]*(?:\s+["“«][^"”»]*["”»])?(?:\s*\([^()]*\))?\s*[.;]?\s*$"""
)


def day_of_the_act(first_sentence: str) -> PartialDate | None:
    """The day a legal act is dated in the heading that opens its text, before its number."""
    heading = _ACT_HEADING.match(first_sentence)
    day = _day_opening(first_sentence[heading.end() :]) if heading else None
    return day.date if day and _ACT_NUMBER.match(first_sentence, heading.end() + day.end) else None


def _stamped_dates(line: str, reference: PartialDate | None) -> list[PartialDate]:
    return [date for date in written_dates(line, reference) if date != _UNIX_EPOCH]


def publication_date(candidates: list[str]) -> PartialDate | None:
    """The most precise date of the candidate lines (dateline, header, top lines, stamps, trailer);
    "Sept. 14" takes a year found elsewhere ("2024-02-07T11:42:05Z")."""
    dated = [line for line in candidates if has_date(line)]
    years = [date.year for line in dated for date in _stamped_dates(line, None)]
    best: tuple[int, int, int, PartialDate] | None = None
    for order, line in enumerate(dated):
        found = _stamped_dates(line, None)
        if not found and years:  # "Sept. 14" with the year of "ATA, 2017"
            found = _stamped_dates(line, PartialDate(years[0], 12, 31))[:1]
        if not found:
            continue
        date = max(found, key=_precision)
        key = (-_precision(date), _stamp_rank(line), order, date)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best else None
