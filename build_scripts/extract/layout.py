"""The layout of a raw article: its header (headline, dateline, byline), body and trailer.

The text is cut into a header, a body of sentences and a trailer (source line, credits), and
whatever follows an "Other news" heading is dropped. The header and trailer give the title,
publisher and publication date; only body sentences give events.
"""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass, replace

from build_scripts.extract import word_lists
from build_scripts.extract.dates import written_dates
from build_scripts.extract.published import META_PREFIX, has_date, is_date_stamp
from build_scripts.extract.relative import foreign_month_pattern

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
_LEAD_SENTENCES = 3
# Lines inside the body that credit rather than tell: "[Photo: ..., taken 03/11/2017]", "First published ..."
_CREDIT_LINE = re.compile(
    r"^\s*[\[(]?\s*(?:photo|picture|image|video|caption|photo\s+caption|credit|foto|legenda|leyenda|"
    r"pie\s+de\s+foto|légende)s?\b\s*[\]:.,-]|"
    r"^\s*(?:this\s+(?:article|story|post)\s+(?:was|is)\s+)?(?:first|originally)\s+published\b",
    re.IGNORECASE,
)
# A photo's caption signed by its source in capitals at its end: "... Economic and Social Affairs/FILE",
# "... at the launch / COURTESY", "... in Nairobi. /AFP"
_CAPTION_CREDIT = re.compile(r"\s?/\s?(?:FILE(?:\s+PHOTO)?|COURTESY|PHOTO|AFP|REUTERS|AP|XINHUA|PSCU)\s*$")
_SOURCE_LINE = re.compile(r"^\s*(?:[\w()]+/)?(?:source|quelle)\s*:\s*(?P<who>.+?)\s*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:copyright|©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<who>[^.]+)", re.IGNORECASE)
_AGENCY = re.compile(r"\((?P<paren>[A-Za-z][\w .-]{1,30})\)|/\s*(?P<slash>[A-Za-z][\w .-]{1,30}?)\s*/")
_BULLET = re.compile(r"^\s*(?:[-•*·▪–]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?][\"'”’)]*\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep|"
    r"Jr|Sr|Inc|Ltd|Co|vs|etc|e\.g|i\.e|approx)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]?)\.[\"'”’)]*\s+$"
)
_MARKDOWN = re.compile(r"\s*(?:#{1,6}\s+|>\s*)?[*_]*")
_FOREIGN_MONTH = re.compile(foreign_month_pattern())
# A stored page's date label opening a line, before the text it dates: " date 2016-11-07 ASTANA. ...",
# "date 2017-12 07:00"; the crawler's label says when the page was published
_DATE_LABEL = re.compile(
    r"^\s*date\s+(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)(?:-(?P<day>\d\d))?(?:\s+\d\d?:\d\d)?(?:\s+|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article, so quotes stay verbatim
    section: str = ""  # the short heading above it ("Australia."), which may name its country
    paragraph: int = 0  # the line it stands on: a paragraph goes on about its country
    lead_in: str = ""  # for a list's item, the sentence that opens the list ("The next dates will be:")


@dataclass(frozen=True)
class Layout:
    title: str
    header: list[str]  # datelines and bylines, title excluded
    body: list[Sentence]
    trailer: list[str]
    dateline: str  # an inline dateline ("BAKU, 29 December 2012 – ") opening the text
    dateline_date: str
    dateline_agency: str
    boilerplate: list[str]  # an "About the company" block: it names countries, but dates no events

    @property
    def lead(self) -> list[Sentence]:
        """The text's first sentences, where a wire names itself and the article its day."""
        return self.body[:_LEAD_SENTENCES]


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
    return bool(_CREDIT_LINE.match(line) or _CAPTION_CREDIT.search(line) or dated_source)


def _is_top_stamp(line: str) -> bool:
    """A dateline or time stamp line near the top: "Mon 4 Dec 2023 07.00 GMT", "Dubai, 14 February 2023",
    or a line that is a date and little else, a bullet too ("• May 18,2016")."""
    return (_is_meta(line, longest=8) and has_date(line) and not _BULLET.match(line)) or is_date_stamp(line)


def _is_heading(line: str) -> bool:
    """A short line or lead sentence ("Australia.", "## Peru", "Background") that opens a section."""
    return _words(line) <= 4 and not _BULLET.match(line) and not has_date(line) and line.count(".") <= 1


def _split_sentences(line: str, offset: int) -> list[Sentence]:
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        if _ABBREVIATION.search(line[: match.end()]):
            continue
        sentences.append(Sentence(line[start : match.end()].strip(), offset + start))
        start = match.end()
    if line[start:].strip():
        sentences.append(Sentence(line[start:].strip(), offset + start))
    return sentences


def _inline_dateline(line: str) -> tuple[int, str, str]:
    """How many leading characters of the first paragraph are its dateline, with its date and agency."""
    # "BAKU, 29 December 2012 – ", "Addis Ababa, July 24/2024 (ENA) ": an agency's bracket may close it
    for separator in re.finditer(r"(?:\s*(?:--|[–—:-]|\.)\s+|(?<=\))\s+)(?=[\"“]?[^\W\d_])", line[:120]):
        head = line[: separator.start()]
        tokens = re.findall(r"\([^)]*\)|/[^/]*/|[^\s,|]+", head)
        text_after = line[separator.end() :].lstrip('"“')
        if not text_after[:1].isupper() or not tokens or len(tokens) > 9:
            continue
        if not all(_dateline_word(token) for token in tokens):
            continue
        agency = _AGENCY.search(head)
        agency_name = (agency["paren"] or agency["slash"]).strip() if agency else ""
        date_text = _AGENCY.sub("", head)
        dated = has_date(date_text)
        is_dash = separator.group().strip()[:1] not in (".", "")
        if dated or (is_dash and (head.split(",")[0].isupper() or agency)) or (is_dash and len(tokens) <= 3):
            return separator.end(), date_text if dated else "", agency_name
    return 0, "", ""


def _dateline_word(token: str) -> bool:
    """A dateline's words are capitalised in any script ("BAKU", "Алма-Ата"), numbers, an agency's
    bracket, or a month, which other languages write in small letters ("17 января")."""
    if token[0] in "(/" or _FOREIGN_MONTH.fullmatch(token.rstrip(".,")):
        return True
    first = next((char for char in token if char.isalnum()), "")
    return first.isupper() or first.isdigit()


_Line = tuple[int, str]  # a line's offset in the article, and its words


def parse_layout(text: str) -> Layout:
    """The article cut into header, body and trailer, "Other news" and page furniture left out."""
    lines, late_stamps = _before_other_news(_text_lines(text))
    header, text_lines, trailer = _header_text_trailer(lines)
    title, header = _split_title(header)
    paragraphs = [(start, line) for start, line in text_lines if not _is_credit(line)]
    credits = [line for _, line in text_lines if _is_credit(line)]
    about = next((i for i, (_, line) in enumerate(paragraphs) if _ABOUT_HEADING.match(line)), len(paragraphs))
    opened, dateline_length, dateline_date, agency = _opening_dateline(paragraphs[:about])
    return Layout(
        title=title or (paragraphs[0][1] if paragraphs else ""),
        header=header,
        body=_body(paragraphs[:about], opened, dateline_length),
        trailer=credits + trailer + late_stamps,
        dateline=paragraphs[opened][1][:dateline_length] if dateline_length else "",
        dateline_date=dateline_date,
        dateline_agency=agency,
        boilerplate=[line for _, line in paragraphs[about:]],
    )


def _text_lines(text: str) -> list[_Line]:
    """The lines that hold words, without their Markdown decoration ("# Heading", "*By ...*": the words
    are what counts); page furniture (cookie banners, share buttons) is left out."""
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if label := _DATE_LABEL.match(line):  # the label is a stamp line of its own, the rest the text
            lines.append((offset, _date_stamp(label)))
            offset, line, raw = offset + label.end(), line[label.end() :], raw[label.end() :]
        decoration = _MARKDOWN.match(line)
        if line.strip(" *_#>") and not _FURNITURE.search(line):
            lines.append((offset + decoration.end(), line[decoration.end() :].rstrip(" *_")))
        offset += len(raw)
    return lines


def _date_stamp(label: re.Match[str]) -> str:
    """A date label as a stamp line the publication date is read from: "Published: 7 November 2016"."""
    month = calendar.month_name[int(label["month"])]
    return (
        f"Published: {int(label['day'])} {month} {label['year']}"
        if label["day"]
        else f"Published: {month} {label['year']}"
    )


def _before_other_news(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """The article's lines up to an "Other news" heading, and the dated stamps after it
    ("Source: UzA, 23.12.2019" at the foot of the page)."""
    cut = next((i for i, (_, line) in enumerate(lines) if _OTHER_NEWS.match(line)), len(lines))
    return lines[:cut], [line for _, line in lines[cut:] if _is_stamp(line)]


def _header_text_trailer(lines: list[_Line]) -> tuple[list[str], list[_Line], list[str]]:
    """The header (with the datelines and time stamps at the top of the text), the text and the trailer."""
    header_end = _header_end(lines)
    trailer_start = _trailer_start(lines, header_end)
    top_stamps = _top_stamps(lines, header_end, trailer_start)
    header = [line for _, line in lines[:header_end]] + [lines[i][1] for i in top_stamps]
    text = [line for i, line in enumerate(lines[:trailer_start]) if i >= header_end and i not in top_stamps]
    return header, text, [line for _, line in lines[trailer_start:]]


def _header_end(lines: list[_Line]) -> int:
    """Where the header of headline, byline and dateline ends: at the first line of text or bullet."""
    text_at = (i for i, (_, line) in enumerate(lines) if not _is_meta(line) or _BULLET.match(line))
    return next(text_at, len(lines))


def _trailer_start(lines: list[_Line], header_end: int) -> int:
    """Where the trailer of source line and credits starts: after the last line of text."""
    start = len(lines)
    while start > header_end and _is_meta(lines[start - 1][1], longest=10):
        start -= 1
    return start


def _top_stamps(lines: list[_Line], header_end: int, trailer_start: int) -> list[int]:
    """The dated lines among the first, before the text's first sentence: datelines and time stamps. When
    the header has none, the first line that is a date and little else is the time stamp, even below a
    subtitle or a lead; under a dated header it is a heading of the text ("Tuesday, 14 October 2025")."""
    sentences_at = (i for i in range(header_end, trailer_start) if _TERMINAL.search(lines[i][1]))
    text_start = next(sentences_at, trailer_start)
    top = [i for i in range(header_end, min(text_start, _TOP_LINES)) if _is_top_stamp(lines[i][1])]
    if top or any(has_date(line) for _, line in lines[:header_end]):
        return top
    below = (i for i in range(header_end, min(trailer_start, _TOP_LINES)) if is_date_stamp(lines[i][1]))
    return [i] if (i := next(below, None)) is not None else []


def _split_title(header: list[str]) -> tuple[str, list[str]]:
    """The headline, the header's first line that is not in capitals, dated or labelled; and the rest."""
    for i, line in enumerate(header):
        if not line.isupper() and not has_date(line) and not META_PREFIX.match(line):
            return line, header[:i] + header[i + 1 :]
    return "", header


def _opening_dateline(paragraphs: list[_Line]) -> tuple[int, int, str, str]:
    """The inline dateline opening the text ("BAKU, 29 December 2012 – "): the paragraph it opens, its
    length, date and agency. It opens the first paragraph, or, below a headline and subtitles that end
    in no full stop, the first that reads as text, if it gives a day there ("17 September 2024 – ..."
    under a press release's subtitles); a bullet opens no dateline."""
    for number, (_, line) in enumerate(paragraphs[:_TOP_LINES]):
        if _BULLET.match(line):
            break
        length, date, agency = _inline_dateline(line)
        if length and (number == 0 or any(day.precision == "day" for day in written_dates(date, None))):
            return number, length, date, agency
        if _TERMINAL.search(line):
            break
    return 0, 0, "", ""


def _body(paragraphs: list[_Line], dateline_at: int, dateline_length: int) -> list[Sentence]:
    """The sentences of the text, each with its paragraph and the section heading above it."""
    body: list[Sentence] = []
    section = lead_in = ""
    for number, (start, line) in enumerate(paragraphs):
        skip = _text_start(line, dateline_length if number == dateline_at else 0)
        sentences = _split_sentences(line[skip:], start + skip)
        if sentences and _is_heading(sentences[0].text):  # "Australia." alone or leading its paragraph
            section = sentences[0].text
        item = bool(_BULLET.match(line))
        body += [
            replace(sentence, section=section, paragraph=number, lead_in=lead_in if item else "")
            for sentence in sentences
        ]
        if not item:  # a list's items follow the sentence that ends in a colon
            lead_in = sentences[-1].text if sentences and sentences[-1].text.endswith(":") else ""
    return body


def _text_start(line: str, dateline_length: int) -> int:
    """Where a paragraph's words begin: after its indent, its bullet or the dateline opening it."""
    if bullet := _BULLET.match(line):
        return bullet.end()
    return max(len(line) - len(line.lstrip()), dateline_length)


# "By Aigerim Seisembayeva, The Astana Times", "By NAME | AGENCY": the byline's last part names the house
_BYLINE = re.compile(r"^\s*by\s+[^,|]+?\s*[,|]\s*(?:[^,|]+[,|]\s*)*(?P<who>[^,|]+?)\s*$", re.IGNORECASE)
# A wire's attribution in its lead: "..., Trend reports.", "..., Kazinform correspondent reports.", and
# before what it cites: "..., Azernews reports, citing the agency."
_REPORTS = re.compile(
    r",\s+(?P<who>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}?)(?:\s+(?:correspondent|news\s+agency|agency))?"
    r"\s+reports?(?:\.?\s*$|,\s+citing\b)|"
    r"\baccording\s+to\s+(?P<source>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}?)(?:\s+news\s+agency)?\W*$"
)
# A dateline's agency in capitals after its place (and date): "ASTANA. KAZINFORM - ", "GENEVA. May 16. KAZINFORM"
_CAPITAL_AGENCY = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý-]+[.,]\s+(?:[\w ]{1,12}\.\s+)?(?P<who>[A-Z]{3,}[a-z]?)\b(?!\.\w)"
)
# A header stamp signed by a site: "Agenda.ge, 23 May 2014 - 15:38, Tbilisi", "Kompas.com - 13/10/2017",
# or by a name before its time: "Armenpress 17:50, 23 June, 2021"
_SITE_STAMP = re.compile(
    r"^\s*(?:(?P<who>[A-Z][\w-]*\.[A-Za-z]{2,3})\s*[,|–-]|(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+\d{1,2}:\d\d\b)"
)
# A site's address as its name: "News.Az", "1news.az", "www.informasiya.org", "astana2050.kz", a full stop
# after it ending the sentence ("..., сообщает Lada.kz."); not a file's name ("180723_egovt_in.jpg",
# "statistics.csv", "Node.js"), nor a social network's, on any of its hosts ("www.facebook.com", "m.vk.com")
_FILE_ENDINGS = "|".join(word_lists.names()["file_endings"])
_SOCIAL_SITES = "|".join(re.escape(site) for site in word_lists.names()["social_sites"])
_SITE = (
    rf"(?<![\w@/.-])(?!(?:[\w-]+\.)*(?i:{_SOCIAL_SITES})(?![\w-]|\.\w))(?:www\.)?"
    rf"(?P<site>[^\W_][\w-]*(?:\.[\w-]+)*\.(?!(?i:{_FILE_ENDINGS})\b)[^\W\d_]{{2,4}})"
    r"(?!\w|\.\w|-(?!\w{1,3}(?!\w)))"  # a case ending may join it: "yenicag.az-a"
)
_SITE_NAME = re.compile(rf"^\s*{_SITE}\s*$")  # alone on a line of the header, title or trailer
_REPORTING_WORDS = "|".join(
    re.escape(word) for word in sorted(word_lists.names()["reporting_words"], key=len, reverse=True)
)
_REPORTS_BEFORE = re.compile(rf"(?<!\w)(?i:{_REPORTING_WORDS})\s*$")  # "сообщает Lada.kz"
# "1news.az xəbər verir", "yenicag.az-a bildirilib": a case ending may join the address
_REPORTS_AFTER = re.compile(rf"^(?:-\w{{1,3}})?[\s,–-]*(?i:{_REPORTING_WORDS})(?!\w)")
_SITE_IN_TEXT = re.compile(_SITE)


