"""The ``omgevingsvisie`` MkDocs plugin: a thin adapter over the engine-agnostic core."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from omgevingsvisie import Layout, Visie, load_visie
from omgevingsvisie.build_cache import BuildCache
from omgevingsvisie.csp import policy_edits
from omgevingsvisie.markdown_scan import REFERENCE, replace_outside_code
from omgevingsvisie.model import Gebied, Kernopgave, Page
from omgevingsvisie.pages import first_heading
from omgevingsvisie.placeholders import dutch_date, fill_placeholders, markdown_literal
from omgevingsvisie.problems import Problems
from omgevingsvisie.relations import backlinks
from omgevingsvisie.search import SearchFacts, keuze_facts, page_facts
from omgevingsvisie.summary import summary
from omgevingsvisie.textedits import apply_edits
from omgevingsvisie.render import gebied_keuzes, page_backlinks
from omgevingsvisie.render.gebied_namen import ook_bekend_als
from omgevingsvisie.render.common import e
from omgevingsvisie.render.gebieden import gebied_anchor
from omgevingsvisie.render.leaflet import KindScript

from .after_build import AfterBuild, replace_file
from .blocks import ANCHOR, VisieBlocksExtension, with_keuze_ids_only
from .config import VisiePluginConfig
from .file_events import FileEvents, set_poll_interval
from .context import RenderContext
from .htmlfix import description_from_content, page_repairs
from .linker import MkDocsLinker
from .csp import policy_needs
from .linkguard import drop_linked_files
from .maps import COLOURS_FILE, KAART_PAGE, SiteMaps
from .menu import GEBIEDEN_PAGE, gebieden_link, gebieden_markdown, menu_for_page
from .navigation import build_nav
from .prepared import Heading, PreparedBlocks, PreparedBlocksExtension
from .overviews import ALLE_KEUZES, MATRIX, alle_keuzes_markdown, matrix_markdown, wijzigingen_markdown
from .preview import EXPORT_FILE, WIJZIGINGEN, Preview, change_layers, export_json
from .search import INDEX_FOLDER, SearchIndexError, SiteSearch, drop_material_search_assets
from .safetext import escape_meta, escape_nav, html_text
from .staging import StagedBuild
from .watgeldthier import WAT_GELDT_HIER, data_file, gebied_jump, gebied_keuzes_heading, home_sections
from .watgeldthier import page_markdown as wat_geldt_hier_markdown

if TYPE_CHECKING:  # `mkdocs build` need not import the server (and watchdog, http.server): 45 ms
    from mkdocs.livereload import LiveReloadServer

    from .incremental import IncrementalPreview, ThemeReuse

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")
PACKAGE = Path(__file__).parent
ASSETS = (
    "assets/omgevingsvisie/visie.css",
    "assets/omgevingsvisie/visie.js",
    "assets/omgevingsvisie/kaart.css",
    "assets/omgevingsvisie/kaart.js",
    "assets/omgevingsvisie/watgeldthier.css",
    "assets/omgevingsvisie/watgeldthier.js",
    "assets/omgevingsvisie/zoeken.css",
    "assets/omgevingsvisie/zoeken.js",
)
# _insert's placeholder paragraph, as Markdown writes it
INSERTION = re.compile(r"<p>(OVINVOEGING[0-9]+X)</p>")
STATUS_NOTICE = {
    "concept": "Dit is een concept van de {titel}. De gemeenteraad heeft deze visie niet vastgesteld.",
    "ontwerp": "Dit is het ontwerp van de {titel}. De gemeenteraad heeft deze visie nog niet vastgesteld.",
}


class VisiePlugin(BasePlugin[VisiePluginConfig]):
    def __init__(self) -> None:
        self.command: str = "build"
        self.dirty = False
        self.visie: Visie | None = None
        self.problems = Problems()
        self.context: RenderContext | None = None
        self.pages_by_uri: dict[str, Page] = {}
        self.generated: dict[str, str] = {}
        self.staged: StagedBuild | None = None
        self.preview: Preview | None = None
        self.map_cache: dict[tuple, KindScript] = {}
        self.build_cache: BuildCache | None = None
        self.maps: SiteMaps | None = None
        self.insertions: list[tuple[str, Callable[[], str]]] = []
        self.incremental: IncrementalPreview | None = None
        self.theme_reuse: ThemeReuse | None = None
        self.locator_url = ""
        self.search = SiteSearch()
        self.page_urls: set[str] = set()
        self.after_build = AfterBuild(in_background=False)
        self.file_events = FileEvents()
        self.prepared = PreparedBlocks()

    # Keeping this hook makes MkDocs keep one plugin instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if command != "serve":
            return  # what only the live preview uses is not even imported
        from omgevingsvisie.reuse import remember_pages

        from .incremental import IncrementalPreview, ThemeReuse, make_serve_incremental

        if make_serve_incremental():
            self.incremental = IncrementalPreview()
            self.theme_reuse = ThemeReuse()
            self.after_build = AfterBuild(in_background=True)
            self.theme_reuse.install()
            remember_pages()

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.after_build.wait()
        if self.incremental is not None and self.incremental.visie is not None:
            self.after_build.hold_collection()  # a rebuild of a few pages, most likely
        root = Path(config.config_file_path or ".").resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        layout = Layout(
            root=root,
            visie_dir=self.config.visie_dir,
            kaarten_dir=self.config.kaarten_dir,
            docs_dir=docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else None,
            is_draft=config.draft_docs.match_file if config.draft_docs else None,
        )
        result = load_visie(layout)
        self.visie, self.problems = result.visie, result.problems
        for problem in self.problems:
            log.error(str(problem))
        if self.problems and not self.serving:
            count = len(self.problems)
            raise PluginError(
                f"{count} {'fout' if count == 1 else 'fouten'} in de inhoud (zie hierboven); "
                "er is niets gebouwd en een eerder gebouwde site is ongewijzigd."
            )
        root_dir = Path(config.config_file_path or ".").resolve().parent
        self.preview = (
            Preview.against(self.visie, self.config.basis, self.config.basis_naam, root_dir)
            if self.config.basis else None
        )
        meta = self.visie.meta
        config.site_name = html_text(meta.titel)
        notice = STATUS_NOTICE.get(meta.status, "")
        config.extra["omgevingsvisie"] = {
            "gemeente": meta.gemeente,
            "titel": meta.titel,
            "status": meta.status,
            "versie": meta.versie,
            "datum": dutch_date(meta),
            "melding": notice.format(titel=meta.titel),
            "problemen": [str(p) for p in self.problems],
            "voorvertoning": self.preview.label if self.preview else None,
        }
        self.context = RenderContext(self.visie, MkDocsLinker(self.visie, {}))
        self.context.changes = self.preview.changes if self.preview else None
        if self.preview is not None:
            self.context.extra_layers = {layer.id: layer for layer in change_layers(self.preview.changes)}
        if self.maps is not None:  # keep only the maps the previous build drew
            self.map_cache = {key: self.map_cache[key] for key in self.maps.used if key in self.map_cache}
        previous = self.maps.used if self.maps is not None else set()
        if self.build_cache is None:
            self.build_cache = BuildCache(root_dir / self.config.cache_dir if self.config.cache_dir else None)
        self.maps = SiteMaps(self.visie, self.context, self.map_cache, self.build_cache)
        if self.serving:  # pages the live preview does not render again keep their kinds of map
            self.maps.used |= previous
        self.context.draw_map = self.maps
        config.markdown_extensions.append(VisieBlocksExtension(self.context))  # type: ignore[arg-type]
        config.markdown_extensions.append(PreparedBlocksExtension(self.prepared))  # type: ignore[arg-type]
        templates = str(PACKAGE / "templates")
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        config.extra_css.extend(a for a in ASSETS if a.endswith(".css"))
        config.extra_css.append(COLOURS_FILE)
        config.extra_javascript.extend(a for a in ASSETS if a.endswith(".js"))  # type: ignore[arg-type]
        if not self.serving:
            self.staged = StagedBuild(config.site_dir)
            config.site_dir = self.staged.start(keep=self.dirty)
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        root = Path(config.config_file_path or ".").resolve().parent
        server.watch(str(root / self.config.visie_dir))
        server.watch(str(root / self.config.kaarten_dir))
        if self.incremental is not None:
            server.build_delay = 0.05  # MkDocs waits this long for more saves; editors save at once
            if not self.file_events.start(server):
                set_poll_interval(server, 0.2)  # no notices from the system: look more often than MkDocs' 0.5 s
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.visie is not None and self.context is not None
        drop_linked_files(files, config.docs_dir)
        drop_material_search_assets(files, config.docs_dir, any(name.endswith("search") for name in config.plugins))
        root = Path(config.config_file_path or ".").resolve().parent
        visie_dir = str(root / self.config.visie_dir)
        files_by_id: dict[str, File] = {}
        self.pages_by_uri = {}
        visie_pages = [p for p in self.visie.pages() if p.kind != "site"]
        # rel_path is a normalized POSIX path, as src_uri is: a plain lookup (get_file_from_path
        # normalizes each path with PurePath, 25 ms per rebuild of a thousand pages)
        by_uri = files.src_uris
        for page in visie_pages:
            clash = by_uri.get(page.rel_path)
            if clash is not None:
                files.remove(clash)
                docs = Path(config.docs_dir).resolve()
                where = (docs / clash.src_path).relative_to(root).as_posix() if docs.is_relative_to(root) else clash.src_path
                log.error(f"{where}: staat ook als {page.path}; de pagina uit de visie gaat voor")
            file = File(page.rel_path, visie_dir, config.site_dir, config.use_directory_urls)
            files.append(file)
            files_by_id[page.id] = file
            self.pages_by_uri[file.src_uri] = page
        published_site_pages = []
        for page in self.visie.site_pages:
            file = by_uri.get(page.rel_path)
            if file is None:
                continue
            self.pages_by_uri[file.src_uri] = page
            if not page.draft:
                files_by_id[page.id] = file
            if not page.draft or self.serving:
                published_site_pages.append(page)
            if page.draft and self.serving:
                # The preview shows the handleiding in the menu; as a draft, MkDocs would log an
                # English line per page about an excluded file in the nav at every rebuild.
                file.inclusion = InclusionLevel.INCLUDED
        self.generated = {}
        for title, uri in (ALLE_KEUZES, MATRIX, KAART_PAGE, WAT_GELDT_HIER):
            file = File.generated(config, uri, content=f"# {title}\n")
            files.append(file)
            self.generated[uri] = title
            files_by_id[Path(uri).stem] = file
        gebieden_uri = None
        if self.visie.gebieden:
            gebieden_uri = GEBIEDEN_PAGE[1]
            file = File.generated(config, gebieden_uri, content=f"# {GEBIEDEN_PAGE[0]}\n")
            files.append(file)
            self.generated[gebieden_uri] = GEBIEDEN_PAGE[0]
            files_by_id["gebieden"] = file
        for asset in ASSETS:
            files.append(File.generated(config, asset, abs_src_path=str(PACKAGE / asset)))
        self.maps.add_files(files, config)
        if not self.after_build.in_background:
            files.append(File.generated(config, EXPORT_FILE, content=export_json(self.visie)))
        overviews = [ALLE_KEUZES, MATRIX, KAART_PAGE, WAT_GELDT_HIER]
        if self.preview is not None:
            file = File.generated(config, WIJZIGINGEN[1], content=f"# {WIJZIGINGEN[0]}\n")
            files.append(file)
            files_by_id["wijzigingen"] = file
            overviews.insert(0, WIJZIGINGEN)
        self._keep_index_folder_free(files, root)
        self.context.linker.files_by_id = files_by_id
        locator, self.locator_url = data_file(config, self.visie, files_by_id, self.maps.layer_urls)
        files.append(locator)
        self.context.backlinks = backlinks(self.visie)
        self.search.start(self.build_cache)
        # as MkDocs' Page.url gives them: the home page is "", not "./"
        self.page_urls = {"" if file.url in (".", "./") else file.url for file in files.documentation_pages()}
        config.nav = escape_nav(build_nav(self.visie, overviews, published_site_pages, gebieden_uri))
        if self.incremental is not None:
            config_file = Path(config.config_file_path or ".")
            signature = (
                repr(config.nav), [str(p) for p in self.problems], self.config.basis,
                config_file.stat().st_mtime if config_file.is_file() else None,
            )
            self.incremental.plan(self.visie, signature, files, files_by_id)
            if self.incremental.everything:
                self.after_build.release_collection()  # every page: its garbage must not pile up
        return files

    def _keep_index_folder_free(self, files: Files, root: Path) -> None:
        """The site's zoeken/ folder holds the search index, which is written anew each build."""
        for file in [f for f in files if f.dest_uri.split("/", 1)[0] == INDEX_FOLDER]:
            source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
            where = source.relative_to(root).as_posix() if source and source.is_relative_to(root) else file.src_path
            message = (f"{where}: komt in de site op {file.dest_uri}, maar de map {INDEX_FOLDER}/ is voor de "
                       "zoekindex; geef het bestand of de map een andere naam")
            if not self.serving:
                raise PluginError(f"{message}. Er is niets gebouwd en een eerder gebouwde site is ongewijzigd.")
            log.error(message)
            files.remove(file)

    def on_page_markdown(self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        assert self.visie is not None and self.context is not None
        self.context.start_page(page.file)
        self.insertions = []
        self.prepared.start_page()
        escape_meta(page.meta)
        uri = page.file.src_uri
        if uri == ALLE_KEUZES[1]:
            return alle_keuzes_markdown(self.context, self._insert)
        if uri == MATRIX[1]:
            return matrix_markdown(self.context, self._insert)
        if uri == WIJZIGINGEN[1] and self.preview is not None:
            text = wijzigingen_markdown(self.context, self.preview.changes, self._insert)
            return text + self._pdf_link(page, "wijzigingen", "De wijzigingen als PDF, om bij een raadsvoorstel te voegen")
        if uri == KAART_PAGE[1]:
            return self.maps.page_markdown(self._insert)
        if uri == GEBIEDEN_PAGE[1]:
            return gebieden_markdown(self.context, self._insert)
        if uri == WAT_GELDT_HIER[1]:
            return wat_geldt_hier_markdown(self.context, self._insert, self.locator_url)
        core_page = self.pages_by_uri.get(uri)
        if core_page is None:
            return markdown
        text = fill_placeholders(core_page.body, self.visie.meta, literal=True)
        text = self._link_references(core_page, text)
        if isinstance(core_page, Kernopgave) and text.count("\n") == core_page.body.count("\n"):
            text = with_keuze_ids_only(text, core_page.keuzes, core_page.body_line)
        sections = [text.rstrip()]
        visie, context = self.visie, self.context
        if context.changes is not None and context.changes.for_id(core_page.id):
            page_id = core_page.id
            sections.insert(0, self._insert(lambda: context.change_marker(page_id)))
        if core_page.kind == "ambitie":
            home_sections(context, self._insert, sections, len(sections) - 1)
        if core_page.kind == "ambitie" or core_page.rel_path == "colofon.md":
            sections.append(self._pdf_link(page, "visie", f"De hele {visie.meta.titel} als PDF"))
        if isinstance(core_page, Gebied):
            gebied = core_page
            layers = ["gebieden", *[k for k in gebied.kaartlagen if k != "gebieden"]]
            # The keuzes come before the map (and its text alternative): they are what readers look for.
            if gebied.ook_bekend_als:
                sections.insert(0, self._insert(lambda: ook_bekend_als(gebied)))
            gebied_jump(sections, len(sections) - 1, self.prepared)
            sections.append(gebied_keuzes_heading(self.prepared) + "\n\n" + self._insert(
                lambda: gebied_keuzes(visie, gebied, context.linker)))
            sections.append(self._section_heading("Ligging") + self._insert(lambda: context.render_kaart(
                f"Ligging van {gebied.titel} (indicatief)", layers, gebied.id, outline_only=True)))
        if isinstance(core_page, Kernopgave) and core_page.kaartlagen:
            kernopgave = core_page
            sections.append(self._section_heading("Kaart") + self._insert(lambda: context.render_kaart(
                f"Kaart bij {kernopgave.titel}", kernopgave.kaartlagen, None)))
        if core_page.kind == "ambitie" and visie.gebieden:
            sections.append(self._insert(lambda: gebieden_link(context)))
        referring = context.backlinks.get(core_page.id, [])
        if referring and core_page.kind != "site":
            sections.append(self._section_heading("Verwijzingen naar deze pagina") + self._insert(
                lambda: page_backlinks(visie, referring, context.linker)))
        page.meta.setdefault("description", html_text(summary(fill_placeholders(core_page.body, visie.meta), visie)))
        if core_page.kind != "site":
            # The menu may show a short label (kort); the page itself and its <title> keep the titel.
            page.meta["title"] = html_text(core_page.titel)
            if first_heading(core_page.body) is None:
                sections.insert(0, self.prepared.add(Heading(1, core_page.titel)))
        return "\n\n".join(sections) + "\n"

    def _section_heading(self, text: str) -> str:
        """A heading of a section the plugin adds, left out of search (it repeats other pages)."""
        return self.prepared.add(Heading(2, text, (("data-search-exclude", ""),))) + "\n\n"

    def _pdf_link(self, page: MkDocsPage, which: Literal["visie", "wijzigingen"], text: str) -> str:
        if self.visie is None or not self.visie.meta.pdf or self.serving:
            return ""  # mkdocs serve makes no PDFs
        from .pdf import VISIE_PDF, WIJZIGINGEN_PDF, pdf_link  # the print edition only when asked for

        filename = VISIE_PDF if which == "visie" else WIJZIGINGEN_PDF
        url = page.url
        return "\n\n" + self._insert(lambda: pdf_link(url, filename, text))

    def _insert(self, render: Callable[[], str]) -> str:
        """A placeholder paragraph for HTML that is rendered after Markdown, with final URLs."""
        token = f"OVINVOEGING{len(self.insertions)}X"
        self.insertions.append((token, render))
        return token

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if self.context is not None and page.present_anchor_ids is not None:
            page.present_anchor_ids.update(self.context.raw_anchor_ids)  # in the keuze blocks' raw HTML
        return self._searchable(self._fill_insertions(html, page), page)

    def _searchable(self, html: str, page: MkDocsPage) -> str:
        """Add a page of the visie to the search index; its keuzes become results of their own."""
        core_page = self.pages_by_uri.get(page.file.src_uri)
        if core_page is None or self.visie is None or (core_page.draft and not self.serving):
            return html  # generated overviews repeat what their own pages say
        visie = self.visie

        def facts_of(keuze_id: str) -> SearchFacts | None:
            keuze = visie.keuze(keuze_id)
            return keuze_facts(visie, keuze) if keuze is not None else None

        self.search.add_page(page.url, html, page_facts(visie, core_page), facts_of)
        return html

    def _fill_insertions(self, html: str, page: MkDocsPage) -> str:
        if not self.insertions or self.context is None:
            return html
        self.context.linker.as_source = False
        fragments = {}
        for token, render in self.insertions:
            fragment = fragments[token] = render()
            # MkDocs collected this page's anchors during Markdown conversion; links to anchors
            # in HTML added afterwards must not count as broken.
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(ANCHOR.findall(fragment))
        self.insertions = []
        # one pass, one copy of the page (a replace per fragment copied a large overview each time)
        return INSERTION.sub(lambda found: fragments.get(found.group(1), found.group(0)), html)

    def _link_references(self, page: Page, text: str) -> str:
        assert self.visie is not None and self.context is not None
        references = iter(page.references)

        def replace(_line: int, match: re.Match[str]) -> str:
            reference = next(references, None)
            target = match.group(1).strip()
            title = self.visie.title_of(target) if self.visie else None
            if reference is None or title is None:
                return f'<span class="ov-verwijzing ov-verwijzing--kapot">{e(match.group(0))}</span>'
            label = _markdown_escape(reference.text or title)
            href = self.context.linker.url(target)
            return f"[{label}]({href}){{#{reference.anchor} .ov-verwijzing}}"

        return replace_outside_code(text, REFERENCE, replace)

    def on_page_context(self, context, /, *, page: MkDocsPage, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201
        # Generated pages (Alle keuzes, Matrix, Kaart) and site pages without prose have no description yet.
        if not page.meta.get("description") and page.content:
            page.meta["description"] = description_from_content(page.content)
        context["nav"] = menu_for_page(nav, self._overview_anchor, page)
        if self.incremental is not None:
            self.incremental.built(page.url)
        escape_meta(page.meta)
        return context

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201
        # Every page is rendered by now: write the kinds of map they use.
        if self.maps is not None:
            self.maps.add_kind_files(files, config)
        return env

    def _overview_anchor(self, src_uri: str) -> str | None:
        core_page = self.pages_by_uri.get(src_uri)
        return gebied_anchor(core_page) if isinstance(core_page, Gebied) else None

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        return self._finish(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return self._finish(output_content) if template_name.endswith(".html") else output_content

    def _finish(self, page_html: str) -> str:
        """Repairs and security policy in one copy of the page (the repairs leave scripts alone, so
        the policy's hashes are those of the page as it comes)."""
        edits = page_repairs(page_html)
        # `mkdocs serve` injects its own inline live-reload script into every page it serves (with a
        # new value each time, so no hash can allow it): the local preview goes without the policy.
        if not self.serving:
            edits += policy_edits(page_html, policy_needs(self.visie))
        return apply_edits(page_html, edits)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staged is None or not self.staged.doomed(bool(config.strict)):
            self.after_build.run(lambda: self._write_index_and_pdfs(config))
        if self.staged is not None:
            swapped = self.staged.finish(bool(config.strict))
            config.site_dir = str(self.staged.target)
            if swapped:
                log.info(f"De site staat in {config.site_dir}")
                if self.build_cache is not None:
                    self._report_cache(self.build_cache)
                    self.build_cache.prune()
            else:
                log.error("De build had waarschuwingen in --strict-modus; de vorige site is ongewijzigd gebleven.")
            self.staged = None

    def _write_index_and_pdfs(self, config: MkDocsConfig) -> None:
        if self.after_build.in_background and self.visie is not None:
            replace_file(Path(config.site_dir) / EXPORT_FILE, export_json(self.visie).encode("utf-8"))
        try:
            if self.visie is not None:
                self.search.write(config.site_dir, self.visie, self.page_urls, incremental=self.serving)
        except SearchIndexError as error:
            if self.serving:  # the preview goes on without search; the message says why
                log.error(str(error))
            else:
                if self.staged is not None:
                    self.staged.abandon()
                    config.site_dir = str(self.staged.target)
                    self.staged = None
                raise PluginError(f"{error}; er is niets gebouwd en een eerder gebouwde site is ongewijzigd.") from error
        if self.visie is not None and self.visie.meta.pdf and self.context is not None:
            self._write_pdfs(config)

    def _write_pdfs(self, config: MkDocsConfig) -> None:
        """Into the staged site; a failure raises, and on_build_error drops the staged site."""
        assert self.visie is not None and self.context is not None
        if self.serving:
            log.info("pdf: bij mkdocs serve worden geen PDF's gemaakt; dat doet mkdocs build")
            return
        from .pdf import write_visie_pdf, write_wijzigingen_pdf

        root = Path(config.config_file_path or ".").resolve().parent
        write_visie_pdf(self.visie, config, self.context.backlinks, root, self.config.visie_dir)
        if self.preview is not None:
            write_wijzigingen_pdf(
                self.visie, self.context.map_visie, self.preview.changes, list(self.context.extra_layers), config
            )

    def _report_cache(self, cache: BuildCache) -> None:
        if cache.folder is None:
            log.info(f"Bouwcache: uit; {cache.made} kaartonderdelen gemaakt")
        else:
            log.info(f"Bouwcache: {cache.hits} kaartonderdelen hergebruikt, {cache.made} nieuw gemaakt")
        cache.hits = cache.made = 0

    def on_shutdown(self) -> None:
        self.file_events.stop()
        self.after_build.wait()

    def on_build_error(self, *, error: Exception) -> None:
        self.after_build.release_collection()
        if self.incremental is not None:
            self.incremental.forget()  # the next build cannot trust what this one wrote
        if self.staged is not None:
            self.staged.abandon()
            self.staged = None


def _markdown_escape(text: str) -> str:
    return markdown_literal(text)
