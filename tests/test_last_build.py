"""A save under `mkdocs serve` makes again only what its inputs changed."""

import pytest

from build_scripts import last_build
from build_scripts.last_build import LastBuild


@pytest.fixture(autouse=True)
def remembering(monkeypatch):
    monkeypatch.setattr(last_build, "REMEMBER", True)


def made(memo: LastBuild, inputs, log: list) -> str:
    return memo.get(inputs, lambda: log.append(inputs) or f"made from {inputs}")


def test_a_value_is_made_once_while_its_inputs_and_the_state_stay_the_same():
    memo, log = LastBuild(), []
    memo.start("templates v1")
    assert made(memo, "entry a", log) == "made from entry a"
    memo.start("templates v1")
    assert made(memo, "entry a", log) == "made from entry a"
    assert made(memo, "entry b", log) == "made from entry b"
    assert log == ["entry a", "entry b"]


def test_a_changed_state_makes_everything_again():
    memo, log = LastBuild(), []
    memo.start("templates v1")
    made(memo, "entry a", log)
    memo.start("templates v2")
    made(memo, "entry a", log)
    assert log == ["entry a", "entry a"]


def test_only_the_last_run_is_kept():
    memo, log = LastBuild(), []
    memo.start()
    made(memo, "entry a", log)
    memo.start()  # a run without entry a
    memo.start()
    made(memo, "entry a", log)
    assert log == ["entry a", "entry a"]


def test_a_single_run_keeps_nothing(monkeypatch):
    monkeypatch.setattr(last_build, "REMEMBER", False)
    memo, log = LastBuild(), []
    memo.start()
    made(memo, "entry a", log)
    memo.start()
    made(memo, "entry a", log)
    assert log == ["entry a", "entry a"] and memo.current == {}
