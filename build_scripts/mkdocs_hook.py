"""The thin MkDocs side: run the pipeline, hand its pages to MkDocs, publish only whole builds.

MkDocs writes pages one by one into site_dir. This hook points site_dir at a staging folder
and publishes it only when the build succeeded (strict warnings included), so a failed build
leaves the last good site exactly as it was.

A rebuild reuses what the last good build rendered (see `page_cache.py`): a generated page whose
text and surroundings did not change is taken from the published site and never goes through
MkDocs' page loop (it is excluded from it; the sitemap and search index still list it).
Under `mkdocs build` on a machine with several cores, helper processes render a share of the
other generated pages beside MkDocs' loop (`page_workers.py`); those are excluded from it alike.
Generated pages are also converted with less work than MkDocs would spend on them: their raw
HTML blocks are set aside during conversion (`html_blocks.py`), and the theme's sidebar and tabs
are rendered once for all the pages that see them alike (`_shared_partial`).
"""

from __future__ import annotations

import datetime
import gc
import importlib
import logging
import os
import re
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import YAML_RE, get_data

from build_scripts import html_blocks, last_build, page_cache, page_workers
from build_scripts.model import SeedProblems
from build_scripts.preview import PreviewState, problems_notice, with_notice, without_notice
from build_scripts.publish import (
    Published,
    SiteChangedDuringBuild,
    build_lock,
    make_parent,
    new_staging,
    publish_changes,
    publish_site,
)
from build_scripts.read_seeds import seed_paths
from build_scripts.redirects import REDIRECTS_FILE
from build_scripts.security import with_policy
from build_scripts.site import GeneratedSite, generate_site

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
# The theme's partials that pages outside the nav share (see _shared_partial). They are swapped
# in here, not in overrides/, so that a renderer that does not run this hook uses the theme's own.
SHARED_PARTIALS = ("partials/nav.html", "partials/tabs.html")
THEME_PREFIX = "theme"  # a template by this prefix is the one the theme itself would load
IDLE_BEFORE_COLLECTING = 1.0  # seconds after a rebuild under serve: time for the page to be served
# A reused page skips every plugin's page events: with a plugin or hook other than these and this
# hook (it may gather every page it sees, as the search plugin does), every page is rendered.
PLUGINS_A_REUSED_PAGE_MAY_SKIP = ("material/search",)
log = logging.getLogger("mkdocs.hooks.timeline")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Build:
    site: GeneratedSite | None = None
    published_dir: Path | None = None
    staging_dir: Path | None = None
    lock = ExitStack()
    warnings = _WarningCounter()
    logger = logging.getLogger("mkdocs")
    # Reuse of the last good build's pages (page_cache.py)
    command = "build"
    dirty = False
    reuse_allowed = False
    generated: tuple[Path, ...] | None = None  # to keep for the next build: where, and what
    fingerprint = ""
    previous = page_cache.PageCache()
    recorded = page_cache.PageCache()
    nav_pages: set[str] = set()
    page_keys: dict[str, str] = {}  # by page URL: page_cache.page_key of each generated page outside the nav
    # By page URL, the pages this build may record for the next: the renderer's warning count
    # before each was converted.
    recordable: dict[str, int] = {}
    reused: dict[str, page_cache.PageRecord] = {}  # by page URL
    processes = 1  # that `mkdocs build` may use (page_workers.py)
    helpers: list[page_workers.Helper] = []  # rendering a share of the pages (mkdocs build only)
    apart: dict[str, Page] = {}  # the pages the helpers render, by URL
    last_in_loop = ""  # the URL of the last page MkDocs' loop builds here: the helpers are joined then
    outside_loop: set[str] = set()  # the URL of each page published but not built by MkDocs' loop
    search_entries: dict[str, tuple[dict, ...]] = {}  # by page URL, as the search plugin indexed it
    page_order: list[str] = []  # the URL of every page MkDocs would build, reused ones included
    files: Files | None = None
    page_paths: frozenset[str] = frozenset()  # of the generated pages, as under docs/
    parsed: dict[str, tuple[str, dict]] = {}  # each generated page's parsed front matter, by its text
    hashed: list[tuple[str, str]] = []  # (dest_uri, sha256) of each page and file this build wrote
    made_folders: set[str] = set()  # in the staging folder, by this build
    kept: set[str] = set()  # the dest_uri of each published file this build keeps as it is
    served: page_cache.Served | None = None  # what the last build of this `mkdocs serve` left
    placed: dict[str, bytes] = {}  # the bytes of each data file, by dest_uri (serve only)
    set_aside: dict[str, html_blocks.SetAside] = {}  # by page URL, between conversion and content
    shared_partials: dict[tuple, str] = {}  # the theme's partials shared by pages outside the nav
    notice = ""  # the seeds' problems, as this build shows them on every page (serve only)