def find_publisher(layout: Layout) -> str:
    """The house that published the article: a source or copyright line, the dateline's agency, a byline's
    house, a wire's attribution in the lead ("..., Trend reports."), or a signature at the foot."""
    return _trailer_source(layout) or _header_or_lead_house(layout) or _trailer_signature(layout)


def _header_or_lead_house(layout: Layout) -> str:
    if layout.dateline_agency:
        return layout.dateline_agency
    # "ASTANA. KAZINFORM Chairman ...": the place may stand as a sentence of its own before the agency
    opening = " ".join(sentence.text for sentence in layout.body[:2] if sentence.paragraph == 0)
    if capitals := _CAPITAL_AGENCY.match(layout.dateline + opening):
        return capitals["who"]
    lines = [layout.title, *layout.header]
    for line in lines:
        if (site := _SITE_STAMP.match(line)) and has_date(line):
            return site[site.lastgroup]  # "who" or "name", whichever signed
        if (byline := _BYLINE.match(line)) and _words(byline["who"]) <= 6 and not has_date(byline["who"]):
            return byline["who"].strip(" .")
    # an address alone on a line signs the page unless a stamp or byline does: it may be a portal's
    # name over the headline ("eGov.kz")
    if site := next(filter(None, map(_SITE_NAME.match, lines)), None):
        return site["site"]
    for sentence in layout.lead:
        if reported := _REPORTS.search(sentence.text):
            return (reported["who"] or reported["source"]).strip()
        if site := _reporting_site(sentence.text):
            return site
    return ""


