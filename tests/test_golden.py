"""Golden files: the pages and data generated from the founding seeds, byte for byte.

After an intended change, regenerate them with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py` and review the diff.
"""

import os
from pathlib import Path

import pytest

import yaml

from build_scripts.site import generate_site

from .conftest import ROOT, founding_seeds

GOLDEN = Path(__file__).parent / "golden"


def generated_outputs() -> dict[str, bytes]:
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    site = generate_site(founding_seeds(), base=ROOT, site_url=site_url)
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
