"""miljomal.ttl, folkhalsa.ttl and grona-nyckeltal.ttl: Swedish national goal frameworks."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ssgraph.namespaces import SSG, SSGREF

from .common import (
    LICENCE_CC_BY,
    SchemeMetadata,
    add_concept,
    add_scheme,
    expect_count,
    new_graph,
    read_csv,
    unique_by,
)
from .sdg_links import add_environmental_sdg_links

MILJOMAL = SSGREF["miljomal"]
FOLKHALSA = SSGREF["folkhalsa"]
GRONA_NYCKELTAL = SSGREF["grona-nyckeltal"]

PUBLIC_FACTS_RIGHTS = (
    "Names and numbering are public facts ({who}). The compilation, notes and any links "
    "added by the ssgraph project are licensed CC BY 4.0."
)

MILJOMAL_METADATA = SchemeMetadata(
    iri=MILJOMAL,
    title_sv="Sveriges miljömål: generationsmålet och de 16 miljökvalitetsmålen",
    title_en="Sweden's environmental objectives: the generational goal and the 16 "
    "environmental quality objectives",
    description_en=(
        "The generational goal (0) and the 16 environmental quality objectives adopted by the "
        "Swedish Parliament, in official order, in Swedish and English. Links to the SDGs are "
        "given as skos:relatedMatch and, for each, an SSSOM-style mapping record (owl:Axiom "
        "with owl:annotatedSource/Property/Target) that says who made it and on what basis: "
        "a published statement of the Swedish EPA, or a proposal of the ssgraph project."
    ),
    sources=(
        "Swedish Parliament / Naturvårdsverket (Swedish EPA): the environmental objectives "
        "system, public facts",
        URIRef("https://www.sverigesmiljomal.se/"),
        "Swedish EPA naming SDGs 2, 3, 7, 11, 12, 13, 14 and 15 as the environmental focus of "
        "Agenda 2030, as cited by the European Environment Agency's country profile for "
        "Sweden (2020)",
    ),
    licence=LICENCE_CC_BY,
    rights_en=PUBLIC_FACTS_RIGHTS.format(who="Swedish Parliament / Naturvårdsverket"),
    notes=(
        "No authoritative table links each objective to SDG goals or targets. Reaching the "
        "objectives amounts to the environmental dimension of Agenda 2030 in Sweden "
        "(sverigesmiljomal.se, 2020). Links authored by 'ssgraph project (proposal)' are "
        "suggestions, not published statements.",
    ),
)

FOLKHALSA_METADATA = SchemeMetadata(
    iri=FOLKHALSA,
    title_sv="Folkhälsopolitikens målområden",
    title_en="Target areas of Swedish public health policy",
    description_en=(
        "The eight target areas of Swedish public health policy since 2018, under the "
        "overarching goal of good and equitable health within a generation."
    ),
    sources=(
        "Government bill 2017/18:249 God och jämlik hälsa – en utvecklad folkhälsopolitik "
        "(public facts)",
    ),
    licence=LICENCE_CC_BY,
    rights_en=PUBLIC_FACTS_RIGHTS.format(who="Government bill 2017/18:249"),
)

GRONA_NYCKELTAL_METADATA = SchemeMetadata(
    iri=GRONA_NYCKELTAL,
    title_sv="Gröna nyckeltal (Sveriges Ekokommuner, revision 2012)",
    title_en="Green key indicators (Sveriges Ekokommuner, 2012 revision)",
    description_en=(
        "Sveriges Ekokommuner's 12 green key indicators as revised in 2012, with the codes "
        "GN.1-GN.12 used by Miljöbarometern and the unit of each. A 2023 revision changed "
        "several indicators and is not included. The source gives Swedish names only, so the "
        "concepts have no English preferred label."
    ),
    sources=("Sveriges Ekokommuner (Swedish eco-municipalities), Gröna nyckeltal 2012, "
             "public facts",),
    licence=LICENCE_CC_BY,
    rights_en=PUBLIC_FACTS_RIGHTS.format(who="Sveriges Ekokommuner"),
)


def _numbered_rows(path: Path, first: int, last: int, what: str):
    rows = read_csv(path, ("number", "name_sv", "name_en"))
    for row in rows:
        if not row["number"].isdigit() or not first <= int(row["number"]) <= last:
            raise row.fail("number", f"a whole number {first}-{last}")
        for column in ("name_sv", "name_en"):
            if not row[column]:
                raise row.fail(column, "a name")
    unique_by(rows, "number")
    expect_count(len(rows), last - first + 1, what, path)
    return rows


def build_miljomal(source: Path) -> Graph:
    path = source / "se" / "environmental-objectives.csv"
    graph = new_graph()
    add_scheme(graph, MILJOMAL_METADATA)
    for row in _numbered_rows(path, 0, 16, "environmental objectives (0-16)"):
        number = int(row["number"])
        cls = SSG.GenerationalGoal if number == 0 else SSG.EnvironmentalObjective
        add_concept(graph, SSGREF[f"miljomal/{number}"], MILJOMAL, [cls], notation=str(number),
                    label_sv=row["name_sv"], label_en=row["name_en"], top=True)
    add_environmental_sdg_links(graph)
    return graph


def build_folkhalsa(source: Path) -> Graph:
    path = source / "se" / "public-health-areas.csv"
    graph = new_graph()
    add_scheme(graph, FOLKHALSA_METADATA)
    for row in _numbered_rows(path, 1, 8, "public health target areas"):
        number = int(row["number"])
        add_concept(graph, SSGREF[f"folkhalsa/{number}"], FOLKHALSA, [SSG.PublicHealthArea],
                    notation=str(number), label_sv=row["name_sv"], label_en=row["name_en"],
                    top=True)
    return graph


def build_grona_nyckeltal(source: Path) -> Graph:
    path = source / "se" / "green-key-indicators-2012.csv"
    rows = read_csv(path, ("code", "name_sv", "unit"))
    expected_codes = {f"GN.{n}" for n in range(1, 13)}
    for row in rows:
        if row["code"] not in expected_codes:
            raise row.fail("code", "GN.1-GN.12")
        if not row["name_sv"]:
            raise row.fail("name_sv", "a name")
    unique_by(rows, "code")
    expect_count(len(rows), 12, "green key indicators", path)

    graph = new_graph()
    add_scheme(graph, GRONA_NYCKELTAL_METADATA)
    for row in rows:
        concept = SSGREF[f"grona-nyckeltal/{row['code']}"]
        add_concept(graph, concept, GRONA_NYCKELTAL, [SSG.GreenKeyIndicator],
                    notation=row["code"], label_sv=row["name_sv"], top=True)
        if row["unit"]:
            graph.add((concept, SSG.unit, Literal(row["unit"])))
        graph.add((concept, SKOS.altLabel, Literal(f"Grönt nyckeltal {row['code']}", lang="sv")))
    return graph
