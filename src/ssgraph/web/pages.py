"""Bilingual page chrome: the texts of the HTML pages and the one function that renders them.

Templates are Jinja with autoescape on (Flask's default for .html), so every value shown
is escaped; no template marks data ``|safe``.
"""

from __future__ import annotations

from flask import render_template, request

from ssgraph.web.errors import request_language

CHROME: dict[str, dict[str, str]] = {
    "sv": {
        "site": "ssgraph – hållbarhetsstyrning som länkade data",
        "nav_query": "SPARQL-frågor",
        "nav_library": "Frågebibliotek",
        "nav_ontology": "Ontologi",
        "nav_void": "VoID",
        "nav_dcat": "Datakatalog (DCAT-AP-SE)",
        "nav_dumps": "Nedladdning",
        "language": "Språk",
        "types": "Typer",
        "outgoing": "Egenskaper",
        "incoming": "Länkas från",
        "provenance": "Härkomst",
        "graph": "Graf",
        "source": "Källa",
        "sheet": "blad",
        "row": "rad",
        "page": "sida",
        "other_formats": "Andra format",
        "property": "Egenskap",
        "value": "Värde",
        "subject": "Resurs",
        "sdg": "Globalt mål",
        "library_intro": "Färdiga frågor som går tvärs över organisationernas gällande målstrukturer. "
                         "Öppna dem i frågeverktyget eller kör dem här.",
        "parameters": "Parametrar",
        "run": "Kör",
        "open_in_editor": "Öppna i frågeverktyget",
        "query_intro": "Skriv en SPARQL-fråga eller välj ett exempel bland flikarna. Slutpunkt: ",
        "no_script": "Frågeverktyget kräver JavaScript. Slutpunkten /sparql fungerar med vilket SPARQL-verktyg som helst.",
        "dumps_intro": "Hela datamängden och varje graf som komprimerade N-Quads och Turtle.",
        "whole_dataset": "Hela datamängden",
        "triples": "tripler",
        "file": "Fil",
        "label_order": "Etikettspråk i turordning:",
        "current": "gällande version",
        "archived": "arkiverad version",
    },
    "en": {
        "site": "ssgraph – sustainability governance as linked data",
        "nav_query": "SPARQL queries",
        "nav_library": "Query library",
        "nav_ontology": "Ontology",
        "nav_void": "VoID",
        "nav_dcat": "Data catalogue (DCAT-AP-SE)",
        "nav_dumps": "Downloads",
        "language": "Language",
        "types": "Types",
        "outgoing": "Properties",
        "incoming": "Linked from",
        "provenance": "Provenance",
        "graph": "Graph",
        "source": "Source",
        "sheet": "sheet",
        "row": "row",
        "page": "page",
        "other_formats": "Other formats",
        "property": "Property",
        "value": "Value",
        "subject": "Resource",
        "sdg": "SDG",
        "library_intro": "Ready-made queries across the organisations' current goal structures. "
                         "Open them in the query editor or run them here.",
        "parameters": "Parameters",
        "run": "Run",
        "open_in_editor": "Open in the query editor",
        "query_intro": "Write a SPARQL query or pick an example among the tabs. Endpoint: ",
        "no_script": "The query editor needs JavaScript. The /sparql endpoint works with any SPARQL client.",
        "dumps_intro": "The whole dataset and every graph as compressed N-Quads and Turtle.",
        "whole_dataset": "The whole dataset",
        "triples": "triples",
        "file": "File",
        "label_order": "Label languages in order:",
        "current": "current version",
        "archived": "archived version",
    },
}


def render_page(template: str, **context: object) -> str:
    lang = request_language()
    other = "en" if lang == "sv" else "sv"
    return render_template(template, lang=lang, other_lang=other, t=CHROME[lang], path=request.path, **context)
