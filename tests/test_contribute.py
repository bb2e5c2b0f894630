"""The contributor's path: the validate, new and extract commands, CONTRIBUTING, the pull-request checks,
pre-commit."""

import io
import json
import re

import pytest
import yaml

from build_scripts.commands import new_command
from build_scripts.extract import extract_text
from build_scripts.model import PartialDate
from build_scripts.read_seeds import read_seed_file
from build_scripts.schema import EVENT_FIELDS, SEED_FIELDS
from build_scripts.seed_files import draft_front_matter
from build_scripts.validate import validate_paths, validate_seed_file

from .conftest import FIXTURES, ROOT, run_command
from .extract_helpers import ARTICLE, FOUNDING_SEEDS

BROKEN = FIXTURES / "seeds" / "broken.md"


def test_validate_passes_the_published_seeds_with_exit_status_0():
    result = run_command("validate")
    assert result.returncode == 0, result.stdout
    assert re.fullmatch(r"All \d+ seed files are valid\.\n", result.stdout)


def test_validate_says_one_valid_file_is_valid():
    result = run_command("validate", "seeds/004_d5fc1c6b4583ae9a.txt")
    assert result.returncode == 0 and result.stdout == "The seed file is valid.\n"


def test_validate_lists_every_problem_as_path_line_message_and_exits_1():
    result = run_command("validate", str(BROKEN.relative_to(ROOT)))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 16
    assert (
        lines[0]
        == "tests/fixtures/seeds/broken.md:2: error: 'title' contains raw HTML ('<b>'): write plain text instead"
    )
    assert all(re.match(r"tests/fixtures/seeds/broken\.md:\d+: error: ", line) for line in lines)
    assert "16 problems in 1 of 1 seed file." in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_checks_several_files_and_names_each(tmp_path):
    good = ROOT / "seeds" / "004_d5fc1c6b4583ae9a.txt"
    empty = tmp_path / "empty.md"
    empty.write_text("")
    result = run_command("validate", str(good), str(empty), str(BROKEN))
    assert result.returncode == 1
    assert f"{empty}:1: error: the file is empty" in result.stdout
    assert "17 problems in 2 of 3 seed files." in result.stderr


def test_github_format_prints_workflow_annotations():
    result = run_command("validate", "--format", "github", str(BROKEN.relative_to(ROOT)))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first == (
        "::error file=tests/fixtures/seeds/broken.md,line=2,title=Seed problem::"
        "'title' contains raw HTML ('<b>'): write plain text instead"
    )


