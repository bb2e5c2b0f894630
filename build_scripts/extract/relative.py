"""Relative dates resolved against a reference: "last December", "on Monday", "the day before",
"March of the same year", and a day or month written without its year."""

from __future__ import annotations

import calendar
import datetime
import re

from build_scripts.extract import word_lists
from build_scripts.model import PartialDate

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.casefold(): number for number, name in enumerate(calendar.day_name)}
_STEM_ENDING = r"[^\W\d_]{0,5}"  # "октябр" + "я", "dekabr" + "ın", "ივნის" + "ს"


def _foreign_months(kind: str) -> dict[str, int]:
    """The month names of other languages (`foreign_month_stems` or `_words`), casefolded, to their number."""
    listed = word_lists.names()["dates"][f"foreign_month_{kind}"]
    return {name.casefold(): int(number) for number, names in listed.items() for name in names}


_FOREIGN_STEMS = _foreign_months("stems")
_FOREIGN_WORDS = _foreign_months("words")
# "вчера" -> "yesterday", "deste ano" -> "this year", "terça-feira" -> 1 (Monday 0)
_FOREIGN_RELATIVE = {
    word.casefold(): meaning
    for meaning, words in word_lists.names()["dates"]["foreign_relative_words"].items()
    for word in words
}
_FOREIGN_WEEKDAYS = {
    word: int(number)
    for number, words in word_lists.names()["dates"]["foreign_weekdays"].items()
    for word in words
}


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def foreign_relative_pattern() -> str:
    """A regex for a relative word of another language ("вчера", "este ano"), in any case."""
    return rf"(?<!\w)(?i:{_alternation(_FOREIGN_RELATIVE)})(?!\w)"


def today_pattern() -> str:
    """A regex for "today" in the languages the word lists know ("today", "сьогодні", "hoy")."""
    words = ["today", *(word for word, meaning in _FOREIGN_RELATIVE.items() if meaning == "today")]
    return rf"(?<!\w)(?i:{_alternation(words)})(?!\w)"


def foreign_year_pattern() -> str:
    """A regex for the words after a month that name its year relatively: "julho deste ano"."""
    years = [word for word, meaning in _FOREIGN_RELATIVE.items() if meaning.endswith(" year")]
    return rf"(?i:{_alternation(years)})(?!\w)"


def foreign_weekday_pattern() -> str:
    """A regex for a weekday of another language, in lower case as written ("в среду", "terça-feira")."""
    return rf"(?<!\w)(?:{_alternation(_FOREIGN_WEEKDAYS)})(?!\w)"


def foreign_weekday_words() -> list[str]:
    return list(_FOREIGN_WEEKDAYS)


def foreign_meaning(word: str) -> str:
    """The English phrase a relative word of another language means: "ontem" -> "yesterday"."""
    return _FOREIGN_RELATIVE[" ".join(word.casefold().split())]


def foreign_weekday_name(word: str) -> str:
    """The English name of another language's weekday: "terça-feira" -> "Tuesday"."""
    return calendar.day_name[_FOREIGN_WEEKDAYS[" ".join(word.split())]]


def day_in_brackets(day: int, near: PartialDate | None, reference: PartialDate) -> PartialDate | None:
    """'Nesta segunda-feira (26)', 'ontem (21)': the day of the month named in brackets, in the month of
    the day the word gives (or the one beside it), else in the reference's month when it knows no day."""
    if near is not None and near.precision == "day":
        months = [_shift_month(PartialDate(near.year, near.month), step) for step in (-1, 0, 1)]
        return _nearest(near, [safe_date(month.year, month.month, day) for month in months])
    if reference.month is not None:
        return safe_date(reference.year, reference.month, day)
    return None


def foreign_month_pattern() -> str:
    """A regex for a month named in another language: a stem with its ending, or a word as written."""
    stems = "|".join(re.escape(stem) for stem in sorted(_FOREIGN_STEMS, key=len, reverse=True))
    words = "|".join(re.escape(word) for word in sorted(_FOREIGN_WORDS, key=len, reverse=True))
    return rf"(?<!\w)(?i:(?:{stems}){_STEM_ENDING}|(?:{words}))(?!\w)"


def month_number(text: str) -> int:
    """1 to 12 for a month's name, English ("Sept.", "DECEMBER") or another language's ("октября")."""
    name = text.rstrip(".").casefold()
    if name in _MONTHS:
        return _MONTHS[name]
    if name in _FOREIGN_WORDS:
        return _FOREIGN_WORDS[name]
    stems = sorted(_FOREIGN_STEMS, key=len, reverse=True)
    return next(_FOREIGN_STEMS[stem] for stem in stems if name.startswith(stem))


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # a range "21-22" starts on its first day


def safe_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate.parse(PartialDate(year, month, day).iso)
    except ValueError:
        return None


