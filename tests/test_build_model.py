from build_scripts.build_model import build_timeline
from build_scripts.validate import validate_paths

from .conftest import founding_seeds


def founding_timeline():
    seeds, problems = validate_paths(founding_seeds())
    assert problems == []
    return build_timeline(seeds)


def test_entries_are_in_date_order_with_stable_readable_ids():
    timeline = founding_timeline()
    ids = [entry.id for entry in timeline.entries]
    assert ids[0] == "2005-kazakhstan-introduces-the-one-stop-shop-principle-in-public-services"
    assert "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops" in ids
    assert [entry.event.date.sort_key for entry in timeline.entries] == sorted(
        entry.event.date.sort_key for entry in timeline.entries
    )
    assert len(set(ids)) == len(ids)


def test_every_country_named_in_the_founding_seeds_has_its_entries():
    timeline = founding_timeline()
    names = {item.country.name for item in timeline.countries}
    assert {
        "Kazakhstan",
        "Uzbekistan",
        "Azerbaijan",
        "Georgia",
        "South Korea",
        "Estonia",
        "Singapore",
        "Japan",
        "United States",
    } <= names
    kazakhstan = next(item for item in timeline.countries if item.country.code == "KZ")
    assert len(kazakhstan.entries) == len(
        [e for e in timeline.entries if "KZ" in {c.code for c in e.event.countries}]
    )


def test_knowledge_transfer_runs_both_ways():
    timeline = founding_timeline()
    by_code = {item.country.code: item for item in timeline.countries}
    assert [country.code for country in by_code["UZ"].learned_from] == ["KZ"]
    assert "UZ" in [country.code for country in by_code["KZ"].taught]
    assert {"AZ", "EE", "KR", "SG", "JP", "US"} <= {country.code for country in by_code["KZ"].learned_from}


def test_the_same_title_on_the_same_day_gets_a_distinct_id(tmp_path):
    body = "Centre opened in Almaty. Centre opened in Astana.\n"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(
            "---\nevents:\n  - date: 2006-03-01\n    title: Centre opened\n    quote: Centre opened\n---\n"
            + body
        )
    seeds, _ = validate_paths(sorted(tmp_path.glob("*.md")))
    ids = [entry.id for entry in build_timeline(seeds).entries]
    assert ids == ["2006-03-01-centre-opened", "2006-03-01-centre-opened-2"]
