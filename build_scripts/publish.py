"""The last stage: switch the published site from the last good build to the new one, at once.

A build is made in a staging folder of its own, which holds only the files it wrote: the published
files it keeps as they are (pages reused, data files unchanged) are named to the publishing step.
When the build changed nothing, the published site stays as it is, untouched. Otherwise the kept
files, and every written file whose bytes did not change, become the published file again in the
staging folder (a hard link: same inode and modification time, so static servers, rsync and caches
see no change), and the two folders are exchanged in one atomic rename. A build killed at any
moment leaves either the old site or the new one, never a mix; a lock makes a second build wait
until the first has published.

A rebuild under `mkdocs serve` stages only the files it did not keep from the published site
(`publish_changes`): its server answers no request while a build runs, so the preview sees the
changes all at once, and a save at 10,000 entries does not link 48,000 files into a new folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import filecmp
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.timeline")
_RENAME_EXCHANGE = 2  # linux/fs.h


@dataclass(frozen=True)
class Published:
    written: int
    unchanged: int
    removed: int
    files: frozenset[str]  # every file of the site now published, by relative path
    exchanged: bool = False  # the published folder was replaced by a new one (its files linked in)


@contextmanager
def build_lock(published: Path) -> Iterator[None]:
    """Held from the start of a build to its publication; a second build waits for it."""
    published.parent.mkdir(parents=True, exist_ok=True)
    with open(published.with_name(published.name + ".lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info(f"Another build is publishing to {published}; waiting for it to finish.")
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def new_staging(published: Path) -> Path:
    """An empty folder beside the site, for one build only."""
    return Path(tempfile.mkdtemp(prefix=f".{published.name}.building-", dir=published.parent))


class SiteChangedDuringBuild(Exception):
    """A published file the build kept was removed meanwhile, by something other than a build."""


def publish_site(staging: Path, published: Path, kept: set[str] | frozenset[str] = frozenset()) -> Published:
    """Makes `staging`, with the published files named in `kept` (relative paths), the published
    site; `staging` is gone afterwards."""
    new_files = _files_under(staging)
    if not published.is_dir():
        shutil.rmtree(published, ignore_errors=True)
        staging.rename(published)
        return Published(len(new_files), 0, 0, frozenset(new_files), exchanged=True)
    old_files, old_folders = _tree_under(published)
    same = {
        relative
        for relative in new_files & old_files
        if _same_bytes(os.path.join(staging, relative), os.path.join(published, relative))
    }
    site = new_files | kept
    if old_files == site and same == new_files and old_folders == _folders_of(site):
        # At 1,000 entries, linking 5,000 files into the staging folder and removing the old site
        # was two thirds of a rebuild that changed nothing.
        shutil.rmtree(staging)
        return Published(0, len(old_files), 0, frozenset(old_files))
    _link_kept(published, staging, kept)
    for relative in same:
        _link_over(os.path.join(published, relative), os.path.join(staging, relative))
    _exchange(staging, published)
    shutil.rmtree(staging)  # the old site now
    unchanged = len(same) + len(kept)
    return Published(len(site) - unchanged, unchanged, len(old_files - site), frozenset(site), exchanged=True)


def publish_changes(
    staging: Path, published: Path, kept: set[str], published_files: frozenset[str] | None = None
) -> Published:
    """Makes the published site `staging`'s files plus the published files named in `kept`
    (relative paths); every other published file goes, and with it any folder it leaves empty.
    (A file in the way of a new folder, or a folder in the way of a new file, is such a file or
    folder: a path cannot be both in one build.) `staging` is gone afterwards. `published_files`
    are the files published now, when the caller knows them (the folder is not walked then)."""
    new_files = _files_under(staging)
    old_files = _files_under(published) if published_files is None else published_files
    gone = old_files - new_files - kept
    for relative in gone:
        with contextlib.suppress(FileNotFoundError):  # removed by hand from a preview's folder
            os.unlink(os.path.join(published, relative))
    for relative in gone:
        _remove_emptied_folders(published, os.path.dirname(relative))
    unchanged, made = 0, set()
    for relative in sorted(new_files):
        new, old = os.path.join(staging, relative), os.path.join(published, relative)
        if relative in old_files and _same_bytes(new, old):
            unchanged += 1
            continue
        make_parent(old, made)
        os.replace(new, old)
    shutil.rmtree(staging)
    return Published(
        written=len(new_files) - unchanged,
        unchanged=unchanged + len(kept),
        removed=len(gone),
        files=frozenset(new_files | kept),
    )


def _link_kept(published: Path, staging: Path, kept: set[str] | frozenset[str]) -> None:
    """The kept files become the new site's too: a second name of each, nothing copied."""
    made: set[str] = set()
    for relative in sorted(kept):
        make_parent(os.path.join(staging, relative), made)
        try:
            os.link(os.path.join(published, relative), os.path.join(staging, relative))
        except FileNotFoundError:
            raise SiteChangedDuringBuild(
                f"{os.path.join(published, relative)} was removed while the site was being built: "
                "nothing was published. Build again."
            ) from None


def make_parent(path: str, made: set[str]) -> None:
    """A build writes tens of thousands of files into a few thousand folders: each is made once
    (`made` holds those made so far)."""
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _remove_emptied_folders(top: Path, relative: str) -> None:
    while relative:
        try:
            os.rmdir(os.path.join(top, relative))
        except OSError:
            return  # not empty, or already removed
        relative = os.path.dirname(relative)


def _link_over(existing: str, target: str) -> None:
    temporary = target + ".link"
    os.link(existing, temporary)
    os.replace(temporary, target)


def _exchange(first: Path, second: Path) -> None:
    """Swap two folders in one step (Linux renameat2); elsewhere, in two quick renames."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_cwd = -100
        if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0:
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))
    aside = second.with_name(second.name + ".old")
    shutil.rmtree(aside, ignore_errors=True)
    second.rename(aside)
    first.rename(second)
    aside.rename(first)


def _tree_under(folder: Path) -> tuple[set[str], set[str]]:
    """The relative paths of the files and of the folders (links to folders included) under `folder`,
    as strings: at 10,000 entries (48,000 files) Path objects cost seconds."""
    prefix = len(os.path.join(folder, ""))
    files, folders = set(), set()
    for directory, names_of_folders, names in os.walk(folder):
        folders.update(os.path.join(directory, name)[prefix:] for name in names_of_folders)
        files.update(os.path.join(directory, name)[prefix:] for name in names)
    return files, folders


def _folders_of(files: set[str]) -> set[str]:
    folders: set[str] = set()
    for relative in files:
        folder = os.path.dirname(relative)
        while folder and folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    return folders


def _files_under(folder: Path) -> set[str]:
    return _tree_under(folder)[0]


def _same_bytes(first: str, second: str) -> bool:
    return os.stat(first).st_size == os.stat(second).st_size and filecmp.cmp(first, second, shallow=False)