def _reporting_site(sentence: str) -> str:
    """A site that says it reports, by its address: "сообщает Lada.kz", "1news.az xəbər verir ki"; not
    a portal the text speaks of ("via egov.kz")."""
    for site in _SITE_IN_TEXT.finditer(sentence):
        if _REPORTS_BEFORE.search(sentence[: site.start()]) or _REPORTS_AFTER.match(sentence[site.end() :]):
            return site["site"]
    return ""


def _trailer_source(layout: Layout) -> str:
    for line in layout.header + layout.trailer:
        if match := _SOURCE_LINE.match(line):
            return re.split(r",\s*(?=\d)|\s*\|", match["who"])[0].strip()
    # a copyright names the house wherever it stands: at the foot, in the title or header, or on a
    # line of its own in the text ("© CABAR - Central Asian Bureau for Analytical Reporting")
    notices = [sentence.text for sentence in layout.body if sentence.text.startswith("©")]
    for line in [*layout.trailer, layout.title, *layout.header, *notices]:
        if match := _COPYRIGHT.search(line):
            return match["who"].strip()
    # a site's address alone at the foot signs the page ("News.Az"), unless a line ending in a colon points
    # the reader to it ("For more information visit:" above "www.egov.kz")
    for before, line in itertools.pairwise(["", *layout.trailer]):
        if (site := _SITE_NAME.match(line)) and not before.rstrip().endswith(":"):
            return site["site"]
    return ""


def _trailer_signature(layout: Layout) -> str:
    for line in layout.trailer:  # "ATA, 2017", "Lusa | 22/05/2019", "- The Daily Star", "AZERTAC"
        signed = has_date(line) or re.match(r"\s*[-–—(]", line) or re.fullmatch(r"\s*[A-Z]{2,}\s*", line)
        name = re.split(r",\s*(?=\d)|\s*\|\s*", line.strip(" -–—()"))[0].strip()
        if signed and name and not has_date(name) and not META_PREFIX.match(line) and _words(name) <= 5:
            return name
    return ""