def test_bad_usage_exits_2_with_a_usage_message():
    result = run_command("validate", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    result = run_command("validate", str(tmp_path / "nowhere.md"))
    assert result.returncode == 1
    assert (
        result.stdout
        == f"{tmp_path / 'nowhere.md'}:1: error: the file cannot be read (No such file or directory): check that it exists and is readable\n"
    )


def test_contributing_documents_every_field_of_the_schema():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for key in [*SEED_FIELDS, *EVENT_FIELDS]:
        assert f"| `{key}` |" in guide, key


def test_the_example_in_contributing_is_a_valid_seed(tmp_path):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", guide, re.DOTALL).group(1)
    (tmp_path / "example.md").write_text(example)
    result = run_command("validate", str(tmp_path / "example.md"))
    assert result.returncode == 0, result.stdout


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def test_pull_request_checks_run_validation_tests_and_a_strict_build_with_least_privilege():
    checks = workflow("pull-request.yml")
    assert list(checks[True]) == ["pull_request"]  # YAML reads the key `on` as True
    assert checks["permissions"] == {"contents": "read"}
    commands = [step.get("run") for job in checks["jobs"].values() for step in job["steps"]]
    assert commands[1:4] == [
        "python3 -m build_scripts validate --format github",
        "python3 -m build_scripts test",
        "python3 -m build_scripts build",
    ]
    # A published address may not vanish: the base branch's sitemap is checked against this build.
    assert "python3 -m build_scripts check-urls ../base/site/sitemap.xml site" in commands[4]
    for job in checks["jobs"].values():
        assert "permissions" not in job and "secrets" not in str(job)
        checkout = job["steps"][0]
        assert checkout["with"]["persist-credentials"] is False


def test_every_action_is_pinned_to_a_commit_and_only_deploy_writes():
    for name in ("pull-request.yml", "deploy.yml"):
        text = (ROOT / ".github" / "workflows" / name).read_text()
        assert "pull_request_target" not in workflow(name)[True]
        for action in re.findall(r"uses: (\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
    deploy = workflow("deploy.yml")
    assert deploy[True]["push"] == {"branches": ["main"]}
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in deploy["jobs"]["build"]


def test_the_pull_request_template_asks_for_every_command_contributing_asks_reviewers_to_run():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    reviewers = guide.split("## What reviewers check")[1].split("\n## ")[0]
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    commands = re.findall(r"`(python3 -m build_scripts \w+)`", reviewers)
    assert commands == ["python3 -m build_scripts validate", "python3 -m build_scripts test"]
    for command in commands:
        assert f"`{command}`" in template


def test_pre_commit_validates_the_changed_seeds_with_the_same_command():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python3 -m build_scripts validate"
    for path in ("seeds/004_d5fc1c6b4583ae9a.txt", "seeds/X.MD", "seeds/sub/x.md", "seeds/notes.markdown"):
        assert re.search(hook["files"], path)  # what the build would report, pre-commit checks too
    assert not re.search(hook["files"], "docs/index.md")
    result = run_command("validate", str(BROKEN))
    assert result.returncode == 1 and "broken.md:2: error:" in result.stdout


def test_new_starts_a_valid_seed_with_what_the_text_gives(tmp_path):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    article = FIXTURES / "received" / "000_8c3c8cf97528e99a.txt"  # the founding seed as received
    assert new_command(article, None, seeds_dir=seeds_dir) == 0
    [written] = seeds_dir.iterdir()
    assert written.name.startswith("2025-11-20-") and written.suffix == ".md"
    seed_file, problems = read_seed_file(written)
    assert problems == [] and seed_file.body == article.read_text(encoding="utf-8")
    [seed], problems = validate_paths([written])
    assert problems == []
    assert str(seed.published) == "2025-11-20" and seed.events, "date and events are filled in"


def test_new_reads_standard_input_from_a_pipe_without_asking(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("ASAN service opened its first centre in Baku.\n"))
    assert new_command(None, "2013-asan-opens", seeds_dir=tmp_path) == 0
    assert capsys.readouterr().err == ""
    written = (tmp_path / "2013-asan-opens.md").read_text(encoding="utf-8")
    assert written.startswith("---\n") and written.endswith(
        "\n---\nASAN service opened its first centre in Baku.\n"
    )


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_new_asks_for_the_article_when_standard_input_is_a_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", Terminal("ASAN service opened its first centre in Baku.\n"))
    assert new_command(None, "2013-asan-opens", seeds_dir=tmp_path) == 0
    assert capsys.readouterr().err == "Paste the article, then press Ctrl-D\n"


def test_new_never_overwrites_a_seed():
    founding = ROOT / "seeds" / "004_d5fc1c6b4583ae9a.txt"
    before = founding.read_bytes()
    result = run_command("new", "--id", founding.stem, stdin="Some article text.\n")
    assert result.returncode == 1
    assert "seeds/004_d5fc1c6b4583ae9a.txt exists already; choose another name with --id" in result.stderr
    assert founding.read_bytes() == before and not founding.with_suffix(".md").exists()


def test_new_refuses_an_id_that_cannot_name_a_file():
    result = run_command("new", "--id", "../outside", stdin="Some article text.\n")
    assert result.returncode == 2
    assert "--id '../outside' cannot name a seed file" in result.stderr


def test_a_drafted_front_matter_is_a_valid_seed_with_ids_and_its_plans_marked(tmp_path):
    seed_path = tmp_path / "article.txt"
    seed_path.write_text(draft_front_matter(extract_text(ARTICLE), "article") + ARTICLE, encoding="utf-8")
    seed, problems = validate_seed_file(read_seed_file(seed_path)[0])
    assert problems == []
    assert [event.date.iso for event in seed.events] == ["2017-12-12", "2018-04-01", "2017-11"]
    assert [event.status for event in seed.events] == ["happened", "planned", "happened"]
    assert all(event.id and event.id.startswith(event.date.iso) for event in seed.events)
    assert seed.published == PartialDate(2017, 12, 14)


def test_cli_prints_exactly_the_json_contract(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_command("extract", str(article))
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert list(output) == ["published", "title", "publisher", "countries", "events"]
    assert output["published"] == "2017-12-14"
    assert output["countries"] == ["AZ", "UZ"]
    assert output["events"][0] == {
        "date": "2017-12-12",
        "precision": "day",
        "countries": ["UZ"],
        "title": "President Shavkat Mirziyoyev signed a decree establishing the agency",
        "quote": "President Shavkat Mirziyoyev signed a decree on 12 December 2017 establishing the agency.",
    }
    assert [event["precision"] for event in output["events"]] == ["day", "day", "month"]


def test_cli_reads_the_body_of_a_seed_and_takes_published():
    result = run_command("extract", str(FOUNDING_SEEDS[1]), "--published", "2018-01")
    output = json.loads(result.stdout)
    assert output["published"] == "2018-01"
    assert "---" not in output["title"]
    assert {event["date"] for event in output["events"]} == {"2017-12-22"}


def test_cli_yaml_prints_front_matter():
    result = run_command("extract", str(FOUNDING_SEEDS[1]), "--format", "yaml")
    assert result.returncode == 0
    assert result.stdout.startswith("---\ntitle: ") and result.stdout.endswith("---\n")
    assert "  date: '2017-12-22'" in result.stdout and "- id: 2017-12-22-" in result.stdout


def test_cli_exits_0_when_nothing_is_found(tmp_path):
    empty = tmp_path / "note.txt"
    empty.write_text("No dates here.\n", encoding="utf-8")
    result = run_command("extract", str(empty))
    assert result.returncode == 0
    assert json.loads(result.stdout)["events"] == []


def test_cli_unreadable_file_is_one_line_and_exit_1(tmp_path):
    result = run_command("extract", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "missing.txt" in result.stderr


def test_cli_bad_published_is_one_line_and_exit_2(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_command("extract", str(article), "--published", "2017-13-01")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--published" in result.stderr


def test_new_with_the_page_address_takes_its_date_and_the_name_the_corpus_gives_its_site(tmp_path):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    known = "---\ntitle: Earlier\npublisher: Kabar National News Agency\nurl: https://kabar.kg/news/1\n---\nText.\n"
    (seeds_dir / "earlier.md").write_text(known, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(
        "Centre opens in Osh\n\nThe ministry opened a centre in Osh yesterday.\n", encoding="utf-8"
    )
    url = "https://www.kabar.kg/news/2023/04/18/centre-opens"
    assert new_command(article, None, seeds_dir=seeds_dir, url=url) == 0
    written = seeds_dir / "2023-04-18-centre-opens-in-osh.md"
    [seed], problems = validate_paths([written])
    assert problems == []
    assert (seed.url, seed.publisher, seed.published) == (
        url,
        "Kabar National News Agency",
        PartialDate(2023, 4, 18),
    )
    assert [event.date.iso for event in seed.events] == ["2023-04-17"]


def test_new_refuses_a_page_a_seed_already_cites(tmp_path, capsys):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    cited = (
        "---\ntitle: Earlier\npublisher: Kabar\nurl: https://kabar.kg/news/2023/04/18/centre/\n---\nText.\n"
    )
    (seeds_dir / "earlier.md").write_text(cited, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Centre opens in Osh\n\nThe ministry opened a centre in Osh.\n", encoding="utf-8")
    url = "http://www.kabar.kg/news/2023/04/18/centre"
    assert new_command(article, "again", seeds_dir=seeds_dir, url=url) == 1
    assert capsys.readouterr().err == (
        f"error: {seeds_dir / 'earlier.md'} already cites {url}: add what you found there to that seed, "
        "or give the address of another page\n"
    )
    assert sorted(path.name for path in seeds_dir.iterdir()) == ["earlier.md"]


def test_cli_takes_the_page_address_and_refuses_one_that_is_not_a_web_address(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Centre opens in Osh\n\nThe ministry opened a centre in Osh.\n", encoding="utf-8")
    result = run_command("extract", str(article), "--url", "https://example.kg/2023/04/18/centre")
    output = json.loads(result.stdout)
    assert (output["published"], output["publisher"]) == ("2023-04-18", "example.kg")
    for command in (["extract", str(article)], ["new"]):
        result = run_command(*command, "--url", "www.example.kg/centre", stdin="Some article text.\n")
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == (
            "error: --url 'www.example.kg/centre' is not a page's address: give the one in the browser's "
            "address bar, starting with http:// or https://\n"
        )


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://example.kg/" + "a" * 1982, False),  # 2,001 characters: the schema keeps a url to 2,000
        ("https://example.kg/\x1b[31m", False),  # a control character
        ("https://example.kg/<script>", False),  # markup
        ("https://example.kg/\udcff", False),  # a byte of the command line that is not UTF-8
        ("https://example.kg/\x85", False),  # white space, which the schema would fold away
        ("https://example.kg/" + "a" * 1981, True),  # 2,000 characters
        ("http://[::1]:8080/'a'#b:c", True),  # quotes, a colon and a hash stay the address in YAML
        ("https://bücher.example/?q=é", True),
    ],
)
def test_new_writes_only_an_address_its_seed_passes_validation_with(tmp_path, url, written):
    """`new` checks --url by the schema's rule for `url`, so it never writes a seed that fails on it."""
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    article = tmp_path / "article.txt"
    article.write_text("Centre opens in Osh\n\nThe ministry opened a centre in Osh.\n", encoding="utf-8")
    assert new_command(article, "centre", seeds_dir=seeds_dir, url=url) == (0 if written else 2)
    seeds, problems = validate_paths(list(seeds_dir.iterdir()))
    assert problems == [] and [seed.url for seed in seeds] == ([url] if written else [])
