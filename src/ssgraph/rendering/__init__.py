"""The one rendering layer: a single Jinja environment and template tree for every HTML
output of ssgraph — the web pages, the analysis reports and the validation reports.

Templates live in ``templates/`` (``base.html`` is the shared chrome: navigation, language
switch, footer). A page is rendered for the web (linked stylesheet, navigation) or
standalone (stylesheet inlined, no navigation), so a report written by the CLI prints and
can be mailed, and shows the same content as the page the web serves. Every word comes
from :mod:`ssgraph.catalogue` through ``t('id')``; autoescape is on and no template marks
data ``|safe`` (inline SVG figures are wrapped once, in :func:`inline_svg`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ssgraph import catalogue, paths

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLESHEET = paths.STATIC_DIR / "ssgraph.css"


@dataclass(frozen=True)
class NavItem:
    key: str  # catalogue id under ui.nav.
    href: str


# The one navigation of the site, in order (labels: ui.nav.<key> in the catalogue).
NAVIGATION = (
    NavItem("sparql", "/"),
    NavItem("library", "/queries"),
    NavItem("organisations", "/org/"),
    NavItem("analyses", "/analysis/"),
    NavItem("validation", "/analysis/validation"),
    NavItem("publication", "/publication"),
    NavItem("ontology", "/ontology"),
)


def active_nav(path: str) -> str | None:
    """The navigation item a path belongs to (the longest matching prefix)."""
    best: NavItem | None = None
    for item in NAVIGATION:
        prefix = item.href.rstrip("/")
        if path == item.href or (prefix and (path == prefix or path.startswith(prefix + "/"))):
            if best is None or len(item.href) > len(best.href):
                best = item
    if path.startswith(("/void", "/datasets", "/dumps", "/shapes", "/api")):
        return "publication"
    if path.startswith(("/id/", "/ref/", "/search")):
        return None
    return best.key if best else None


@dataclass(frozen=True)
class Page:
    """Where and how a template is shown."""

    lang: str = catalogue.DEFAULT_LANGUAGE
    path: str = "/"
    switch_href: str | None = None  # the same page in the other language
    standalone: bool = False  # a file of its own: inline stylesheet, no navigation
    alternates: list[dict[str, str]] = field(default_factory=list)  # other formats of the page
    links: Callable[[str], str] | None = None  # where the site shows an IRI (None: the IRI itself)

    def href(self, iri: str) -> str:
        return self.links(iri) if self.links is not None else iri

    @property
    def other_lang(self) -> str:
        return "en" if self.lang == "sv" else "sv"


def _short(iri: object) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _pct(value: float) -> str:
    return f"{100 * value:.0f} %"


def _translate(value: object, t, prefix: str = "") -> str:
    """``names|map('translate', t, 'report.dimension.')``: codes to words in the page's language."""
    return t(f"{prefix}{value}")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short"] = _short
    env.filters["pct"] = _pct
    env.filters["translate"] = _translate
    env.globals["navigation"] = NAVIGATION
    return env


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def inline_svg(data: bytes | str) -> Markup:
    """An SVG figure (made by ssgraph's own charts) inlined into a page, prologue dropped."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    start = text.find("<svg")
    return Markup(text[start:] if start >= 0 else text)


def timestamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def render(template: str, page: Page, **context: object) -> str:
    """A template of the tree rendered for ``page`` (language, path, web or standalone)."""
    lang = catalogue.language(page.lang)
    context.setdefault("illustrative", False)
    context.setdefault("generated", None)
    return environment().get_template(template).render(
        lang=lang,
        page=page,
        t=catalogue.translator(lang),
        pick=lambda sv, en: (en or sv) if lang == "en" else (sv or en),
        active=active_nav(page.path),
        stylesheet=Markup(_stylesheet()) if page.standalone else None,
        **context,
    )


def render_standalone(template: str, lang: str, **context: object) -> str:
    """A report as a file of its own (the CLI's ``--format html``)."""
    return render(template, Page(lang=lang, standalone=True), **context)
