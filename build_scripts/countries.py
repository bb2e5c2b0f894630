"""Country names and codes, from pycountry plus a small alias list kept as data."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import pycountry
import yaml

from build_scripts.model import Country

ALIASES_FILE = Path(__file__).parent / "data" / "country_aliases.yaml"
EXTRAS_FILE = Path(__file__).parent / "data" / "country_extras.yaml"


@cache
def _extras() -> dict[str, str]:
    with EXTRAS_FILE.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@cache
def _aliases() -> dict[str, str]:
    with ALIASES_FILE.open(encoding="utf-8") as stream:
        aliases = yaml.safe_load(stream)
    return {
        name.casefold(): code for name, code in {**aliases, **{v: k for k, v in _extras().items()}}.items()
    }


def country(code: str) -> Country:
    """The country with this alpha-2 code, named as readers know it."""
    if name := _extras().get(code.upper()):
        return Country(code.upper(), name)
    record = pycountry.countries.get(alpha_2=code.upper())
    if record is None:
        raise KeyError(code)
    return Country(record.alpha_2, getattr(record, "common_name", None) or record.name)


@cache
def resolve_country(text: str) -> Country | None:
    """An alpha-2 code or an English name (official, common, or a listed alias), else None."""
    value = " ".join(str(text).split())
    if not value:
        return None
    if len(value) == 2:
        known = value.upper() in _extras() or pycountry.countries.get(alpha_2=value.upper())
        return country(value) if known else None
    alias = _aliases().get(value.casefold())
    if alias:
        return country(alias)
    try:
        return country(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        return None


@cache
def _known_names() -> dict[str, str]:
    """Every name a country goes by, folded, mapped to its alpha-2 code."""
    names = {name: code for name, code in _aliases().items()}
    for record in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if value := getattr(record, attribute, None):
                names[value.casefold()] = record.alpha_2
    return names


def suggest_country(text: str) -> str | None:
    """The closest country name, for a 'did you mean' hint."""
    close = difflib.get_close_matches(str(text).casefold(), _known_names(), n=1, cutoff=0.85)
    return country(_known_names()[close[0]]).name if close else None
