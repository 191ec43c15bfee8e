"""HTML for the analyses: Jinja2 templates in ``templates/``, charts embedded as inline SVG.

The pages are self-contained (no external CSS or scripts) so they print and can be mailed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = lambda iri: str(iri).rstrip("/").rsplit("/", 1)[-1]
    env.filters["pct"] = lambda x: f"{100 * x:.0f} %"
    return env


def svg(data: bytes) -> Markup:
    """Inline an SVG figure (drop the XML prologue)."""
    text = data.decode("utf-8")
    start = text.find("<svg")
    return Markup(text[start:] if start >= 0 else text)


def render(template: str, lang: str = "sv", **context: object) -> str:
    def tr(sv: str, en: str) -> str:
        return en if lang == "en" else sv

    return _environment().get_template(template).render(lang=lang, tr=tr, **context)
