"""Helper processes: under `mkdocs build`, a share of the pages is rendered beside the main loop.

MkDocs converts and renders its pages one after another, on one core. On a machine with more,
the hook forks the build once the pages are known (at `on_nav`): each helper is a copy of the
build at that moment (configuration, files, navigation, theme) and renders its share of the
generated pages with the renderer's own page functions, writing them into the same staging
folder. It sends back what the main process still needs of those pages (their search entries,
reuse records and anchors) and every log record they produced, which the main process logs as its own:
warnings are shown, and counted by `--strict`, exactly as if it had rendered the pages itself.

Only `mkdocs build` forks: `mkdocs serve` runs a web server and a file watcher on other threads,
and a process forked from threads may inherit a lock that no thread of its own will release.
A helper ends with the build: the kernel stops it when the main process dies (on Linux).
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from mkdocs.exceptions import PluginError

PROCESSES_VARIABLE = "TIMELINE_BUILD_PROCESSES"  # how many processes a build may use
FEWEST_PAGES_TO_SHARE = 64  # a helper's share of fewer pages costs more to fork than it saves
_PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent dies

Item = TypeVar("Item")


@dataclass
class Helper:
    pid: int
    results: int  # the read end of the pipe the helper writes its outcome to


class _Captured(logging.Handler):
    """Keeps the helper's log records to send them to the main process, which logs them."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments need not pickle
        record.exc_info, record.exc_text = None, None
        self.records.append(record)


def processes() -> int:
    """The processes a build may use: every core this process may run on, unless the variable
    TIMELINE_BUILD_PROCESSES sets the number (1 renders every page in the main process)."""
    setting = os.environ.get(PROCESSES_VARIABLE)
    if setting is None:
        cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
        return len(cores)
    if not (setting.isascii() and setting.isdigit()) or int(setting) < 1:
        raise PluginError(
            f"{PROCESSES_VARIABLE} is {setting!r}: set it to a whole number of processes, 1 or more "
            f"(1 builds in one process), or unset it to use every core."
        )
    return int(setting)


def can_fork() -> bool:
    """A fork copies only the thread that makes it: safe only where there is no other."""
    return hasattr(os, "fork") and threading.active_count() == 1


def share_out(items: Sequence[Item], processes: int) -> list[list[Item]]:
    """Every item in one share, dealt in turn so that each share gets pages of every kind; the
    first share is the main process's. One share when there are too few items to be worth it."""
    count = max(1, min(processes, len(items) // FEWEST_PAGES_TO_SHARE))
    return [list(items[start::count]) for start in range(count)]


def start(
    work: Callable[[], Any],
    logger: logging.Logger,
    keep: Sequence[logging.Handler],
    others: Sequence[Helper] = (),
) -> Helper:
    """Forks a helper that runs `work` and sends back its outcome and the records `logger` got
    (the handlers in `keep` go on receiving them in the helper; the others print in the main
    process, when it logs them). `others` are the helpers started before: their pipes are theirs.
    The helper never returns into the caller's code."""
    read_end, write_end = os.pipe()
    parent = os.getpid()
    # Neither process's collections then walk the objects they share, which would copy every page
    # of memory holding one into each: the main process stays so until `thaw`, the helper for good.
    gc.freeze()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Helper(pid, read_end)
    status = 1
    try:
        _end_with(parent)
        for descriptor in [read_end, *(other.results for other in others)]:
            os.close(descriptor)
        captured = _Captured()
        for handler in list(logger.handlers):
            if handler not in keep:
                logger.removeHandler(handler)
        logger.addHandler(captured)
        try:
            outcome = ("done", work())
        except Exception as error:
            error.add_note(
                f"In the helper process that rendered the page:\n{traceback.format_exc().rstrip()}"
            )
            outcome = ("failed", _sendable(error))
        with os.fdopen(write_end, "wb") as stream:
            pickle.dump((outcome, captured.records), stream, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _end_with(parent: int) -> None:
    """Asks the kernel to stop this helper when the main process dies: a build killed by a timeout
    must not leave a helper writing pages and holding the build's lock."""
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _sendable(error: Exception) -> Exception:
    """The error itself if it can be sent to the main process, else its kind and message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        lines = traceback.format_exception(error)
        return PluginError(f"A page failed to render in a helper process: {''.join(lines).strip()}")
    return error


def join(helper: Helper) -> Any:
    """The helper's outcome, once it has ended; its log records are logged here first. An error
    it met is raised here, as it would have been raised had this process rendered its pages."""
    with os.fdopen(helper.results, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(helper.pid, 0)
    if not payload:
        ending = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {-ending}" if ending < 0 else f"exit status {ending}"
        raise PluginError(f"A helper process rendering pages ended without a result ({how}).")
    (kind, value), records = pickle.loads(payload)
    for record in records:
        logging.getLogger(record.name).handle(record)
    if kind == "failed":
        raise value
    return value


def thaw() -> None:
    """Once the helpers are joined (or stopped): the main process collects its objects again."""
    gc.unfreeze()


def stop(helper: Helper) -> None:
    """Ends a helper whose pages are no longer wanted (the build failed meanwhile)."""
    try:
        os.kill(helper.pid, signal.SIGKILL)
        os.waitpid(helper.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    try:
        os.close(helper.results)
    except OSError:
        pass
