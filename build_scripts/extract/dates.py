"""Date expressions in one sentence, resolved against a reference date at their true precision.

A mention is either an event date or a date that dates nothing new: a period ("since 2019",
"the results of 2019", "2005-2007"), a target ("by 2031"), or the anchor of an anniversary.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

from build_scripts.extract import word_lists
from build_scripts.extract.relative import (
    day_in_brackets,
    day_nearest,
    day_number,
    day_without_year,
    foreign_meaning,
    foreign_month_pattern,
    foreign_relative_pattern,
    foreign_weekday_name,
    foreign_weekday_pattern,
    foreign_weekday_words,
    foreign_year_pattern,
    month_number,
    month_without_year,
    relative_date,
    safe_date,
    shifted_date,
    time_ago,
    weekday_date,
    with_relative_year,
)
from build_scripts.model import PartialDate

_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50}
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
} | {"twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}

MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    # "Aug." keeps its dot: "Aug. 23" is a day
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    # wire stamps in capitals: "12 JAN 2023"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?![a-zA-Z])\.?+|" + foreign_month_pattern() + ")"
    # and in the pages' other languages: "17 марта 2009", "25 de fevereiro de 2013", "14 yanvar 2026"
)
# A month in small letters, read only between a day and a year ("8 july 2010"): alone it is a word ("may")
_SMALL_MONTH = rf"(?:{'|'.join(name.lower() for name in calendar.month_name[1:])})(?![a-z])"
# Not "1990s", "2005-07", "forum2025@", "report_2019.pdf", "Regulation (EU) 2018/1724"
YEAR = r"(?:19\d\d|20\d\d)(?![\d,]\d|s\b|\s*[-–/]\s*(?:19|20)?\d\d\b(?!:)|/\d|[\w@]|\.[a-z])"
# "21-22", and "9 to 13" ("held from 9 to 13 December"): a range starts on its first day
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:(?:\s*[-–]\s*|\s+to\s+)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
_COUNT = r"\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))

_DIRECTION = r"this|last|next|past|previous|coming|current|present|same|following|preceding"
# "of" as the Spanish and Portuguese write it in a date: "15 de julio de 2005", "agosto de 2012"
_OF = r"(?:of|de|del)"
# What follows a year written first: "2012 წლის" (Georgian), "2005-ci il", "2025-ci ilin" (Azerbaijani)
_YEAR_WORD = r"წლის|ilin|il|жылғы|year"

# Before a month in the pages' other languages: "em agosto", "en octubre", "в августе", "desde marzo"
_FOREIGN_MONTH_PREP = r"em|en|no|na|в|во|у|desde|hasta|até"
_FOREIGN_PERIOD_PREP = {"desde", "hasta", "até"}

# "3 March this year", "May of the present year": one date
_RELATIVE_YEAR = rf",?\s+(?i:(?:of\s+)?(?:the\s+)?(?:{_DIRECTION})\s+year)\b"

_PATTERN = re.compile(
    rf"""
    (?P<iso>(?<![\d.])(?P<iso_y>\d{{4}})(?P<iso_sep>[-/.])(?P<iso_m>\d\d?)(?P=iso_sep)(?P<iso_d>\d\d?)(?!\d))
  | (?P<numeric>(?<![\d.,])(?P<num_a>\d{{1,2}})(?P<num_sep>[./-])(?P<num_b>\d{{1,2}})(?P=num_sep)
        (?P<num_y>(?:19|20)\d\d)(?!\d))  # "05.01.2018", "28/05/2004", "07-08-2020"
  # the year first, as in Georgian and Azerbaijani: "2012 წლის 12 ივნისს", "2005-ci il dekabrın 19-da"
  | (?P<ydm>(?P<ydm_y>{YEAR})(?:-[^\W\d_]{{1,3}})?\s+(?:{_YEAR_WORD})\s+
        (?:(?P<ydm_d>{DAY})(?:\s?-?[^\W\d_]{{1,3}})?\s+(?P<ydm_m>{MONTH})|(?P<ydm_m2>{MONTH})\s+(?P<ydm_d2>{DAY})))
  | (?P<relyear>(?:(?P<ry_d>{DAY})\s+(?:of\s+)?)?(?P<ry_m>{MONTH})(?:\s+(?P<ry_d2>{DAY}))?,?\s+
        (?i:(?:of\s+)?(?:the\s+)?(?P<ry_dir>{_DIRECTION})\s+year)\b)
  # "julho deste ano", "marzo de este año", "октябре этого года"
  | (?P<foreign_relyear>(?:(?<![\d,.])(?P<fry_d>{DAY})\s+(?:de\s+)?)?(?P<fry_m>{MONTH})\s+(?P<fry_year>{foreign_year_pattern()}))
  | (?P<month_range>(?P<mr_first>{MONTH})\s*[-–—/]\s*(?P<mr_last>{MONTH}),?\s+(?P<mr_y>{YEAR}))
  # "July 24/2024", "May 18,2016", "Marzo 15 de 2010"
  | (?P<mdy>(?P<mdy_m>{MONTH}|{_SMALL_MONTH}),?\s+(?P<mdy_d>{DAY})(?:,\s*|\s+(?:de\s+)?|/)(?P<mdy_y>{YEAR}))
  | (?P<dmy>(?P<dmy_d>{DAY})\s+(?:{_OF}\s+)?(?P<dmy_m>{MONTH}|{_SMALL_MONTH}),?\s+(?:{_OF}\s+)?(?P<dmy_y>{YEAR}))
  | (?P<my>(?P<my_m>{MONTH})(?:\s+(?:{_OF}|in))?,?\s+(?P<my_y>{YEAR}))  # "December of 2013", "December in 2013"
  | (?P<md>(?P<md_m>{MONTH})\s+(?P<md_d>{DAY})(?![\d,]?\d))
  # "16-декабрда", "14-yanvar": the Turkic languages join the day to its month with a hyphen
  | (?P<dm>(?<![\d,.])(?P<dm_d>{DAY})(?:\s+(?:{_OF}\s+)?|-(?={foreign_month_pattern()}))(?P<dm_m>{MONTH}))
  | (?P<relmonth>(?i:(?P<rel_dir>last|this|next|past|previous|coming)\s+)(?P<rel_m>{MONTH}))
  | (?P<month>(?P<month_prep>(?<!\w)(?i:in|on|since|by|from|until|till|during|early|late|mid-?|of|for|{_FOREIGN_MONTH_PREP})\s+)
        (?:(?i:the\ )?(?i:end|beginning|middle|start)\ of\s+)?(?P<month_m>(?!May\b){MONTH}|May(?=[\s,.;]|$))
        (?!\s*[-–]\s*{MONTH}|,?\s+(?:{_OF}\s+)?(?:{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\b)|\s+in\s+{YEAR}|{_RELATIVE_YEAR}|
            \s+{foreign_year_pattern()})
    )
  | (?P<bare_month>(?<![-–])\b
        (?P<bare_m>January|February|March|April|June|July|August|September|October|November|December)
        \b(?!\s*[-–]\s*{MONTH}|{_RELATIVE_YEAR}))
  | (?P<agomonth>(?i:(?P<am_n>{_COUNT}|a|an)\s+(?P<am_unit>years?|decades?)\s+ago),?\s+(?i:in\s+)
        (?P<am_m>{MONTH}))
  | (?P<ago>(?i:(?P<ago_n>{_COUNT}|a|an)\s+(?P<ago_unit>days?|weeks?|months?|years?|decades?)\s+ago))
  | (?P<anniversary>(?i:(?P<ann_n>{_ORDINAL})\s+anniversary))
  # "marks 11 years", "completes 25 years"
  | (?P<years_since>(?i:\b(?:mark(?:s|ed|ing)?|complet(?:es|ed|ing)|celebrat(?:es|ed|ing))\s+
        (?P<ys_marks>{_COUNT})\s+years\b|
        # "10-year anniversary", "5 years since" (not "since 2013": a period)
        (?P<ys_n>{_COUNT})[-\s]years?\s+(?:anniversary|since(?!\s+(?:19|20)\d\d))\b))
  | (?P<turns>(?i:\bturn(?:s|ed)?\s+(?P<turns_n>{_COUNT})\b)(?!\s*(?:%|percent|per\ cent|million|thousand)))
  | (?P<shifted>(?i:\b(?:the\s+(?:day|evening)\s+(?:before|after)|the\s+(?:previous|next|following)\s+day|
        a\s+day\s+(?:earlier|before|later)|the\s+(?:same|following|next|previous|preceding)\s+year|
        that\s+year|a\s+year\s+(?:later|earlier))\b))
  # "вчера", "hoje (8)", "nesta segunda-feira (26)", "в среду": a number in brackets is the day of the month
  | (?P<foreign_relative>(?P<fr_word>{foreign_relative_pattern()})(?:\s*\((?P<fr_day>\d{{1,2}})\))?)
  | (?P<foreign_weekday>(?P<fw_word>{foreign_weekday_pattern()})(?:\s*\((?P<fw_day>\d{{1,2}})\))?)
  | (?P<relative>(?i:\b(?P<rel_word>today|yesterday|tomorrow|tonight|
        (?:this|last|next|past|previous|coming|current)\s+
            (?:week|month|year|spring|summer|autumn|fall|winter)|
        the\s+(?:end|beginning|start|middle)\s+of\s+(?:this|the|next|last)\s+year|
        (?:earlier|later)\s+this\s+year)\b))
  | (?P<quarter>(?i:\b(?:in|during|over|for)\s+the\s+(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+
        (?:quarter|half)\b(?:\s+of\s+(?:the|this)\s+year\b)?)(?!\s+of\b|,?\s+(?:19|20)\d\d))
  | (?P<weekday>\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
  | (?P<year>(?:(?<=mid-)|(?<=FY)|(?<![\w.,/–@-]))  # "mid-2015", "FY2021", not "forum2025"
        (?P<year_y>{YEAR}))
    """,
    re.VERBOSE,
)

# "February–March 2020" is one happening in its first month; "January–December 2022" a reporting period
_LONGEST_MONTH_SPAN = 2

# What stands before a year or month when it dates a period or a target, not an event.
_PERIOD_BEFORE = re.compile(
    r"(?i:\b(?:since|by|through|throughout|until|till)\s+(?:the\s+)?"
    r"(?:end\s+of\s+|year\s+|mid-|early\s+|late\s+)?$|"
    r"\b(?:results|figures|statistics|data|report|outcomes?|performance|summary|budget|plan|goals?|targets?|"
    r"objectives?|horizon)\s+"
    # "results of 2019", "... of the year 2019", "... of nine months of 2022", "... of the first half of 2021"
    r"(?:of|for)\s+(?:the\s+)?(?:(?:year|(?:first\s+)?\w+\s+(?:months|quarters)|\w+\s+(?:quarter|half))"
    r"\s+of\s+)?$|\b(?:fiscal|financial|budget)\s+year\s+$)"
)
_PERIOD_AFTER = re.compile(r"^\s*(?:budget|fiscal|financial year)\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(
    r"\b(?!(?:In|On|By|Since|From|Until|Of|During|Early|Late|For|Spring|Summer|Autumn|"
    r"Fall|Winter|Mid|Between|And|Before|After|Also|Then|As|At)\b)[A-Z][A-Za-z]+\s+$"
)
_COUNTED_AFTER = re.compile(
    r"^\s+(?:people|persons|citizens|services|applications|units|centres|centers|employees|staff|"
    r"officials|visitors|users|villages|offices)\b"
)


def _words(kind: str) -> str:
    """A word class of the names file as a regex alternation, longest phrase first."""
    words = word_lists.names()["dates"][kind]
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# lower case only: "the e-Governance Plan" speaks of no future
_FUTURE = re.compile(rf"\b(?:{_words('future_markers')}|\w{{2,}}(?:{_words('future_endings')}))\b")
_WINDOW = re.compile(rf"\b(?:{_words('window_words')})\b", re.IGNORECASE)
_AVAILABLE = re.compile(rf"\b(?:{_words('availability_words')})\b")
_HABITUAL = re.compile(rf"\b(?:{_words('habitual_verbs')})\b", re.IGNORECASE)
# A year that names a plan rather than dating it: "the Digital Uzbekistan – 2030 strategy"
_PERSONAL_SUBJECT = re.compile(rf"\b(?:{_words('personal_subjects')})\b")
_SEASON = re.compile(r"(?:spring|summer|autumn|fall|winter)$", re.IGNORECASE)
_PLAN_AFTER = re.compile(rf"^\s*(?:{_words('plan_names')})\b", re.IGNORECASE)
# A year in a law's title or a number after "No.": "the Companies Act, 1956", "Resolution No. 2019"
# or an act's number and year as the Spanish write it: "Ley 1712 de 2014", "Documento Conpes 3248 de 2003"
_TITLE_BEFORE = re.compile(
    rf"\b(?:(?:{_words('law_names')})(?:\s+[\"“][^\"”]{{1,80}}[\"”])?,?\s+(?:of\s+)?|"
    r"No\.?\s*|№\s*|#|[A-Z]\w*\s+\d{1,5}\s+de\s+)$"
)
_PUBLICATION_AFTER = re.compile(
    rf"^(?:\s+[A-Z][\w-]*){{0,4}}\s+(?:{_words('publication_names')})\b", re.IGNORECASE
)
# "this year's winners", "2019's report": the date qualifies a noun, it dates no happening
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_STAMP_BEFORE = re.compile(rf"^\W*(?:{_words('stamp_labels')})\W*(?:on\s+)?$", re.IGNORECASE)
# A past tense or participle: "opened", "made", "held"
_PAST_FORM = rf"\w{{3,}}ed|{_words('irregular_past_verbs')}"
_PAST_VERB = re.compile(rf"\b(?:was|were|had|has been|have been|did|{_PAST_FORM})\b", re.IGNORECASE)
# "will be launched", "will be held" are ahead
_PASSIVE = re.compile(rf"\b(?:be|been|being)\s+(?:{_PAST_FORM})\b", re.IGNORECASE)
_LINK_BEFORE = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
# Years that close a period or name a source: "between 2015 and 2019", "January-December 2022", "(OECD, 2018)"
_RANGE_BEFORE = re.compile(
    rf"(?i:\bbetween\s+(?:\S+\s+){{0,3}}(?:and\s+)?$|\bfrom\s+(?:\S+\s+){{1,3}}(?:to|until|till|through)\s+$|"
    rf"\b(?:refers?|relates?|appl(?:y|ies))\s+to\s+(?:the\s+)?(?:year\s+)?$)|{MONTH}\s*[-–]\s*$|"
    r"\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\s*[-–]\s*$|"  # "(27/04/2016 - 21/04/2017)": a span's end
    r"\b(?:19|20)\d\d\s+[-–]\s+$|"  # "в 2006 - 2008 годах", "2018 - 2020": a span's last year
    r"\b[A-Z][a-z]+\s+to\s+$"  # the horizon of a title: "the National Policy for Modernization to 2030"
)
# A source cited in brackets, in any alphabet, with or without its comma and its pages: "(OECD, 2018)",
# "(Şahin 2016)", "(Odabaş, 2009:382-383)"
_SOURCE_BRACKET = (
    re.compile(r"\((?:(?P<source>[^\W\d_][\w&.' -]*?)(?:,\s*|\s+))?$"),
    re.compile(r"^(?:\s*:\s*\d+(?:\s*[-–]\s*\d+)?)?\s*[);]"),
)
# A standard's edition: "OHSAS 18001: 2007", "ISO 9001:2015", "ISO/IEC 27001:2013"
_STANDARD_BEFORE = re.compile(r"\b[A-Z][A-Z/]{1,10}\s*\d{3,5}(?:-\d+)?\s*:\s*$")
_PHONE_BEFORE = re.compile(
    r"(?:\+\d{1,3}|\b(?:tel|phone|fax|hotline)\b\D{0,15}\d+)(?:[\s().-]+\d+)*[\s().-]+$", re.IGNORECASE
)
# Opening hours: "Monday to Friday, 9:00-18:00", "Saturday 10-14"
_HOURS_AROUND = (
    re.compile(r"\w+day\s+(?:to|through|till|until|and|[-–])\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*(?:(?:to|through|till|until|[-–])\s*\w+day\b|"
        r",?\s*(?:from\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[-–]|to\b|am\b|pm\b|h\b))",
        re.IGNORECASE,
    ),
)
# "с понедельника по субботу", "de segunda a sexta": the second weekday of a week's opening hours
_FOREIGN_HOURS_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(sorted({re.escape(word[:4]) for word in foreign_weekday_words()}))})\w*(?:-feira)?"
    r"\s+(?:по|до|a|à|al|até|hasta|[-–])\s+$",
    re.IGNORECASE,
)
_EXPLICIT_DATE_AFTER = re.compile(
    rf"^,?\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_OF}\s+)?{MONTH}|{MONTH}\s+\d)"
)
_CLAUSE_START = re.compile(
    r";|,\s*(?:which|who|whose|where|so that|while|and|but)\b|\s(?:while|whereas)\s|"
    r"\s(?:and|but)\s+(?=(?:has|have|had|is|are|was|were|will|would|\w+ed)\b)"  # "... and has served"
)
_QUANTITY = re.compile(
    r"\d[\d.,]*\s*(?:(?:million|mln|thousand|billion|bn|percent|per\s+cent|minutes|hours|days)\b|%)|"
    r"\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)
# "In 2019 there were 120 centres": a count at a time, not a happening
# or a measure ("the share was 45%", "waiting time stood at 12 minutes")
_COUNTED_STATE = re.compile(
    r"\bthere\s+(?:was|were)\s+(?:\w+\s+){0,2}\d|"
    r"\b(?:was|were|stood\s+at|averaged)\s+(?:\w+\s+){0,2}\d[\d.,]*\s*"
    r"(?:%|percent|per\s+cent|minutes|hours|days)",
    re.IGNORECASE,
)
_THROUGHPUT_VERB = re.compile(
    r"\b(?:serve[ds]?|handle[ds]?|process(?:ed|es)?|provided?|issued?|receive[ds]?|recieved|rendered|"
    r"registered|recorded|delivered|reached|exceeded|totall?ed|amounted|grew|rose|increased|fell|dropped|"
    r"used|applied|submitted|filed|"
    r"surveyed|polled)\b",
    re.IGNORECASE,
)
_COUNT_AFTER_TODAY = re.compile(
    r",?\s+(?:there\s+(?:are|is)\b|\d|(?:more\s+than|over|about|around|almost|nearly|some)\b|"
    r"(?:hundreds|thousands|dozens|millions)\b)",
    re.IGNORECASE,
)
# A date compared against: "12% more than a year earlier", "up from 40 percent two years ago",
# "the same period of last year"; a past verb in between makes it a happening again ("than 300 opened in")
_COMPARISON_BEFORE = re.compile(
    r"\b(?:than(?!\s+\d)|compared\s+(?:with|to)|as\s+against|up\s+from|down\s+from|"
    r"same\s+period\s+(?:of|in))\b"
    r"(?P<gap>[^,;]*)$",
    re.IGNORECASE,
)
# The figure a change started from: "rose to 20th, from No. 50 in 2005", "a jump from $100,000 in 2002"
_FIGURE_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:No\.?\s*|US)?[$€£]?\d[\d.,]*(?:st|nd|rd|th|%)?"
    r"(?:\s+(?:percent|per\s+cent|million|billion|thousand|places?))?\s+(?:in|at|during)\s+$",
    re.IGNORECASE,
)
_PRESENT_AFTER_TODAY = re.compile(
    r",?\s+(?:(?:it|they|there|we|the\s+\w+)\s+)?(?:is|are|has|have|\w{3,}[^s\W]s)\b(?!\s+\w+ed\b)"
)
_END_OF_BEFORE = re.compile(r"\bby\s+the\s+end\s+of\s+$", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|stated)\s+(?:on\s+)?$", re.IGNORECASE)
# "a stack of notarised copies", "the signed form": a participle after a determiner or "of" describes
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|of|with|and|or)\s+\w{3,}ed\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|told|stated|announced|noted|reported|explained|informed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: PartialDate | None  # None: a date that dates no event (period, target, unresolvable)
    anchor: bool = False  # an anniversary's "this year": its date gives the origin, not an event
    counted_back: bool = False  # an anniversary's origin, which the text may also date more precisely
    anniversary_day: bool = False  # the day an anniversary falls on: an event if nothing else happened then


# Words in quotation marks: a speaker's "today" or "will" is the speaker's, not the article's
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def refines(precise: PartialDate, coarse: PartialDate) -> bool:
    """`precise` lies within `coarse` and says more: 2012-12-29 refines 2012 and 2012-12."""
    same_year = precise.year == coarse.year and coarse.month in (None, precise.month)
    return same_year and len(precise.iso) > len(coarse.iso)


def speaks_of_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


def tells_a_plan(sentence: str) -> bool:
    """The sentence itself looks ahead, not only what someone in it said ("the minister said ... would")."""
    reported = _REPORTED.search(sentence)
    return speaks_of_future(sentence[: reported.start()] if reported else sentence)


def _number(text: str) -> int:
    text = text.casefold()
    if text in ("a", "an"):
        return 1
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
    return int(re.match(r"\d+", text).group())


def _years_ago(count: str, unit: str) -> int:
    return _number(count) * (10 if unit.casefold().startswith("decade") else 1)


# The forms that name their year resolve alone ("22 December 2017", "2017-12"); the others need the
# reference date (`_Against`). The tables below map each group of `_PATTERN` to its resolver.


def _resolve_iso(match: re.Match[str]) -> PartialDate | None:
    return safe_date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))


def _resolve_numeric(match: re.Match[str]) -> PartialDate | None:
    """'05.01.2018' is day first, as in Europe, unless its second number cannot be a month."""
    first, second, year = int(match["num_a"]), int(match["num_b"]), int(match["num_y"])
    day, month = (second, first) if second > 12 else (first, second)
    return safe_date(year, month, day)


def _resolve_full_date(match: re.Match[str]) -> PartialDate | None:
    """'July 24, 2024' (group mdy) or '24 July 2024' (dmy): the group's name prefixes its parts."""
    kind = match.lastgroup
    month, day = month_number(match[f"{kind}_m"]), day_number(match[f"{kind}_d"])
    return safe_date(int(match[f"{kind}_y"]), month, day)


def _resolve_year_first(match: re.Match[str]) -> PartialDate | None:
    """'2012 წლის 12 ივნისს' (year, day, month) or '2005-ci il dekabrın 19-da' (year, month, day)."""
    month, day = match["ydm_m"] or match["ydm_m2"], match["ydm_d"] or match["ydm_d2"]
    return safe_date(int(match["ydm_y"]), month_number(month), day_number(day))


def _resolve_month_range(match: re.Match[str]) -> PartialDate | None:
    """'February–March 2020' dates its first month; a longer span is a period."""
    first, last = month_number(match["mr_first"]), month_number(match["mr_last"])
    return PartialDate(int(match["mr_y"]), first) if 0 < last - first <= _LONGEST_MONTH_SPAN else None


def _resolve_month_year(match: re.Match[str]) -> PartialDate:
    return PartialDate(int(match["my_y"]), month_number(match["my_m"]))


def _resolve_year(match: re.Match[str]) -> PartialDate:
    return PartialDate(int(match["year_y"]))


@dataclass(frozen=True)
class _Against:
    """What a date without its year is resolved against: the reference (publication) date, whether its
    sentence looks ahead, and the date named just before it ("the same year"), in the sentence itself or
    the one before."""

    reference: PartialDate
    future: bool
    anchor: PartialDate | None
    anchored_here: bool = False  # the anchor was named in this sentence


def _resolve_quarter(match: re.Match[str], against: _Against) -> PartialDate:
    """'In the third quarter': a part of the reference year."""
    return PartialDate(against.reference.year)


def _resolve_relative_year(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'3 March this year', 'May of the same year'."""
    return with_relative_year(match, against.reference, against.anchor)


def _resolve_shifted(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'The day before', 'the following year', 'that year'."""
    return shifted_date(match["shifted"], against.reference, against.anchor)


def _resolve_day_month(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'March 15' (group md) or '15 March' (dm): the closest such day before the reference, or after it;
    after a day named with its year, the such day nearest to that one ("took effect on 1 July 2019, after
    a transition that began on 2 April", "on 8 November 2020, ... from 27 September")."""
    kind = match.lastgroup
    month, day = month_number(match[f"{kind}_m"]), day_number(match[f"{kind}_d"])
    if against.anchored_here and against.anchor.precision == "day":
        return day_nearest(month, day, against.anchor)
    return day_without_year(month, day, against.reference, against.future)


def _resolve_relative_month(match: re.Match[str], against: _Against) -> PartialDate:
    """'Last December' is strictly before the reference's month, 'next December' strictly after."""
    direction = {"last": -1, "past": -1, "previous": -1, "this": 0}.get(match["rel_dir"].casefold(), 1)
    month, reference = month_number(match["rel_m"]), against.reference
    if not direction or reference.month is None:
        return month_without_year(month, reference, 0)
    date = month_without_year(month, reference, direction)
    if date.month == reference.month and date.year == reference.year:
        return PartialDate(date.year + direction, month)
    return date


def _resolve_month(match: re.Match[str], against: _Against) -> PartialDate:
    """'In March' (group month) or 'March' (bare_month): the latest such month, or the next one ahead."""
    month = month_number(match["month_m"] or match["bare_m"])
    return month_without_year(month, against.reference, 1 if against.future else -1)


def _resolve_ago(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'Three days ago' is a day, 'two weeks ago' a month, 'five years ago' a year."""
    unit = match["ago_unit"].casefold().rstrip("s")
    if unit in ("day", "week", "month"):
        return time_ago(_number(match["ago_n"]), unit, against.reference)
    return PartialDate(against.reference.year - _years_ago(match["ago_n"], match["ago_unit"]))


def _resolve_ago_in_month(match: re.Match[str], against: _Against) -> PartialDate:
    """'A decade ago, in November': that month of that year."""
    year = against.reference.year - _years_ago(match["am_n"], match["am_unit"])
    return PartialDate(year, month_number(match["am_m"]))


def _resolve_relative_word(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'Today', 'yesterday', 'last week', 'this spring'."""
    return relative_date(match["rel_word"], against.reference)


def _resolve_weekday(match: re.Match[str], against: _Against) -> PartialDate:
    return weekday_date(match["wd"], against.reference, against.future)


def _resolve_foreign_relative_year(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'Julho deste ano', '15 de marzo del año pasado': the month in the year the words name."""
    year = relative_date(foreign_meaning(match["fry_year"]), against.reference)
    day = match["fry_d"]
    return year and safe_date(year.year, month_number(match["fry_m"]), day_number(day) if day else None)


def _resolve_foreign_relative(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'Вчера', 'neste ano', 'ontem (21)': as the English phrase they mean, the bracketed day winning."""
    date = relative_date(foreign_meaning(match["fr_word"]), against.reference)
    if match["fr_day"] and date is not None:
        return day_in_brackets(int(match["fr_day"]), date, against.reference)
    return date


def _resolve_foreign_weekday(match: re.Match[str], against: _Against) -> PartialDate | None:
    """'В среду', 'nesta segunda-feira (26)': as an English weekday, the bracketed day winning."""
    date = weekday_date(foreign_weekday_name(match["fw_word"]), against.reference, against.future)
    return day_in_brackets(int(match["fw_day"]), date, against.reference) if match["fw_day"] else date


_ABSOLUTE: dict[str, Callable[[re.Match[str]], PartialDate | None]] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "mdy": _resolve_full_date,
    "dmy": _resolve_full_date,
    "ydm": _resolve_year_first,
    "month_range": _resolve_month_range,
    "my": _resolve_month_year,
    "year": _resolve_year,
}
_RELATIVE: dict[str, Callable[[re.Match[str], _Against], PartialDate | None]] = {
    "quarter": _resolve_quarter,
    "relyear": _resolve_relative_year,
    "shifted": _resolve_shifted,
    "md": _resolve_day_month,
    "dm": _resolve_day_month,
    "relmonth": _resolve_relative_month,
    "month": _resolve_month,
    "bare_month": _resolve_month,
    "ago": _resolve_ago,
    "agomonth": _resolve_ago_in_month,
    "relative": _resolve_relative_word,
    "weekday": _resolve_weekday,
    "foreign_relyear": _resolve_foreign_relative_year,
    "foreign_relative": _resolve_foreign_relative,
    "foreign_weekday": _resolve_foreign_weekday,
}


def _resolve(
    match: re.Match[str],
    reference: PartialDate | None,
    future: bool,
    anchor: PartialDate | None = None,
    anchored_here: bool = False,
) -> PartialDate | None:
    """The date the matched expression names, by the group that matched; None for an anniversary's count
    (resolved by `_origin`) and for a relative date when the text gives no reference."""
    kind = match.lastgroup
    if kind in _ABSOLUTE:
        return _ABSOLUTE[kind](match)
    if reference is None or kind not in _RELATIVE:
        return None
    return _RELATIVE[kind](match, _Against(reference, future, anchor, anchored_here))


def _is_period(sentence: str, match: re.Match[str]) -> bool:
    before, after = sentence[: match.start()], sentence[match.end() :]
    if match.lastgroup in ("year", "my", "month", "month_range", "quarter") and _PERIOD_BEFORE.search(before):
        return True
    if match.lastgroup == "month" and match.group("month_prep").strip().casefold() in (
        {"since", "by", "until", "till"} | _FOREIGN_PERIOD_PREP
    ):
        return True
    if match.lastgroup == "year":
        if _PERIOD_AFTER.match(after) or _PLAN_AFTER.match(after) or _COUNTED_AFTER.match(after):
            return True
        if _PUBLICATION_AFTER.match(after):
            return True
        if _NAME_BEFORE.search(before) or _TITLE_BEFORE.search(before) or _POSSESSIVE_AFTER.match(after):
            return True
    if match.lastgroup == "relative" and _POSSESSIVE_AFTER.match(after):
        return True
    return False


def _own_clause(sentence: str, match: re.Match[str]) -> str:
    """The main or coordinate clause that holds the date: "..., which will cut queues" is another one."""
    bounds = [0, *(m.start() for m in _CLAUSE_START.finditer(sentence)), len(sentence)]
    start = max(b for b in bounds if b <= match.start())
    end = min(b for b in bounds if b >= match.end())
    return sentence[start:end]


def _today_is_current_state(sentence: str, match: re.Match[str]) -> bool:
    """'Today, 72 units serve ...' describes the present, not a day's event."""
    if match.group("rel_word").casefold() != "today":
        return False
    if re.search(r"\b(?:from|as of)\s+today\b", sentence, re.IGNORECASE):
        return False
    before = sentence[: match.start()]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return True  # "“Today I was out ...”": the speaker's day, not the article's
    if _COUNT_AFTER_TODAY.match(sentence[match.end() :]):  # "Today 347 centres ...", "Today there are ..."
        return True
    if _PRESENT_AFTER_TODAY.match(sentence[match.end() :]):  # "... was launched in 2018 and today connects"
        return True
    if re.search(r"\b(?:is|are)\s+$", before):  # "... laid the groundwork for what it is today"
        return True
    return not _PAST_VERB.search(_own_clause(sentence, match))


def _foreign_today_is_current_state(sentence: str, match: re.Match[str]) -> bool:
    """'Hoje, 72 unidades estão ...' and a speaker's 'сегодня' in quotes describe the present."""
    if foreign_meaning(match["fr_word"]) != "today" or match["fr_day"]:
        return False
    before = sentence[: match.start()]
    quoted = (
        before.count("“") > before.count("”")
        or before.count('"') % 2
        or before.count("«") > before.count("»")
    )
    return bool(quoted or _COUNT_AFTER_TODAY.match(sentence[match.end() :]))


def _is_anecdote(sentence: str, match: re.Match[str]) -> bool:
    """'This spring she did it': a vague season in a person's story dates no event of an institution."""
    if match.lastgroup != "relative" or not _SEASON.search(match.group("rel_word")):
        return False
    return bool(_PERSONAL_SUBJECT.search(_own_clause(sentence, match)))


_STATISTIC_KINDS = {
    "year",
    "my",
    "month",
    "bare_month",
    "relative",
    "month_range",
    "quarter",
    "foreign_relative",
    "foreign_relyear",
}


def _is_statistic(sentence: str, match: re.Match[str]) -> bool:
    """'Last year the portal processed 4 million applications': a quantity over a period, no event."""
    if match.lastgroup not in _STATISTIC_KINDS:
        return False
    clause = _own_clause(sentence, match)
    if _COUNTED_STATE.search(clause):  # a standing in a ranking ('placed 31st in 2021') is an event
        return True
    if not (_QUANTITY.search(clause) and _THROUGHPUT_VERB.search(clause)):
        return False
    # "The hall, opened in mid-2021, handled 310,000 requests": the aside dates its own happening
    aside = _clause(sentence, match.start(), match.end())
    return not (_PAST_VERB.search(aside) and not _THROUGHPUT_VERB.search(aside))


def _is_attribution(sentence: str, match: re.Match[str]) -> bool:
    """'X will open ..., the minister said Thursday' dates a statement, not an event; the statement
    dates the news only when what it reports is past and carries no date of its own."""
    if match.lastgroup not in ("weekday", "relative") or not _SAID_BEFORE.search(sentence[: match.start()]):
        return False
    reported = sentence[: match.start()]
    return speaks_of_future(reported) or bool(_PATTERN.search(reported))


def _weekday_is_future(sentence: str, match: re.Match[str]) -> bool:
    """'On Tuesday' looks back unless its own clause speaks of the future before any past verb, and
    no past verb stands between: "plans to open ..., he told a briefing on Tuesday" reports the briefing."""
    clause = _own_clause(sentence, match)
    futures = list(_FUTURE.finditer(clause))
    if not futures or _has_past_verb(clause[: futures[0].start()]):
        return False
    position = clause.find(match.group())
    before = [future for future in futures if future.end() <= position]
    return not (before and _REPORTED.search(clause[before[-1].end() : position]))


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a date, without the date: between commas, semicolons, dashes or brackets."""
    left = max(sentence.rfind(mark, 0, start) for mark in ",;:–—(")
    rights = [i for i in (sentence.find(mark, end) for mark in ",;:–—)") if i >= 0]
    return sentence[left + 1 : start] + " " + sentence[end : min(rights, default=len(sentence))]


def _is_window_or_stamp(sentence: str, match: re.Match[str]) -> bool:
    """'valid until 31 March', 'from 16 April documents may be obtained', '© 2025', 'Updated: ...', and a
    link's path ('https://site.kg/2021-03-26/news')."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    clause_before = _own_clause(sentence, match)[: match.start()]
    if _STAMP_BEFORE.match(before) or _RANGE_BEFORE.search(before) or _PHONE_BEFORE.search(before):
        return True
    if _LINK_BEFORE.search(before):
        return True
    cited = _SOURCE_BRACKET[0].search(before)
    if cited and _SOURCE_BRACKET[1].match(after) and (not cited["source"] or cited["source"][0].isupper()):
        return True
    if _STANDARD_BEFORE.search(before):
        return True
    if re.search(r"\bsince\s+$", before, re.IGNORECASE):
        return True
    if re.search(r"\bfrom\s+$", before, re.IGNORECASE) and _AVAILABLE.search(sentence):
        # "From today users can ..." and "From 1 April the agency will offer X" are launches
        return match.lastgroup != "relative" and not _FUTURE.search(sentence)
    return bool(_WINDOW.search(clause_before) or _is_habit(_own_clause(sentence, match)))


def _is_habit(clause: str) -> bool:
    """'Five years ago a farmer needed three trips': a past habit or state, with no happening beside it."""
    if not _HABITUAL.search(clause) or _FUTURE.search(clause):
        return False
    return not _PAST_VERB.search(_ATTRIBUTIVE.sub(" ", _HABITUAL.sub(" ", clause)))


def _is_weekday_not_a_day(sentence: str, match: re.Match[str]) -> bool:
    """Opening hours ("Monday to Friday, 9:00-18:00") or a header's weekday beside its explicit date."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    if _HOURS_AROUND[0].search(before) or _HOURS_AROUND[1].match(after):
        return True
    if match.lastgroup == "foreign_weekday" and _FOREIGN_HOURS_BEFORE.search(before):
        return True
    return bool(_EXPLICIT_DATE_AFTER.match(after))


def _is_comparison(sentence: str, match: re.Match[str]) -> bool:
    before = sentence[: match.start()]
    if _FIGURE_FROM_BEFORE.search(before):
        return True
    compared = _COMPARISON_BEFORE.search(before)
    return bool(compared) and not _PAST_VERB.search(compared["gap"])


def _dates_no_event(sentence: str, match: re.Match[str]) -> bool:
    return (
        _is_period(sentence, match)
        or _is_comparison(sentence, match)
        or _is_window_or_stamp(sentence, match)
        or (match.lastgroup in ("weekday", "foreign_weekday") and _is_weekday_not_a_day(sentence, match))
        or (match.lastgroup == "relative" and _today_is_current_state(sentence, match))
        or (match.lastgroup == "foreign_relative" and _foreign_today_is_current_state(sentence, match))
        or _is_anecdote(sentence, match)
        or _is_statistic(sentence, match)
        or _is_attribution(sentence, match)
        or _is_in_a_name(sentence, match)
    )


def _is_in_a_name(sentence: str, match: re.Match[str]) -> bool:
    """'The hall in the Mercado 31 de Janeiro', 'on Avenida 9 de Julio': a day and month after a name inside
    the sentence name a place; a weekday ('on Thursday 5 May') or a sentence's first word ('Em 5 de maio')
    does not."""
    if match.lastgroup != "dm":
        return False
    name = _NAME_BEFORE.search(sentence[: match.start()])
    return bool(name) and name.start() > 0 and not name.group().strip().endswith("day")


def _is_plan_for_this_year(sentence: str, match: re.Match[str], reference: PartialDate | None) -> bool:
    """'By the end of 2024' written in 2024 is 'by the end of this year': a plan for that year."""
    if match.lastgroup != "year" or reference is None or int(match["year_y"]) != reference.year:
        return False
    return bool(_END_OF_BEFORE.search(sentence[: match.start()]))


def _speaks_of_future_at(sentence: str, match: re.Match[str], future: bool) -> bool:
    """'... reported Dec. 22' is past even in a sentence about plans: the date's own clause decides first."""
    return future and not _has_past_verb(_clause(sentence, match.start(), match.end()))


def _is_deadline(sentence: str, match: re.Match[str]) -> bool:
    """'Was instructed to connect the schools by June 1': a day without its year after "by" is the next one."""
    by = re.search(r"\bby\s+(?:the\s+)?$", sentence[: match.start()])
    return match.lastgroup in ("md", "dm") and bool(by)


def _future_only_reported(sentence: str, match: re.Match[str]) -> bool:
    """'At the ceremony on 13 September, the minister said the halls would ...': the future is what was said;
    the date, before the reporting verb, dates the saying."""
    reported = _REPORTED.search(sentence, match.end())
    return bool(reported) and not _FUTURE.search(sentence[: reported.start()])


def _has_past_verb(text: str) -> bool:
    """A past verb other than a future marker ("expected") or a passive ("will be launched")."""
    return bool(_PAST_VERB.search(_FUTURE.sub(" ", _PASSIVE.sub(" ", text))))


def dates_the_origin(date: PartialDate, origin: PartialDate) -> bool:
    """An explicit date in the counted-back year is the founding itself, and wins over the count."""
    return date.year == origin.year


def _origin(
    sentence: str,
    match: re.Match[str],
    years: int,
    mentions: list[DateMention],
    reference: PartialDate | None,
) -> PartialDate | None:
    """What an anniversary or "turns N" counts back to: "marks its 12th anniversary today" gives the day,
    "this year ... 20th anniversary" the year. It counts from the sentence's date nearest to it that is
    not itself the founding ("founded in 2012, marks its 12th anniversary today")."""
    anchors = [m for m in mentions if m.date is not None and not m.anchor]
    counted_from = [m for m in anchors if not any(o.date.year - years == m.date.year for o in anchors)]
    anchor = min(counted_from or anchors, key=lambda m: abs(m.start - match.start()), default=None)
    base = anchor.date if anchor else reference
    if base is None:
        return None
    if anchor:  # "this year ... 20th anniversary": one event, the origin; "turns one today": the day may be
        marked = {"anchor": True} if anchor.date.precision != "day" else {"anniversary_day": True}
        mentions[mentions.index(anchor)] = DateMention(anchor.start, anchor.end, anchor.date, **marked)
    if base == reference and base.precision == "day" and _TODAY.search(sentence):
        return safe_date(base.year - years, base.month, base.day)
    # "turns two this month" keeps the month; an anniversary in a year is known to the year
    keeps_month = match.lastgroup == "turns" and anchor and anchor.date.precision == "month"
    return PartialDate(base.year - years, base.month if keeps_month else None)


def without_dates(line: str) -> str:
    """The line with its date expressions (weekdays and years too) blanked out: what else it says."""
    return _PATTERN.sub(" ", line)


def written_dates(line: str, reference: PartialDate | None) -> list[PartialDate]:
    """Every date written in a stamp line ("Updated: 6 March 2024"), whatever it dates."""
    dates = [_resolve(match, reference, False) for match in _PATTERN.finditer(line)]
    return [date for date in dates if date is not None]


# What an anniversary counts back by, and the groups that hold the count
_COUNTED_BACK = {"anniversary": ("ann_n",), "turns": ("turns_n",), "years_since": ("ys_marks", "ys_n")}


def find_dates(
    sentence: str, reference: PartialDate | None, told_before: PartialDate | None = None, lead_in: str = ""
) -> list[DateMention]:
    """Every date expression in the sentence, resolved; anniversaries give their origin. "The same year"
    steps from the last date named before it, in this sentence or `told_before` in the one before. A list's
    item speaks of the future its `lead_in` speaks of ("The next dates will be:" ... "15 June: ...")."""
    future = speaks_of_future(sentence) or (speaks_of_future(lead_in) and not _has_past_verb(sentence))
    mentions: list[DateMention] = []
    origins: list[tuple[re.Match[str], int]] = []
    relative_starts: set[int] = set()
    for match in _PATTERN.finditer(sentence):
        kind = match.lastgroup
        if kind in _COUNTED_BACK:
            count = next(match[name] for name in _COUNTED_BACK[kind] if match[name])
            origins.append((match, _number(count)))
            continue
        if _dates_no_event(sentence, match) and not _is_plan_for_this_year(sentence, match, reference):
            mentions.append(DateMention(match.start(), match.end(), None))
            continue
        if kind in _RESTATABLE:
            relative_starts.add(match.start())
        ahead = _weekday_is_future(sentence, match) if kind in ("weekday", "foreign_weekday") else future
        ahead = ahead and not _future_only_reported(sentence, match)
        named = [m.date for m in mentions if m.date is not None]  # "the same year" steps from the last one
        ahead = _speaks_of_future_at(sentence, match, ahead) or _is_deadline(sentence, match)
        date = _resolve(
            match, reference, ahead, named[-1] if named else told_before, anchored_here=bool(named)
        )
        mentions.append(DateMention(match.start(), match.end(), date))
    for match, years in origins:
        origin = _origin(sentence, match, years, mentions, reference)
        if origin and not any(m.date and dates_the_origin(m.date, origin) for m in mentions):
            mentions.append(DateMention(match.start(), match.end(), origin, counted_back=True))
    return sorted(_without_restated(sentence, mentions, relative_starts), key=lambda mention: mention.start)


# Relative dates that a precise date beside them restates: "20 years ago, on 13 July 2003", "next month,
# on March 15"
_RESTATABLE = {"ago", "agomonth", "relative", "relmonth", "foreign_relative"}
_RESTATING_GAP = re.compile(r"[\s,(–—-]*(?:(?:on|in)\s+)?(?:the\s+)?", re.IGNORECASE)


def _side_by_side(sentence: str, first: DateMention, second: DateMention) -> bool:
    first, second = sorted((first, second), key=lambda mention: mention.start)
    return bool(_RESTATING_GAP.fullmatch(sentence[first.end : second.start]))


def _without_restated(
    sentence: str, mentions: list[DateMention], relative_starts: set[int]
) -> list[DateMention]:
    """A relative date that a precise one right beside it refines is one event, the precise one;
    "last month ..., and on September 15 ..." are two."""
    precise = [m for m in mentions if m.date and not m.anchor]

    def restated(mention: DateMention) -> bool:
        return mention.start in relative_starts and any(
            refines(other.date, mention.date) and _side_by_side(sentence, mention, other) for other in precise
        )

    return [m for m in mentions if not (m.date and restated(m))]
