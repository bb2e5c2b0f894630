"""Golden files: the pages and data generated from the founding seeds, byte for byte.

After an intended change, regenerate them with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py` and review the diff.
"""

import datetime
import os
from pathlib import Path

import pytest

from build_scripts.site import generate_site

from .conftest import ROOT, founding_seeds

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PATHS = sorted(str(path.relative_to(GOLDEN)) for path in GOLDEN.rglob("*") if path.is_file())
SITE_URL = "https://onestop-timeline.example.org/"  # mkdocs.yml's, when SITE_URL is not set
BUILD_DATE = datetime.date(2025, 11, 20)  # the citations' version date


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    """Every generated page and data file, built once (a failure here fails the tests, not collection)."""
    site = generate_site(founding_seeds(), base=ROOT, site_url=SITE_URL, build_date=BUILD_DATE)
    generated = {path: text.encode("utf-8") for path, text in site.pages.items()}
    generated.update(site.files)
    if os.environ.get("UPDATE_GOLDEN"):
        for path, content in generated.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(content)
    return generated


def test_every_output_has_a_golden_file_and_none_is_left_over(outputs):
    assert set(GOLDEN_PATHS) == set(outputs)


@pytest.mark.parametrize("path", GOLDEN_PATHS)
def test_generated_output_matches_its_golden_file(outputs, path):
    assert outputs[path].decode() == (GOLDEN / path).read_bytes().decode()
