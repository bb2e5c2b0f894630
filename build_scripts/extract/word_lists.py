"""The word lists the extraction steps read (`data/`), each parsed once, with libyaml's C loader when
PyYAML has it: the names file alone was parsed eleven times at import with the pure-Python one."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
NAMES_FILE = DATA / "names.yaml"
CITIES_FILE = DATA / "cities.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path):
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_LOADER)  # a safe loader, C or Python


@cache
def names() -> dict:
    """Country names, demonyms, regions and the word classes of dates (read only: it is shared)."""
    return load_yaml(NAMES_FILE)


@cache
def cities() -> dict[str, str]:
    """GeoNames cities by name, to their country's alpha-2 code (read only: it is shared)."""
    return load_yaml(CITIES_FILE)