def on_startup(command, dirty):
    PreviewState.serving = last_build.REMEMBER = command == "serve"
    _Build.command, _Build.dirty = command, dirty
    if command == "serve" and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_serving)


def _stop_serving(signum, frame):
    """A serve stopped with SIGTERM (an editor's stop button, a test) leaves as one stopped with Ctrl-C, so
    MkDocs removes its temporary site folder and on_shutdown the staging folder of an unfinished build."""
    raise KeyboardInterrupt


def on_shutdown():
    _discard_staging()


def on_config(config):
    _Build.processes = page_workers.processes() if _Build.command == "build" else 1  # checked first
    if PreviewState.collector is not None:
        PreviewState.collector.cancel()  # this build's end starts another
    _Build.published_dir = Path(config.site_dir)
    # Serve's folder is a temporary one of its own: no other build publishes there.
    if _Build.command != "serve":
        _Build.lock.enter_context(build_lock(_Build.published_dir))
    for leftover in _Build.published_dir.parent.glob(f".{_Build.published_dir.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # of builds that were killed: the lock is ours
    stored = page_cache.generated_path(_Build.published_dir)
    for leftover in stored.parent.glob(f"{stored.name}-*"):
        leftover.unlink(missing_ok=True)  # kept by builds that failed or were killed
    _Build.staging_dir = new_staging(_Build.published_dir)
    config.site_dir = str(_Build.staging_dir)
    _Build.warnings.count = 0
    # The renderer's own logger: MkDocs' 'mkdocs', or its fork's (ProperDocs logs to 'properdocs',
    # with 'mkdocs' beneath it), so that no warning escapes the count whichever renderer runs.
    _Build.logger = logging.getLogger(_renderer(config))
    _Build.logger.addHandler(_Build.warnings)
    _Build.logger.getChild("structure.pages").addFilter(_LINKS_TO_PAGES_OUTSIDE_THE_LOOP)
    return config


class _PublishedAnyway(logging.Filter):
    """MkDocs notes that a link to an excluded page leads out of the built site; the pages this
    hook takes out of MkDocs' loop (reused, or rendered by a helper) are published all the same."""

    EXCLUDED_LINK = re.compile(
        r"Doc file '.*' contains a link to '(?P<target>.*)' which is excluded from the built site\."
    )

    def filter(self, record: logging.LogRecord) -> bool:
        match = self.EXCLUDED_LINK.fullmatch(record.getMessage())
        target = _Build.files.src_uris.get(match["target"]) if match and _Build.files is not None else None
        return target is None or target.page is None or target.page.url not in _Build.outside_loop


_LINKS_TO_PAGES_OUTSIDE_THE_LOOP = _PublishedAnyway()


def _renderer(config) -> str:
    """The renderer's package: 'mkdocs', or 'properdocs' for its fork."""
    return type(config).__module__.split(".")[0]


def on_pre_build(config):
    if not config.site_url:
        raise PluginError("mkdocs.yml needs site_url: the feeds and canonical links are absolute addresses.")
    _start_reuse(config)
    try:
        _Build.site = PreviewState.last_good_site = _generate(config.site_url)
        PreviewState.problems, _Build.notice = [], ""
    except SeedProblems as problems:
        if not (PreviewState.serving and PreviewState.last_good_site):
            raise PluginError(f"The seeds have problems; the site was not changed.\n{problems}") from None
        for line in str(problems).splitlines():
            log.error(line)
        log.error("The preview shows the last good version of the timeline until they are fixed.")
        _Build.site, PreviewState.problems = PreviewState.last_good_site, problems.problems
        _Build.notice = problems_notice(problems.problems)


def _start_reuse(config) -> None:
    """What this build may take from the last good one, and where it records what it renders."""
    others = [
        name
        for name in config.plugins
        if name not in PLUGINS_A_REUSED_PAGE_MAY_SKIP
        and getattr(config.hooks.get(name), "__file__", None) != __file__
    ]
    if others:
        log.info(f"Every page is rendered: {', '.join(others)} may need to see them all.")
    _Build.reuse_allowed = not others
    _Build.fingerprint = page_cache.fingerprint(
        config_file=Path(config.config_file_path),
        folders=[
            Path(config.docs_dir),
            Path(config.theme.custom_dir or config.docs_dir),
            ROOT / "build_scripts",
        ],
        settings=[config.site_url, _Build.command, _renderer(config)],
    )
    _Build.served = page_cache.SERVED.get(_Build.published_dir) if _Build.command == "serve" else None
    if _Build.served is not None:
        _Build.previous = _Build.served.records
        _pause_collection()
    elif _Build.command == "serve":
        _Build.previous = page_cache.PageCache()
    else:
        _Build.previous = page_cache.PageCache.load(page_cache.cache_path(_Build.published_dir))
        page_cache.learn_hashes(_Build.published_dir, _Build.previous.hashes)
    _Build.recorded = page_cache.PageCache()
    _Build.page_keys, _Build.recordable, _Build.reused, _Build.search_entries = {}, {}, {}, {}
    _Build.helpers, _Build.apart, _Build.last_in_loop, _Build.outside_loop = [], {}, "", set()
    _Build.page_order = []
    _Build.parsed, _Build.hashed, _Build.made_folders, _Build.kept = {}, [], set(), set()
    _Build.placed = {}
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        _record_search_entries(search.search_index)


def _pause_collection() -> None:
    """Under `mkdocs serve`, Python's cycle collector is paused while a save that changed only
    seeds is rebuilt, and runs once the page is published (see _collect_when_idle): at 10,000
    entries it walked the preview's millions of live objects once or twice a save, about a second
    of each. A rebuild that renders every page (after a change to the templates, the docs or the
    configuration) leaves far more cyclic garbage, and is collected as usual."""
    if _Build.served.fingerprint == _Build.fingerprint and _Build.reuse_allowed:
        gc.disable()


def _record_search_entries(index) -> None:
    """What the search plugin indexes for each page, kept for the next build; its index lists the
    reused pages' recorded entries too, where a full build would have them."""
    add_entry, generate = index.add_entry_from_context, index.generate_search_index

    def add_entry_from_context(page):
        before = len(index.entries)
        add_entry(page)
        _Build.search_entries[page.url] = tuple(index.entries[before:])

    def generate_search_index(*args, **kwargs):
        if _Build.outside_loop:
            index.entries = [
                entry
                for url in _Build.page_order
                for entry in (
                    _Build.reused[url].search_entries if url in _Build.reused else _Build.search_entries[url]
                )
            ]
        return generate(*args, **kwargs)

    index.add_entry_from_context = add_entry_from_context
    index.generate_search_index = generate_search_index


def _generate(site_url: str) -> GeneratedSite:
    """The pipeline's output; taken from the last good build when nothing it reads has changed."""
    seeds, day = seed_paths(SEEDS_DIR), build_date()
    digest = page_cache.inputs_digest(
        [*seeds, ROOT / REDIRECTS_FILE], [ROOT / "build_scripts"], [site_url, day.isoformat()]
    )
    if _Build.command == "serve":
        if PreviewState.last_good_digest == digest and PreviewState.last_good_site is not None:
            return PreviewState.last_good_site
        site = generate_site(seeds, base=ROOT, site_url=site_url, build_date=day)
        PreviewState.last_good_digest = digest
        return site
    stored = page_cache.generated_path(_Build.published_dir)
    site = page_cache.load_generated(stored, digest)
    if site is None:
        site = generate_site(seeds, base=ROOT, site_url=site_url, build_date=day)
        _Build.generated = (stored, digest, site)
    return site


def build_date() -> datetime.date:
    """The day of the build, or of SOURCE_DATE_EPOCH for a reproducible one."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date()


def on_files(files: Files, config) -> Files:
    # Generated pages stay out of the sidebar: a sidebar listing every entry makes builds grow
    # with the square of the entries. The nav in mkdocs.yml names the pages that belong there.
    for path, markdown in _Build.site.pages.items():
        files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    for path, content in _Build.site.files.items():
        placed = _PlacedFile.generated(config, path, content=content)
        placed.place()  # now, not after the pages: its bytes are not held while they render
        files.append(placed)
    _Build.page_paths = frozenset(_Build.site.pages)
    if _Build.command != "serve":
        _let_go_of_the_generated_site()
    return files


def _let_go_of_the_generated_site() -> None:
    """`mkdocs build` needs no more of the generated site than MkDocs' files hold: it is kept for
    the next build now (put in place only if this one is published) and no longer held, so that
    its model and data files are freed once written (at 10,000 entries, a sixth of the memory)."""
    if _Build.generated is not None:
        stored, digest, site = _Build.generated
        _Build.generated = (stored, page_cache.stage_generated(stored, digest, site))
    _Build.site = PreviewState.last_good_site = None


class _PlacedFile(File):
    """A data file, feed, citation or redirect page: one whose bytes are already published is kept
    as it is (publish.py makes it the new build's too; nothing is written or copied).
    It is placed in the staging folder as soon as it is made (MkDocs has emptied the folder by
    then); at 10,000 entries its bytes, held until MkDocs copies files last, were a tenth of the
    build's peak memory."""

    placed = False

    def copy_file(self, dirty: bool = False) -> None:
        if not self.placed:
            self.place()

    def place(self) -> None:
        content, self._content, self.placed = self.content_bytes, b"", True  # read by no later step
        if _Build.command == "serve":
            _Build.placed[self.dest_uri] = content
            if _Build.served is not None and _Build.served.placed.get(self.dest_uri) is content:
                _Build.kept.add(self.dest_uri)
                return
        # Paths as strings: at 10,000 entries, Path objects for 36,000 files cost a second a save.
        target, current = self.abs_dest_path, os.path.join(_Build.published_dir, self.dest_uri)
        digest = page_cache.sha256(content)
        if page_cache.published_sha256(current) == digest:
            _Build.kept.add(self.dest_uri)  # the same file: the hash recorded for it stays true
            return
        make_parent(target, _Build.made_folders)
        with open(target, "wb") as stream:
            stream.write(content)
        _Build.hashed.append((self.dest_uri, digest))


def on_nav(nav, config, files):
    _Build.nav_pages = {page.file.src_uri for page in nav.pages}
    _Build.files = files
    included = InclusionLevel.is_in_serve if _Build.command == "serve" else InclusionLevel.is_included
    _Build.page_order = [file.page.url for file in files.documentation_pages(inclusion=included)]
    for path in _Build.page_paths:
        file = files.src_uris.get(path)  # generated paths are POSIX already: no PurePath per page
        if path not in _Build.nav_pages and file is not None and file.page is not None:
            # The Page MkDocs made, given this class's methods: it adds no state, and making a
            # second Page for each of 10,000 files cost a second per build.
            file.page.__class__ = _GeneratedPage
            url = file.page.url
            _Build.page_keys[url] = page_cache.page_key(_Build.fingerprint, url, file.content_string)
            _reuse(file)
    _share_out(nav, config, files)
    return nav


def _reuse(file: File) -> None:
    """Takes the page from the last good build if it was rendered there from the same text (front
    matter included): it stays out of MkDocs' page loop, and the published file is kept."""
    if not _Build.reuse_allowed:  # see _start_reuse
        return
    key = _Build.page_keys[file.page.url]
    record = _Build.previous.records.get(key)
    if record is None:
        return
    published = os.path.join(_Build.published_dir, file.dest_uri)
    # After a build with problems every served page carries their notice: none is read twice.
    as_recorded = (
        not PreviewState.notice_shown and page_cache.published_sha256(published) == record.output_sha256
    )
    if as_recorded and not _Build.notice:
        _Build.kept.add(file.dest_uri)
    elif not _republish(file.dest_uri, published, record, as_recorded):
        return
    _Build.reused[file.page.url] = _Build.recorded.records[key] = record
    _leave_the_loop(file)
    file.page.present_anchor_ids = set(record.anchor_ids)  # for links to it from rendered pages


def _republish(dest_uri: str, published: str, record: page_cache.PageRecord, as_recorded: bool) -> bool:
    """Under `mkdocs serve`, while seeds have problems, a reused page is published again with their
    notice, and once they are fixed, without it: reading and writing it is far quicker than
    rendering it (at 1,000 entries, 4.4 s passed between a bad save and the notice showing, when
    every page was rendered again). False if the published page is not the recorded one (its
    hash was checked already when `as_recorded`)."""
    if not (_Build.notice or PreviewState.notice_shown):
        return False
    try:
        with open(published, "rb") as stream:
            page = stream.read()
    except OSError:
        return False
    if not as_recorded:
        shown = PreviewState.notice_shown
        page = without_notice(page, _as_published(shown)) if shown else None
        if page is None or page_cache.sha256(page) != record.output_sha256:
            return False
    # Rewritten in place (the server answers no request while a build runs): at 10,000 entries,
    # staging 12,000 pages in new folders and moving them in took longer than writing them.
    with open(published, "wb") as stream:
        stream.write(with_notice(page, _as_published(_Build.notice)) if _Build.notice else page)
    _Build.kept.add(dest_uri)
    if not _Build.notice:
        _Build.hashed.append((dest_uri, record.output_sha256))
    return True


def _as_published(text: str) -> bytes:
    """Text as MkDocs writes a page's."""
    return text.encode("utf-8", errors="xmlcharrefreplace")


def _leave_the_loop(file: File) -> None:
    """The page is published without MkDocs' page loop (reused, or rendered by a helper)."""
    file.inclusion = InclusionLevel.EXCLUDED
    file.content_string = ""  # read by no later step here
    _Build.outside_loop.add(file.page.url)


def _share_out(nav, config, files: Files) -> None:
    """Under `mkdocs build`, each helper process takes a share of the generated pages left to
    render (see page_workers.py): they leave MkDocs' loop here, as reused pages do. Not with a
    plugin or hook of another kind, which may need to see every page in this process (as for
    reuse, see _start_reuse), nor under `--dirty`, which builds only pages it finds changed."""
    if _Build.processes == 1 or _Build.dirty or not _Build.reuse_allowed or not page_workers.can_fork():
        return
    renderer = importlib.import_module(f"{_renderer(config)}.commands.build")
    if not hasattr(renderer, "_populate_page") or not hasattr(renderer, "_build_page"):
        return  # a renderer without MkDocs' page functions renders every page itself
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    pages = [file.page for file in doc_files if isinstance(file.page, _GeneratedPage)]
    for share in page_workers.share_out(pages, _Build.processes)[1:]:
        work = _render_share(renderer, share, config, files, nav, doc_files)
        helper = page_workers.start(work, _Build.logger, keep=[_Build.warnings], others=_Build.helpers)
        _Build.helpers.append(helper)
        for page in share:
            _Build.apart[page.url] = page
            _leave_the_loop(page.file)
    if _Build.helpers:
        _Build.last_in_loop = files.documentation_pages(inclusion=InclusionLevel.is_included)[-1].page.url


def _render_share(renderer, pages: list[Page], config, files: Files, nav, doc_files):
    """What a helper process runs: MkDocs' own reading, conversion and rendering of its pages,
    as the main loop would have done them. The pages in the nav are read and converted first, as
    MkDocs reads every page before it renders any: the sidebar and tabs show their titles, which
    may come from their own text, and the theme may show their front matter (icons, for one)."""

    def work() -> tuple[dict, dict, list, dict]:
        _Build.recorded, _Build.hashed, _Build.search_entries = page_cache.PageCache(), [], {}
        with _silenced(_Build.logger):  # the main process reads them too, and logs what they warrant
            for page in nav.pages:
                renderer._populate_page(page, config, files)
        for page in pages:
            renderer._populate_page(page, config, files)
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        for page in pages:
            renderer._build_page(page, config, doc_files, nav, env)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        anchors = {page.url: page.present_anchor_ids for page in pages}
        return _Build.search_entries, _Build.recorded.records, _Build.hashed, anchors

    return work


@contextmanager
def _silenced(logger: logging.Logger) -> Iterator[None]:
    def silence(record: logging.LogRecord) -> bool:
        return False

    for handler in logger.handlers:
        handler.addFilter(silence)
    try:
        yield
    finally:
        for handler in logger.handlers:
            handler.removeFilter(silence)


def _join_helpers() -> None:
    """Waits for the helper processes, and takes over what they sent of their pages: joined before
    MkDocs checks the anchors that links point to, so that links to their pages are checked too."""
    if not _Build.helpers:
        return
    try:
        while _Build.helpers:
            search_entries, records, hashed, anchors = page_workers.join(_Build.helpers.pop())
            _Build.search_entries.update(search_entries)
            _Build.recorded.records.update(records)
            _Build.hashed.extend(hashed)
            for url, anchor_ids in anchors.items():
                _Build.apart[url].present_anchor_ids = anchor_ids
    finally:
        page_workers.thaw()


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml" and _Build.outside_loop:
        context["pages"] = [
            file
            for file in _Build.files
            if file.is_documentation_page()
            and (
                file.inclusion.is_included()
                or (file.page is not None and file.page.url in _Build.outside_loop)
            )
        ]
    return context


class _GeneratedPage(Page):
    """A generated page outside the nav, read and converted as MkDocs would, with less work.

    Under `mkdocs serve` its front matter is parsed once per text: the parse is taken from the
    last build when the page's text is the same.
    """

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
            if _Build.command != "serve":
                # Read by no later step: the file would hold the page's text to the end of the
                # build (at 10,000 entries, 65 MB of the peak).
                self.file.content_string = ""
        if _Build.command == "serve":
            parsed = page_cache.PARSED.get(source)
            if parsed is None:
                self._parse(source)
                parsed = (self.markdown, _copied(self.meta))
            _Build.parsed[source] = parsed
            self.markdown, self.meta = parsed[0], _copied(parsed[1])
        else:
            self._parse(source)
        if isinstance(self.meta.get("title"), str) and not PreviewState.problems:
            # Pages published with the problems notice are not recorded, nor pages whose title
            # comes from elsewhere.
            _Build.recordable[self.url] = _Build.warnings.count

    def _parse(self, source: str) -> None:
        """As MkDocs' `get_data` reads front matter, with libyaml's loader (MkDocs' pure-Python
        one took a tenth of a build at 10,000 entries); the same YAML, the same safe types."""
        front = YAML_RE.match(source)
        meta = yaml.load(front.group(1), Loader=yaml.CSafeLoader) if front else None
        if isinstance(meta, dict):
            self.markdown, self.meta = source[front.end() :].lstrip("\n"), meta
        else:
            self.markdown, self.meta = get_data(source)


def _copied(value):
    """A copy of parsed YAML (dicts, lists and unchangeable scalars): plugins change a page's meta."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


def on_env(env, config, files):
    shared = {name: f'{{{{- shared_partial("{name}") -}}}}' for name in SHARED_PARTIALS}
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader(shared),
            jinja2.PrefixLoader({THEME_PREFIX: env.loader}),
            env.loader,
        ]
    )
    env.globals["shared_partial"] = _shared_partial
    # Compiling the theme's templates took a tenth of a 1,000-entry rebuild that renders nothing,
    # in every process (helpers and each save under serve included): they are compiled once.
    env.bytecode_cache = page_cache.compiled_templates(
        _Build.published_dir, serving=_Build.command == "serve"
    )
    _Build.shared_partials = {}
    return env


@jinja2.pass_context
def _shared_partial(context, name: str) -> str:
    """The theme's partial `name`, rendered once for all the pages outside the nav that see the nav's
    links alike: its sidebar and tabs mark no page as current then, so they differ only in those
    links. (At 10,000 entries they were a tenth of a build.)"""
    page, nav = context.get("page"), context.get("nav")
    theme_partial = context.environment.get_template(f"{THEME_PREFIX}/{name}")
    if page is None or nav is None or page.file.src_uri in _Build.nav_pages:
        return theme_partial.render(context.get_all())
    links = tuple(get_relative_url(item.url, page.url) for item in nav.pages)
    key = (name, context.get("base_url"), links)
    if key not in _Build.shared_partials:
        _Build.shared_partials[key] = theme_partial.render(context.get_all())
    return _Build.shared_partials[key]


def on_page_markdown(markdown, page, config, files):
    # Themes print the title unescaped (Material's header does); as Markup it is escaped text
    # wherever it goes, and `| e` in our own templates leaves it as it is.
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = escape(page.meta["title"])
    return _set_aside(markdown, page)


def _set_aside(markdown: str, page) -> str:
    if not _generated(page):
        return markdown
    _Build.set_aside[page.url] = aside = html_blocks.set_aside(markdown)
    return aside.markdown


def on_page_content(html, page, config, files):
    aside = _Build.set_aside.pop(page.url, None)
    if aside is not None:
        html = aside.put_back(html)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.anchors()
    if page.url in _Build.recordable:
        if _Build.warnings.count != _Build.recordable[page.url]:
            del _Build.recordable[page.url]  # its warning must be logged again by the next build
    if _generated(page):
        # Read by no later step (the theme and search read the HTML): MkDocs would hold every
        # page's Markdown, a copy of the generated site's pages, until the end of the build.
        # Not None: MkDocs then forgets the page's title (the theme's header prints it).
        page.markdown = ""
    return html


def _generated(page) -> bool:
    return page.file.src_uri in _Build.page_paths


def on_post_page(output, page, config):
    output = with_policy(output, page.content or "")
    _record(page, output)
    if page.url == _Build.last_in_loop:
        _join_helpers()
    if _generated(page):
        page.content = None  # written next and read by no later step of the build
    return with_notice(output, _Build.notice) if _Build.notice else output


def _record(page, output: str) -> None:
    """Remembers a page rendered without a warning, for the next build to reuse."""
    if page.url in _Build.recordable and page.url in _Build.search_entries:
        sha = page_cache.sha256(_as_published(output))
        _Build.recorded.records[_Build.page_keys[page.url]] = page_cache.PageRecord(
            sha, _Build.search_entries[page.url], frozenset(page.present_anchor_ids or ())
        )
        _Build.hashed.append((page.file.dest_uri, sha))


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    _join_helpers()  # a guarantee: on_post_page joined them after the loop's last page
    _stop_listening()
    if config.strict and _Build.warnings.count:
        _discard_staging()  # MkDocs aborts right after this event
        return
    with _Build.lock:
        if _Build.served is not None:  # a save under serve: the folder it serves is changed in place
            outcome = publish_changes(
                _Build.staging_dir, _Build.published_dir, _Build.kept, _Build.served.files
            )
        else:
            try:
                outcome = publish_site(_Build.staging_dir, _Build.published_dir, _Build.kept)
            except SiteChangedDuringBuild as changed:
                raise PluginError(str(changed)) from None
        # Under the lock: the next build's on_config removes what is not in place.
        _keep_records(outcome)
    log.info(
        f"Published: {outcome.written} files written, {outcome.unchanged} unchanged, "
        f"{outcome.removed} removed; {len(_Build.reused)} pages reused from the last build"
        + (f", {len(_Build.apart)} rendered by helper processes." if _Build.apart else ".")
    )
    config.site_dir = str(_Build.published_dir)
    _collect_when_idle()


def _keep_records(outcome: Published) -> None:
    for dest_uri, sha in _Build.hashed:  # the next build need not read them to trust them
        page_cache.remember_sha256(os.path.join(_Build.published_dir, dest_uri), sha)
    if outcome.exchanged:
        page_cache.restamp(_Build.published_dir, _Build.kept)
    if _Build.command == "serve":
        page_cache.SERVED[_Build.published_dir] = page_cache.Served(
            _Build.recorded, _Build.fingerprint, outcome.files, _Build.placed
        )
        page_cache.PARSED = _Build.parsed
        PreviewState.notice_shown = _Build.notice
        return
    _Build.recorded.hashes = page_cache.published_hashes(_Build.published_dir, outcome.files)
    _Build.recorded.save(page_cache.cache_path(_Build.published_dir))
    if _Build.generated is not None:
        os.replace(_Build.generated[1], _Build.generated[0])
        _Build.generated = None


def on_build_error(error):
    if _Build.helpers:
        while _Build.helpers:
            page_workers.stop(_Build.helpers.pop())
        page_workers.thaw()
    _stop_listening()
    _collect_when_idle()
    _discard_staging()


def _stop_listening() -> None:
    """Undoes what on_config added to the renderer's loggers."""
    _Build.logger.removeHandler(_Build.warnings)
    _Build.logger.getChild("structure.pages").removeFilter(_LINKS_TO_PAGES_OUTSIDE_THE_LOOP)


def _collect_when_idle() -> None:
    """The end of a build under `mkdocs serve`: the cycle collector, if paused, runs a moment
    later, while the contributor looks at the page (a next save cancels it: see on_config)."""
    if _Build.command == "serve" and not gc.isenabled():
        gc.enable()
        PreviewState.collector = threading.Timer(IDLE_BEFORE_COLLECTING, gc.collect)
        PreviewState.collector.daemon = True
        PreviewState.collector.start()


def _discard_staging():
    with _Build.lock:
        if _Build.staging_dir is not None:
            shutil.rmtree(_Build.staging_dir, ignore_errors=True)
