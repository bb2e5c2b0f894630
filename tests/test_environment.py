"""The set-up: hash-checked packages, the project installed editable, chromium without extras."""

import re
import tomllib

import pytest

from build_scripts import environment

from .conftest import ROOT

REQUIREMENT = re.compile(
    r"^(?P<name>[a-z0-9-]+)==(?P<version>\S+) \\\n(?P<hashes>(?: +--hash=sha256:[0-9a-f]{64}.*\n)+)", re.M
)


def pinned(package_list) -> dict[str, str]:
    """Name to version, for every entry of a hashed list; an entry without a hash fails."""
    text = package_list.read_text(encoding="utf-8")
    entries = {match["name"]: match["version"] for match in REQUIREMENT.finditer(text)}
    assert len(entries) == sum(1 for line in text.splitlines() if "==" in line), "an entry has no hash"
    return entries


def test_the_hashed_lists_pin_every_package_of_pyproject_and_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site, test = pinned(environment.SITE_PACKAGES), pinned(environment.TEST_PACKAGES)
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        name, version = requirement.lower().split("==")
        assert test[name] == version
    for requirement in project["dependencies"]:
        name, version = requirement.lower().split("==")
        assert site[name] == version
    assert site.items() <= test.items()
    assert "setuptools" in site, "the project's own build back-end is hash-checked too"


def test_pip_installs_hash_checked_packages_then_the_project_editable_without_dependencies():
    packages, project = environment.pip_commands(environment.TEST_PACKAGES)
    assert packages[-3:] == ["--require-hashes", "--requirement", str(environment.TEST_PACKAGES)]
    assert project[-4:] == ["--no-deps", "--no-build-isolation", "--editable", str(ROOT)]


def test_apt_installs_chromium_without_recommended_packages():
    assert [
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "chromium",
    ] in environment.APT_COMMANDS


class Recorder:
    """Stands in for subprocess.run: records each command and what had been printed before it."""

    def __init__(self, capsys):
        self.capsys = capsys
        self.calls: list[tuple[list[str], str]] = []

    def __call__(self, command, **options):
        self.calls.append((command, self.capsys.readouterr().err))
        return type("Completed", (), {"returncode": 0})()


@pytest.fixture
def recorder(monkeypatch, capsys) -> Recorder:
    recorder = Recorder(capsys)
    monkeypatch.setattr(environment.subprocess, "run", recorder)
    return recorder


def test_chromium_set_up_says_what_it_installs_and_how_long_before_apt_runs(monkeypatch, tmp_path, recorder):
    monkeypatch.setattr(environment, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(environment.os, "geteuid", lambda: 0)
    monkeypatch.setattr(environment.shutil, "which", lambda name: f"/usr/bin/{name}")
    environment.ensure_chromium()
    assert [command for command, _ in recorder.calls] == list(environment.APT_COMMANDS)
    said = recorder.calls[0][1]
    assert "chromium" in said and "no recommended packages" in said and "about a minute" in said


def test_package_set_up_says_what_it_installs_then_is_not_repeated(monkeypatch, tmp_path, recorder):
    monkeypatch.setattr(environment, "VENV", tmp_path)
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python").touch()
    environment.ensure_virtualenv(with_tests=True)
    assert [command for command, _ in recorder.calls] == environment.pip_commands(environment.TEST_PACKAGES)
    said = recorder.calls[0][1]
    assert "pinned packages from .ci/requirements-test.txt" in said and "about 20 s" in said
    environment.ensure_virtualenv(with_tests=True)
    environment.ensure_virtualenv(with_tests=False)
    assert len(recorder.calls) == 2, "an unchanged package list is installed once, and holds the site's"
