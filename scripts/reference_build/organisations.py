"""organisations.ttl: Sweden's 290 municipalities, 21 counties and 21 regions.

Gotland: the municipality of Gotland (0980) holds the regional responsibilities itself and
calls itself Region Gotland; there is no separate county council. It is represented twice,
as Kolada reports it: the municipality ``ssgid:org/0980`` (ssg:Municipality) and its
regional side ``ssgid:org/0009`` (ssg:Region, "Region Gotland"), joined with
``org:linkedTo`` and a note, so that every county has exactly one region and regional
figures keyed on 0009 find an organisation.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS, XSD

from ssgraph.namespaces import SSG, SSGID, SSGREF

from .common import (
    LICENCE_CC0,
    SchemeMetadata,
    add_scheme,
    add_texts,
    expect_count,
    new_graph,
    read_csv,
    unique_by,
)

SCHEME = SSGREF["organisations"]
GOTLAND_MUNICIPALITY = "0980"
GOTLAND_COUNTY = "09"

# The source's long names are generated ("<name>s kommun") and wrong for these; official
# forms used instead (stad/Stad as the municipalities write it themselves, and genitives
# that the generator got wrong).
LONG_NAME_OVERRIDES = {
    "0180": "Stockholms stad",
    "0880": "Kalmar kommun",
    "0980": "Gotlands kommun",
    "1280": "Malmö stad",
    "1480": "Göteborgs Stad",
    "2080": "Falu kommun",
    "2513": "Överkalix kommun",
    "2514": "Kalix kommun",
}
# Organisations that no longer exist, with the project's own codes (they never had an SCB or
# Kolada code of their own: letters + county code cannot clash with one), and the change that
# ended them, as the successor's own public document states it.
DISSOLVED = (
    # not ssg:inCounty: a county's members are the organisations that exist (regional coverage)
    {"code": "LL18", "name": "Örebro läns landsting", "class": SSG.Region, "dissolved": "2014-12-31"},
    {"code": "RF18", "name": "Regionförbundet Örebro län", "alt": "Regionförbundet Örebro",
     "class": SSG.RegionalAssociation, "dissolved": "2014-12-31"},
)
MERGERS = (
    {"event": "org/0018/formation", "date": "2015-01-01", "original": ("LL18", "RF18"), "resulting": "0018",
     "statement": "Den 1 januari 2015 gick Örebro läns landsting och Regionförbundet Örebro samman i en ny "
                  "organsation: Region Örebro län.",
     "source": "http://docplayer.se/3715551-Fakta-om-region-orebro-lan.html",
     "publisher": "Region Örebro län ('Fakta om Region Örebro län', copy on docplayer.se)"},
)
# Further names in official use, kept as extra alternative labels.
EXTRA_NAMES = {
    "0980": ("Region Gotland",),
}

METADATA = SchemeMetadata(
    iri=SCHEME,
    title_sv="Sveriges kommuner, län och regioner",
    title_en="Swedish municipalities, counties and regions",
    description_en=(
        "The 290 municipalities (SCB 4-digit codes), the 21 counties (2-digit codes) and the "
        "21 regions (self-governing bodies, formerly county councils; codes '00' + county "
        "code as in Kolada). Municipalities and regions are organisations (IRIs "
        "ssgid:org/{code}); counties are geographic areas (ssgid:county/{code}). Preferred "
        "labels are the short names; long names are alternative labels. Gotland's "
        "municipality (0980) has regional responsibilities; its regional side is "
        "ssgid:org/0009 'Region Gotland', linked with org:linkedTo. Organisations that no longer "
        "exist have the project's own codes (letters + county code, e.g. LL18 Örebro läns landsting, "
        "RF18 Regionförbundet Örebro län), ssg:dissolvedOn, and the org:ChangeEvent that ended them "
        "(with dcterms:source), and their successor dcterms:replaces them."
    ),
    sources=(
        URIRef("https://github.com/sjbrg/swedish-geodata"),
        "Municipality and county codes and names: sjbrg/swedish-geodata (CC0 1.0)",
        "Regions by county code: public fact",
        URIRef("http://docplayer.se/3715551-Fakta-om-region-orebro-lan.html"),
        "The 2015 merger forming Region Örebro län: Region Örebro län, 'Fakta om Region Örebro län'",
    ),
    licence=LICENCE_CC0,
    rights_en=(
        "Municipality and county data from sjbrg/swedish-geodata, CC0 1.0; region names are "
        "public facts; this compilation is also released under CC0 1.0. Long names of "
        "municipalities 0180, 0880, 0980, 1280, 1480, 2080, 2513 and 2514 corrected by the "
        "ssgraph project."
    ),
    notes=(
        "Organisations are not skos:Concepts; they are listed in this scheme with "
        "skos:inScheme and carry Swedish labels only (proper names).",
    ),
)


def _org(graph: Graph, iri: URIRef, cls: URIRef, code: str, label: str) -> None:
    graph.add((iri, RDF.type, cls))
    graph.add((iri, SKOS.inScheme, SCHEME))
    graph.add((iri, SKOS.notation, Literal(code)))
    graph.add((iri, SSG.organisationCode, Literal(code)))
    graph.add((iri, SKOS.prefLabel, Literal(label, lang="sv")))
    graph.add((iri, RDFS.label, Literal(label, lang="sv")))


def build_organisations(source: Path) -> Graph:
    se = source / "se"
    counties_path, regions_path = se / "counties.csv", se / "regions.csv"
    municipalities_path = se / "municipalities.csv"

    counties = read_csv(counties_path, ("county_code", "county_name", "county_name_short"))
    for row in counties:
        if not re.fullmatch(r"\d{2}", row["county_code"]):
            raise row.fail("county_code", "two digits")
    unique_by(counties, "county_code")
    expect_count(len(counties), 21, "counties", counties_path)
    county_codes = {row["county_code"] for row in counties}

    regions = read_csv(regions_path, ("county_code", "region_name"))
    for row in regions:
        if row["county_code"] not in county_codes:
            raise row.fail("county_code", "the code of a county in counties.csv")
    unique_by(regions, "county_code")
    expect_count(len(regions), 21, "regions", regions_path)

    municipalities = read_csv(municipalities_path, (
        "municipality_code", "municipality_name", "municipality_name_short", "county_code"))
    for row in municipalities:
        if not re.fullmatch(r"\d{4}", row["municipality_code"]):
            raise row.fail("municipality_code", "four digits")
        if row["county_code"] not in county_codes:
            raise row.fail("county_code", "the code of a county in counties.csv")
        if not row["municipality_code"].startswith(row["county_code"]):
            raise row.fail("county_code", "the first two digits of the municipality code")
    unique_by(municipalities, "municipality_code")
    expect_count(len(municipalities), 290, "municipalities", municipalities_path)

    graph = new_graph()
    add_scheme(graph, METADATA)

    for row in counties:
        code = row["county_code"]
        county = SSGID[f"county/{code}"]
        graph.add((county, RDF.type, SSG.County))
        graph.add((county, SKOS.inScheme, SCHEME))
        graph.add((county, SKOS.notation, Literal(code)))
        add_texts(graph, county, SKOS.prefLabel, row["county_name"],
                  f"{row['county_name_short']} County")
        graph.add((county, RDFS.label, Literal(row["county_name"], lang="sv")))
        graph.add((county, SSG.hasRegion, SSGID[f"org/00{code}"]))

    for row in regions:
        code = f"00{row['county_code']}"
        region = SSGID[f"org/{code}"]
        _org(graph, region, SSG.Region, code, row["region_name"])
        graph.add((region, SSG.inCounty, SSGID[f"county/{row['county_code']}"]))

    for row in municipalities:
        code = row["municipality_code"]
        municipality = SSGID[f"org/{code}"]
        _org(graph, municipality, SSG.Municipality, code, row["municipality_name_short"])
        long_name = LONG_NAME_OVERRIDES.get(code, row["municipality_name"])
        for name in (long_name, *EXTRA_NAMES.get(code, ())):
            graph.add((municipality, SKOS.altLabel, Literal(name, lang="sv")))
        graph.add((municipality, SSG.inCounty, SSGID[f"county/{row['county_code']}"]))
        graph.add((municipality, SSG.region, SSGID[f"org/00{row['county_code']}"]))

    gotland = SSGID[f"org/{GOTLAND_MUNICIPALITY}"]
    gotland_region = SSGID[f"org/00{GOTLAND_COUNTY}"]
    graph.add((gotland, ORG.linkedTo, gotland_region))
    graph.add((gotland_region, ORG.linkedTo, gotland))
    add_texts(
        graph, gotland_region, RDFS.comment,
        "Gotland har inget separat landsting: Gotlands kommun (0980) har regionalt "
        "utvecklingsansvar och hälso- och sjukvård och kallar sig Region Gotland. Denna resurs "
        "är kommunens regionala sida, så som Kolada redovisar den under koden 0009.",
        "Gotland has no separate county council: the municipality of Gotland (0980) holds the "
        "regional responsibilities (regional development, health care) and calls itself "
        "Region Gotland. This resource is the municipality's regional side, as Kolada reports "
        "it under code 0009.",
    )
    add_texts(
        graph, gotland, RDFS.comment,
        "Kommun med regionalt ansvar (Region Gotland); den regionala sidan är 0009.",
        "Municipality with regional responsibilities (Region Gotland); its regional side is 0009.",
    )
    _add_dissolved(graph)
    return graph


def _add_dissolved(graph: Graph) -> None:
    """Predecessors that no longer exist, and the change events that ended them."""
    for entry in DISSOLVED:
        org = SSGID[f"org/{entry['code']}"]
        _org(graph, org, entry["class"], entry["code"], entry["name"])
        if entry.get("alt"):
            graph.add((org, SKOS.altLabel, Literal(entry["alt"], lang="sv")))
        graph.add((org, SSG.dissolvedOn, Literal(entry["dissolved"], datatype=XSD.date)))
    for merger in MERGERS:
        event = SSGID[merger["event"]]
        resulting = SSGID[f"org/{merger['resulting']}"]
        graph.add((event, RDF.type, ORG.ChangeEvent))
        graph.add((event, ORG.resultingOrganization, resulting))
        graph.add((resulting, ORG.resultedFrom, event))
        graph.add((event, DCTERMS.date, Literal(merger["date"], datatype=XSD.date)))
        graph.add((event, DCTERMS.source, URIRef(merger["source"])))
        graph.add((event, SKOS.note, Literal(merger["statement"], lang="sv")))
        graph.add((event, DCTERMS.bibliographicCitation, Literal(merger["publisher"])))
        add_texts(graph, event, RDFS.label, f"Bildandet av {graph.value(resulting, SKOS.prefLabel)}",
                  f"Formation of {graph.value(resulting, SKOS.prefLabel)}")
        for code in merger["original"]:
            original = SSGID[f"org/{code}"]
            graph.add((event, ORG.originalOrganization, original))
            graph.add((original, ORG.changedBy, event))
            graph.add((resulting, DCTERMS.replaces, original))
            graph.add((original, DCTERMS.isReplacedBy, resulting))
