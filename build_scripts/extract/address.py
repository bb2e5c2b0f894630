"""What a page's address tells beside its text: the date many sites write into the path
("/2021/03/26/", "Noticia-2015-04-29-...", "/2017/07/"), and the site, whose name the corpus may
already give ("en.trend.az" is "Trend News Agency" in every seed from it) when the text names none."""

from __future__ import annotations

import calendar
import ipaddress
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from build_scripts.model import PartialDate, Seed

# A month by its whole name or abbreviation, not a word it begins ("decree-5-2019", "mayor-2-2019")
_MONTH_NAMES = "|".join(
    sorted(
        {name.casefold() for name in [*calendar.month_name, *calendar.month_abbr, "Sept"] if name},
        key=len,
        reverse=True,
    )
)
# A year, a month and maybe a day, each after a slash, dash or underscore ("/2021/4/16/"), or a day, a
# month and a year ("--28-06-2018", "sep-07-2023", "april_8_2014"); not "20090509214908" (an archive's
# stamp, with no separator) nor "/2015/06/420162" past its month. A month in one digit needs its day:
# "-2019-2/" and "report_2019_1.pdf" number a page or file
_PATH_DATE = re.compile(
    rf"""(?<![\d])(?P<year>(?:19|20)\d\d)[/_-](?P<month>0[1-9]|1[0-2]|[1-9](?=[/_-][0-3]?\d(?!\d)))
        (?:[/_-](?P<day>[0-3]?\d))?(?![\d])
    | (?<![\d])(?P<dmy_day>[0-3]?\d)[/_.-](?P<dmy_month>0?[1-9]|1[0-2])[/_.-](?P<dmy_year>(?:19|20)\d\d)(?![\d])
    | (?<![^\W\d_])(?P<named_month>{_MONTH_NAMES})[_-](?P<named_day>[0-3]?\d)[_-](?P<named_year>(?:19|20)\d\d)(?![\d])
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Each shape's groups for the year, month and day
_SHAPES = {
    "year first": ("year", "month", "day"),
    "day first": ("dmy_year", "dmy_month", "dmy_day"),
    "named": ("named_year", "named_month", "named_day"),
}
# A host's prefixes that name no site of their own: "www.", "www2.", "m.", "amp."
_PLAIN_PREFIX = re.compile(r"^(?:www\d?|m|mobile|amp)\.")


def _parts(url: str) -> SplitResult | None:
    """The address split into its parts; None for "http://[" and others urllib cannot split."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def site_of(url: str) -> str:
    """The host a page is on, without "www." and such ("kant.kg"); "" for no address or a bare IP
    address. A backslash ends the host, as browsers read it ("https://e.kg\\@x.kg/" is on e.kg)."""
    parts = _parts(url.replace("\\", "/"))
    host = (parts.hostname or "") if parts else ""
    try:
        ipaddress.ip_address(host)
        return ""
    except ValueError:
        return _PLAIN_PREFIX.sub("", host.rstrip("."))


# A query's parameters that tell where the reader came from, not which page: "?utm_source=facebook"
_TRACKING_PARAMETER = re.compile(r"utm_\w+|fbclid|gclid|yclid", re.IGNORECASE)


def same_page(url: str, other: str) -> bool:
    """Two addresses of one page: the same site, path and query, whatever the scheme, "www." or a
    closing slash ("http://www.kant.kg/news/1/" and "https://kant.kg/news/1"), the percent-encoding
    ("/новости/1", "/%D0%BD%D0%BE..." and "/%d0%bd%d0%be..."), the order of the query's parameters or
    a tracking one ("?utm_source=facebook"). A fragment is no other page, unless it is a route of a
    single-page site ("#/news/1", "#!/news/1")."""

    def page(address: str) -> tuple[str, str, tuple[tuple[str, str], ...], str]:
        parts = _parts(address)
        if parts is None:
            return ("", address, (), "")
        query = sorted(
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMETER.fullmatch(name)
        )
        route = unquote(parts.fragment) if parts.fragment.startswith(("/", "!")) else ""
        return (site_of(address), unquote(parts.path).rstrip("/"), tuple(query), route)

    return bool(site_of(url)) and page(url) == page(other)


def address_date(url: str) -> PartialDate | None:
    """The first date the address's path or query writes out, as precisely as it does."""
    parts = _parts(url)
    if parts is None:
        return None
    for match in _PATH_DATE.finditer(f"{parts.path}?{parts.query}"):
        shape = next(name for name in _SHAPES if match[_SHAPES[name][0]])
        year, month, day = match.group(*_SHAPES[shape])
        if shape == "named":
            month = _month_number(month)
        elif shape == "day first" and int(day) <= 12 and day != month:
            continue  # "04-12-2021": 4 December, or 12 April as American sites write it
        written = f"{int(year):04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        try:
            return PartialDate.parse(written)
        except ValueError:  # "2019/02/30": no such day
            continue
    return None


def _month_number(name: str) -> int:
    """The month a name or abbreviation writes ("April", "sep", "Sept"), by its first three letters."""
    return [abbr.casefold() for abbr in calendar.month_abbr].index(name.casefold()[:3])


def known_publishers(seeds: Iterable[Seed]) -> dict[str, str]:
    """Each site's publisher as the seeds from it give it, for the sites whose seeds all agree: an
    archive or a document host republishing many houses ("docslib.org") names none."""
    names: dict[str, set[str]] = defaultdict(set)
    for seed in seeds:
        if seed.publisher and (site := site_of(seed.url)):
            names[site].add(seed.publisher)
    return {site: next(iter(given)) for site, given in names.items() if len(given) == 1}


def publisher_by_address(url: str, known: Mapping[str, str], found_in_text: str) -> str:
    """The name the text gives, else the one the corpus gives the page's site, else the site itself: the
    text speaks of this page, the corpus of others on its site (a document host's one seed names the
    house of that document, not of the next)."""
    site = site_of(url)
    return found_in_text or known.get(site) or site
