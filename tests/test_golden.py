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


SITE_URL = "https://onestop-timeline.example.org/"  # mkdocs.yml's, when SITE_URL is not set
BUILD_DATE = datetime.date(2025, 11, 20)


def generated_outputs() -> dict[str, bytes]:
    site = generate_site(founding_seeds(), base=ROOT, site_url=SITE_URL, build_date=BUILD_DATE)
    outputs = {path: text.encode("utf-8") for path, text in site.pages.items()}
    outputs.update(site.files)
    return outputs


OUTPUTS = generated_outputs()


def test_no_golden_file_is_left_over():
    expected = {str(path.relative_to(GOLDEN)) for path in GOLDEN.rglob("*") if path.is_file()}
    assert expected == set(OUTPUTS)


@pytest.mark.parametrize("path", sorted(OUTPUTS))
def test_generated_output_matches_its_golden_file(path):
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(OUTPUTS[path])
    assert OUTPUTS[path].decode() == golden.read_bytes().decode()
