"""What a rebuild may reuse from the last good build, so that it renders only what changed.

MkDocs renders every page at every build: Markdown to HTML, then the theme's template, then the
search plugin's parse of the result. For a generated page whose text (front matter and
Markdown), address and surroundings (configuration, theme, hand-written pages, our own code)
are the same as at the last published build, the result is the same too: the hook then keeps
the published page for the new build (its bytes checked against the hash recorded when it was
rendered) and gives the search index the entries recorded with it; MkDocs neither reads,
converts nor renders it.

Only pages that depend on nothing but their own text are reused: generated pages outside the
nav, with a title of their own. A page whose rendering logged a warning is never recorded, so a
warning is repeated at every build until it is fixed.

The record lives beside the published site (`.site.cache`) for `mkdocs build`, and in memory
for the rebuilds of one `mkdocs serve` (this module stays imported while the hook is reloaded).
It also holds the hash of each published file the hook wrote or checked, with the file's inode,
size, modification time and change time: the next build trusts a file whose stamp is unchanged
without reading it (at 10,000 entries, reading and hashing the 325 MB site was a sixth of a
no-change rebuild). A file edited by hand gets a new change time, which no tool can set back, so
it is read again and replaced.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache

# Packages whose version changes what a page looks like.
RENDERERS = ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
FORMAT = 5  # of the files kept beside the site


@dataclass(frozen=True)
class PageRecord:
    output_sha256: str  # of the page as published, before any preview notice
    search_entries: tuple[dict, ...]  # what the search plugin indexed for it
    anchor_ids: frozenset[str]  # its anchors, which links from pages rendered again are checked against


Stamp = tuple[int, int, int, int]  # a file's inode, size, modification and change times (ns)


@dataclass
class PageCache:
    records: dict[str, PageRecord] = field(default_factory=dict)  # by page key
    hashes: dict[str, tuple[Stamp, str]] = field(default_factory=dict)  # published files', by relative path

    @classmethod
    def load(cls, path: Path) -> PageCache:
        try:
            with path.open("rb") as stream:
                version, records, hashes = pickle.load(stream)
        except Exception:  # any damage to the record: the build renders and checks everything
            return cls()
        return cls(records, hashes) if version == FORMAT else cls()

    def save(self, path: Path) -> None:
        """Written whole or not at all: a build killed meanwhile leaves the previous record."""
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as stream:
            pickle.dump((FORMAT, self.records, self.hashes), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)


def cache_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.cache")


def fingerprint(*, config_file: Path, folders: list[Path], settings: list[str]) -> str:
    """Everything a page's HTML depends on besides its own Markdown and address."""
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(b"\0setting\0" + setting.encode())
    for package in RENDERERS:
        try:
            digest.update(f"\0{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"\0{package} absent".encode())
    for path in [config_file, *sorted(_files_under(folders))]:
        digest.update(b"\0file\0" + str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _files_under(folders: list[Path]) -> set[Path]:
    return {
        Path(directory, name)
        for folder in folders
        if folder.is_dir()
        for directory, _, names in os.walk(folder)
        if "__pycache__" not in Path(directory).parts
        for name in names
    }


def page_key(site_fingerprint: str, url: str, text: str) -> str:
    """The key of a page rendered from `text` (front matter and Markdown) at `url`."""
    return hashlib.sha256(f"{site_fingerprint}\0{url}\0{text}".encode()).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def published_sha256(path: Path | str) -> str | None:
    """The hash of a published file, or None when there is none. A file hashed before, by this
    process or by the last build (see learn_hashes), and untouched since (the same stamp) is not
    read again: every build checks every page it reuses."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    stamp = _stamp(status)
    known = _HASHED.get(os.fspath(path))
    if known is not None and known[0] == stamp:
        return known[1]
    try:
        with open(path, "rb") as stream:
            digest = sha256(stream.read())
    except OSError:
        return None
    _HASHED[os.fspath(path)] = (stamp, digest)
    return digest


def remember_sha256(path: Path | str, digest: str) -> None:
    """The hash of a file just published with bytes of that hash, for `published_sha256`."""
    try:
        status = os.stat(path)
    except OSError:
        return
    _HASHED[os.fspath(path)] = (_stamp(status), digest)


def restamp(published: Path, files: set[str]) -> None:
    """Publishing linked these files (relative paths), unchanged, into the new site, which changes
    their change time: their known hashes get their new stamps."""
    for relative in files:
        path = os.path.join(published, relative)
        if path in _HASHED:
            remember_sha256(path, _HASHED[path][1])


def _stamp(status: os.stat_result) -> Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def published_hashes(published: Path, files: frozenset[str]) -> dict[str, tuple[Stamp, str]]:
    """The known hashes of the published `files` (relative paths), for the next build's process."""
    known = ((relative, _HASHED.get(os.path.join(published, relative))) for relative in files)
    return {relative: entry for relative, entry in known if entry is not None}


def learn_hashes(published: Path, hashes: dict[str, tuple[Stamp, str]]) -> None:
    """Takes the hashes a previous build process kept (see published_hashes)."""
    for relative, entry in hashes.items():
        _HASHED.setdefault(os.path.join(published, relative), entry)


_HASHED: dict[str, tuple[Stamp, str]] = {}  # by path


@dataclass(frozen=True)
class Served:
    """What one `mkdocs serve` keeps of its last published build, for the next save."""

    records: PageCache
    fingerprint: str  # the site's, when its pages were recorded
    files: frozenset[str]  # every file of the served folder, by relative path
    # Each data file's bytes, by relative path: a file the pipeline's memo (last_build.py) gives
    # as the very object placed last time is unchanged.
    placed: dict[str, bytes]


SERVED: dict[Path, Served] = {}  # by served folder
PARSED: dict[str, tuple[str, dict]] = {}  # generated pages' front matter, parsed, by text (serve only)


def inputs_digest(files: list[Path], folders: list[Path], settings: list[str]) -> str:
    """A digest of everything the pipeline reads: when it is unchanged, so is the generated site."""
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(b"\0setting\0" + setting.encode())
    for path in [*files, *sorted(_files_under(folders))]:
        digest.update(b"\0file\0" + str(path).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_generated(path: Path, digest: str):
    """The generated site of the last good build when its inputs had this digest, else None."""
    try:
        with path.open("rb") as stream:
            # The digest first, on its own: a stale site (hundreds of MB at 10,000 entries) is not read.
            if pickle.load(stream) != (FORMAT, digest):
                return None
            return pickle.load(stream)
    except Exception:  # any damage: the pipeline runs again
        return None


def stage_generated(path: Path, digest: str, site) -> Path:
    """Writes the generated site beside `path`, where the caller puts it (os.replace) once the
    build is published; a build that fails leaves it to the next one, which removes it."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f"{path.name}-", delete=False) as stream:
        pickle.dump((FORMAT, digest), stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(site, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(stream.name)


def generated_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.generated")


def compiled_templates(published: Path, serving: bool) -> jinja2.BytecodeCache:
    """Where the theme's compiled templates are kept (Jinja checks each against its source):
    beside the site for `mkdocs build`, in memory under `mkdocs serve` (whose site is a temporary
    folder)."""
    if serving:
        return _CompiledTemplates(None)
    folder = published.with_name(f".{published.name}.templates")
    folder.mkdir(exist_ok=True)
    return _CompiledTemplates(folder)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Each template's compiled code, stored with its hash and under the Jinja version that made it:
    a damaged or foreign file is compiled again, not run (Jinja itself checks neither)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            stored = COMPILED[bucket.key] if self.folder is None else self._path(bucket).read_bytes()
        except (KeyError, OSError):
            return
        digest, code = stored[:32], stored[32:]
        if hashlib.sha256(code).digest() == digest:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        stored = hashlib.sha256(code).digest() + code
        if self.folder is None:
            COMPILED[bucket.key] = stored
            return
        with tempfile.NamedTemporaryFile("wb", dir=self.folder, prefix=".", delete=False) as stream:
            stream.write(stored)
        os.replace(stream.name, self._path(bucket))

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}-jinja{jinja2.__version__}"


COMPILED: dict[str, bytes] = {}  # templates compiled under serve, by Jinja's key (name and file)
