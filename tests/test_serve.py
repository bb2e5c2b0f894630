"""`mkdocs serve`, as a contributor previews: a bad seed is reported and the last good site stays."""

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from .conftest import FIXTURES, SOURCE_DATE_EPOCH, copy_project, founding_seeds, run_command

ENTRY = "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"


class Server:
    def __init__(self, project, *options: str, environment: dict[str, str] | None = None):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        environment = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
            **(environment or {}),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(project / "mkdocs.yml"),
                *options,
            ],
            cwd=project,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, text: str, limit: float = 90) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            self.log.append(line)
            if text in line:
                return
        pytest.fail(f"mkdocs serve never said {text!r}:\n{''.join(self.log)}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=60) as response:
            return response.read().decode()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)
        self.process.stderr.close()


@pytest.fixture
def server(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    running = Server(project)
    running.project = project
    running.wait_for("Serving on")
    yield running
    running.stop()


def edit_seed(project, old: str, new: str) -> None:
    """Replaces `old` by `new` in the founding seed that tells ENTRY."""
    seed = project / "seeds" / "004_d5fc1c6b4583ae9a.txt"
    seed.write_text(seed.read_text().replace(old, new))


def test_serve_reports_a_bad_seed_and_keeps_serving_the_last_good_timeline(server):
    before = server.get(ENTRY)
    assert "Uzbekistan studies Kazakh one-stop shops" in before
    shutil.copy(FIXTURES / "seeds" / "broken.md", server.project / "seeds" / "broken.md")
    server.wait_for("16 problems found in the seeds.")
    log = "".join(server.log)
    assert "seeds/broken.md:4: error: 'published' is '2025-02-30'" in log
    assert "Traceback" not in log
    server.wait_for("Reloading browsers")  # MkDocs drops a "Documentation built" line that repeats exactly
    page = server.get(ENTRY)
    assert "Uzbekistan studies Kazakh one-stop shops" in page
    assert "Preview only: 16 problems in the seeds." in page
    assert "seeds/broken.md:4: error: &#39;published&#39; is &#39;2025-02-30&#39;" in page


def test_serve_shows_a_fixed_seed_after_saving(server):
    edit_seed(
        server.project,
        "title: Uzbekistan studies Kazakh one-stop shops",
        "title: Uzbekistan studies Kazakhstan's centres",
    )
    server.wait_for("Reloading browsers")
    page = server.get(
        "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"
    )  # a new title keeps the address
    assert (
        "Uzbekistan studies Kazakhstan&#39;s centres" in page
        or "Uzbekistan studies Kazakhstan's centres" in page
    )


def test_a_tag_added_to_the_vocabulary_while_serving_is_taken_up(server):
    edit_seed(
        server.project,
        "tags: [institution, citizen-service-centre]",
        "tags: [institution, citizen-service-centre, pilot]",
    )
    server.wait_for("1 problem found in the seeds.")
    server.wait_for("Reloading browsers")
    vocabulary = server.project / "build_scripts" / "data" / "tags.yaml"
    vocabulary.write_text(vocabulary.read_text() + "pilot: A service tried in a few places first.\n")
    server.wait_for("Reloading browsers")
    assert "A service tried in a few places first." in server.get("tags/pilot/")
    assert "Preview only" not in server.get(ENTRY)


def test_serve_help_lists_host_port_and_the_pass_through_to_mkdocs():
    result = run_command("serve", "--help")
    assert result.returncode == 0
    assert "--host HOST" in result.stdout and "(default: 127.0.0.1)" in result.stdout
    assert "--port PORT" in result.stdout and "(default: 8000)" in result.stdout
    assert "passed on to 'mkdocs serve'" in result.stdout


def test_a_busy_port_is_named_in_one_line_with_how_to_choose_another():
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = run_command("serve", "--port", str(port))
    assert result.returncode == 1
    assert (
        result.stderr == f"error: port {port} on 127.0.0.1 is in use: choose another with --port {port + 1}\n"
    )


@pytest.mark.parametrize("port", ["70000", "eighty"])
def test_a_port_that_cannot_be_is_a_usage_error(port):
    result = run_command("serve", "--port", port)
    assert result.returncode == 2 and "argument --port" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_theme_template_changed_while_serving_shows_after_saving(server):
    # Under serve the compiled templates are kept between saves: a changed template must not be one of them.
    main = server.project / "overrides" / "main.html"
    main.write_text(main.read_text() + "\n{% block announce %}Edited while serving{% endblock %}\n")
    server.wait_for("Reloading browsers")
    assert "Edited while serving" in server.get(ENTRY)
    main.write_text(main.read_text().replace("Edited while serving", "Edited twice"))
    server.wait_for("Reloading browsers")
    page = server.get(ENTRY)
    assert "Edited twice" in page and "Edited while serving" not in page


def test_a_serve_stopped_by_sigterm_leaves_no_temporary_folders(tmp_path):
    """An editor's stop button sends SIGTERM: the site folder serve made, and the staging folder of a
    build it stopped, go as they do after Ctrl-C, instead of piling up in the temporary folder."""
    project = copy_project(tmp_path, founding_seeds())
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    running = Server(project, environment={"TMPDIR": str(temporary)})
    running.wait_for("Serving on")
    assert any(path.name.startswith("mkdocs_") for path in temporary.iterdir()), "serve's own site folder"
    edit_seed(project, "Uzbekistan studies", "Uzbekistan learns from")
    deadline = time.monotonic() + 60
    while not list(temporary.glob(".mkdocs_*.building-*")):  # stopped while it rebuilds
        assert time.monotonic() < deadline, "the rebuild never started staging"
        time.sleep(0.01)
    running.stop()
    assert running.process.returncode == 0 and list(temporary.iterdir()) == []