def _shift_month(date: PartialDate, months: int) -> PartialDate:
    index = date.year * 12 + (date.month - 1) + months
    return PartialDate(index // 12, index % 12 + 1)


def month_without_year(month: int, reference: PartialDate, direction: int) -> PartialDate:
    """`direction` -1: the latest such month up to the reference; +1: the next from it; 0: its year."""
    if reference.month is None or direction == 0:
        return PartialDate(reference.year, month)
    if direction < 0:
        return PartialDate(reference.year if month <= reference.month else reference.year - 1, month)
    return PartialDate(reference.year if month >= reference.month else reference.year + 1, month)


def day_without_year(month: int, day: int, reference: PartialDate, future: bool) -> PartialDate | None:
    if reference.month is None:
        return safe_date(reference.year, month, day)
    here = (month, day)
    now = (reference.month, reference.day or (32 if not future else 0))
    if future:
        year = reference.year if here >= now else reference.year + 1
    else:
        year = reference.year if here <= now else reference.year - 1
    return safe_date(year, month, day)


def day_nearest(month: int, day: int, near: PartialDate) -> PartialDate | None:
    """The day of that month and day nearest to `near` (a day), in its year or the one either side."""
    return _nearest(near, [safe_date(near.year + step, month, day) for step in (-1, 0, 1)])


def _nearest(near: PartialDate, candidates: list[PartialDate | None]) -> PartialDate | None:
    """The candidate day nearest to `near` (a day); None stands for a day the calendar lacks."""
    here = datetime.date(near.year, near.month, near.day)
    dated = [(abs((datetime.date(c.year, c.month, c.day) - here).days), c) for c in candidates if c]
    return min(dated, key=lambda pair: pair[0])[1] if dated else None


def _as_date(day: datetime.date, precision: str) -> PartialDate:
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    return PartialDate(day.year, day.month) if precision == "month" else PartialDate(day.year)


def days_from(reference: PartialDate, days: int) -> PartialDate:
    """The reference moved by whole days, at the reference's own precision."""
    if reference.precision != "day":
        return reference
    moved = datetime.date(reference.year, reference.month, reference.day) + datetime.timedelta(days=days)
    return _as_date(moved, "day")


def weekday_date(name: str, reference: PartialDate, future: bool) -> PartialDate:
    if reference.precision != "day":
        return reference
    today = datetime.date(reference.year, reference.month, reference.day)
    wanted = _WEEKDAYS[name.casefold()]
    offset = (wanted - today.weekday()) % 7 if future else -((today.weekday() - wanted) % 7)
    return _as_date(today + datetime.timedelta(days=offset), "day")


def relative_date(phrase: str, reference: PartialDate) -> PartialDate | None:
    words = phrase.casefold().split()
    unit = words[-1]
    if unit == "now":  # "nowadays": no day
        return None
    if unit in ("today", "tonight"):
        return reference
    if unit == "yesterday":
        return days_from(reference, -1)
    if unit == "tomorrow":
        return days_from(reference, 1)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        words[-2] if len(words) > 1 else "", 0
    )
    if unit in ("year", "spring", "summer", "autumn", "fall", "winter"):  # a season: its year
        return PartialDate(reference.year + step)
    if reference.month is None:
        return PartialDate(reference.year) if step == 0 else None
    if unit == "month":
        return _shift_month(PartialDate(reference.year, reference.month), step)
    # a week: its month, when the reference knows its day
    moved = days_from(reference, 7 * step)
    return PartialDate(moved.year, moved.month)


_STEPS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "earlier": -1,
    "before": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "later": 1,
    "after": 1,
}
_FROM_ANCHOR = {"same", "following", "preceding", "that"}  # "of the same year": the year just named


def with_relative_year(
    match: re.Match[str], reference: PartialDate, anchor: PartialDate | None
) -> PartialDate | None:
    direction = match["ry_dir"].casefold()
    base = anchor if direction in _FROM_ANCHOR else reference
    if base is None:
        return None
    day = match["ry_d"] or match["ry_d2"]
    month = month_number(match["ry_m"])
    return safe_date(base.year + _STEPS.get(direction, 0), month, day_number(day) if day else None)


def shifted_date(phrase: str, reference: PartialDate, anchor: PartialDate | None) -> PartialDate | None:
    """'The day before', 'the following year', 'that year': a step from the date just named in the
    sentence, else from the publication date ('the same year' needs a date named before it)."""
    words = phrase.casefold().split()
    step = next((_STEPS[word] for word in words if word in _STEPS), 0)
    if "day" in words:
        base = anchor if anchor and anchor.precision == "day" else reference
        return days_from(base, step) if base.precision == "day" else None
    if anchor is None and (step == 0 or words[1] in _FROM_ANCHOR):
        return None
    return PartialDate((anchor or reference).year + step)


def time_ago(count: int, unit: str, reference: PartialDate) -> PartialDate | None:
    """'Three days ago' is a day; 'two weeks ago' and 'five months ago' are known to the month only."""
    if unit == "month":
        return None if reference.month is None else _shift_month(reference, -count)
    if reference.precision != "day":
        return None
    moved = days_from(reference, -count * (7 if unit == "week" else 1))
    return moved if unit == "day" else PartialDate(moved.year, moved.month)
