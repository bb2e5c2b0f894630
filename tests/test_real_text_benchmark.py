"""The real-page benchmark: curated seeds are the truth, every fifth seed by id a frozen test set."""

import importlib.util
import re
import shutil
import sys

from .conftest import ROOT, founding_seeds

# The benchmarks are scripts, not a package: load this one from its file.
_spec = importlib.util.spec_from_file_location("real_text", ROOT / "benchmarks" / "real_text.py")
real_text = sys.modules["real_text"] = importlib.util.module_from_spec(_spec)  # dataclasses look it up
_spec.loader.exec_module(real_text)


def test_the_split_freezes_every_fifth_seed_and_scores_both(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in founding_seeds():
        shutil.copy(seed, seeds / seed.name)
    # Copies without ids are entries of their own: five seeds, the fifth by id the test set's only page.
    copy = re.sub(r"- id: [^\n]*\n\s*", "- ", founding_seeds()[1].read_text(encoding="utf-8"))
    for number in range(3):
        (seeds / f"zz-copy-{number}.txt").write_text(copy, encoding="utf-8")
    tallies = real_text.evaluate(seeds)
    assert (tallies["tuning"].pages, tallies["test"].pages) == (4, 1)
    assert tallies["tuning"].curated == 6 + 4 + 4 + 4
    # The founding seeds extract to events matching every curated one (test_extract_* holds it too).
    assert tallies["tuning"].matched == tallies["tuning"].curated
    assert tallies["test"].misses == [] and tallies["test"].curated == 4


def test_with_the_address_a_seed_is_named_by_the_other_seeds_never_by_its_own(tmp_path):
    """Three tuning seeds from ifg.cc name it The Astana Times; the fourth and the test seed are each
    alone on their sites."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    reprint = re.sub(r"- id: [^\n]*\n\s*", "- ", founding_seeds()[1].read_text(encoding="utf-8"))
    # the text names no house, so that the names come from the address alone; its date stays
    reprint = reprint.replace("\nQuelle/Source: The stana Time, 05.01.2018", "\n05.01.2018")
    for number in range(4):
        (seeds / f"copy-{number}.txt").write_text(reprint, encoding="utf-8")
    unique = reprint.replace("publisher: The Astana Times", "publisher: Unique House").replace(
        "url: http://ifg.cc/", "url: https://unique.example/"
    )
    (seeds / "copy-4.txt").write_text(unique, encoding="utf-8")
    (seeds / "copy-0.txt").write_text(unique.replace("unique.example", "lonely.example"), encoding="utf-8")
    tallies = real_text.evaluate(seeds)  # copy-0, tuning but alone on its site, is not named by itself
    assert (tallies["tuning"].publisher_by_address, tallies["test"].publisher_by_address) == (3, 0)
    assert tallies["tuning"].published_by_address == 4  # the text dates them; ifg.cc's address does not


def test_the_report_leads_with_the_frozen_test_set_and_hides_its_misses(monkeypatch):
    tallies = {"test": real_text.RealTally(misses=["x: 2005 secret"]), "tuning": real_text.RealTally()}
    monkeypatch.setattr(real_text, "evaluate", lambda: tallies)
    report = real_text.report(verbose=True)
    assert report.splitlines()[1].startswith("  test, every fifth seed, frozen (the honest figure)")
    assert "secret" not in report
    assert "secret" in real_text.report(verbose=True, show_test_misses=True)


def test_the_ceilings_count_a_date_written_out_and_a_publisher_named_in_the_body():
    published = real_text.PartialDate(2021, 3, 4)
    assert real_text._states_date("Title\n\nThe hall opened on 4 March 2021 in Osh.", published)
    # a date the reference would give ("today", "4 March") is not written out in the body
    assert not real_text._states_date("Title\n\nThe hall opened today, 4 March, in Osh.", published)
    assert real_text._states_date("Title\n\nNo date here.", None)  # nothing to find: finding none is right
    publisher = "ifg.cc (reprinting Daily News Agency)"
    assert real_text._names_publisher("BAKU, Daily News Agency reports.", publisher)
    assert not real_text._names_publisher("BAKU, Daily News reports.", publisher)
