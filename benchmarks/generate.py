"""Generate a seeded synthetic national dataset of goal structures as N-Quads.

The data follows docs/model.md: one named graph per organisation and version
(``ssggraph:org/{code}/{slug}``), the version catalogue in ``ssggraph:catalog``, a
3-level goal hierarchy under each organisation's vision with ``ssg:hasParent`` and the
materialised ``ssg:leadsUpTo`` closure, indicators with ten yearly RDF Data Cube
observations, SDG target links, dimensions, aspects, responsible bodies and steering
documents. All of it is illustrative: names, texts and numbers are invented.

Organisations are the 290 municipalities and 21 regions of data/reference/organisations.ttl
when that file exists, else a built-in list that follows the SCB code pattern (county code
+ two digits) with the real number of municipalities per county but invented codes.

Usage: python benchmarks/generate.py --out /tmp/national.nq.gz [--municipalities N] [--seed S]
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SSG = "https://w3id.org/ssgraph/ontology#"
REF = "https://w3id.org/ssgraph/ref/"
ID = "https://w3id.org/ssgraph/id/"
GRAPH = "https://w3id.org/ssgraph/graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
QB = "http://purl.org/linked-data/cube#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

REPO_ROOT = Path(__file__).resolve().parents[1]
ORGANISATIONS_FILE = REPO_ROOT / "data" / "reference" / "organisations.ttl"

# county code -> number of municipalities (SCB, 2024); Gotland (09) has one
MUNICIPALITIES_PER_COUNTY = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5,
    "12": 33, "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10,
    "22": 7, "23": 8, "24": 15, "25": 14,
}
# targets per SDG: (numbered targets, letter targets) -> 169 in all
SDG_TARGETS = {
    1: (5, 2), 2: (5, 3), 3: (9, 4), 4: (7, 3), 5: (6, 3), 6: (6, 2), 7: (3, 2), 8: (10, 2),
    9: (5, 3), 10: (7, 3), 11: (7, 3), 12: (8, 3), 13: (3, 2), 14: (7, 3), 15: (9, 3),
    16: (10, 2), 17: (19, 0),
}
YEARS = list(range(2015, 2025))  # ten yearly observations per indicator

VERBS = ["Öka", "Minska", "Stärka", "Främja", "Säkerställa", "Utveckla", "Förbättra",
         "Halvera", "Förebygga", "Bevara", "Effektivisera", "Tillgängliggöra"]
OBJECTS = [
    "andelen förnybar energi", "utsläppen av växthusgaser", "tryggheten i offentliga miljöer",
    "cykelvägnätet", "kollektivtrafikens andel av resorna", "jämställdheten i förvaltningen",
    "andelen ekologiska livsmedel", "den biologiska mångfalden", "elevernas måluppfyllelse",
    "folkhälsan bland äldre", "tillgången till bostäder", "sysselsättningen bland unga",
    "vattenkvaliteten i sjöar och vattendrag", "avfallsmängden per invånare",
    "medborgarnas delaktighet", "arbetsmiljön för medarbetarna", "kulturutbudet",
    "den digitala tillgängligheten", "energiförbrukningen i lokaler",
    "andelen barn i ekonomiskt utsatta hushåll", "sjukfrånvaron", "näringslivsklimatet",
    "skyddet av värdefull natur", "klimatanpassningen av bebyggelsen",
    "våld i nära relationer", "psykisk hälsa bland unga", "andelen fossilfria fordon",
]
CONTEXTS = ["i kommunens verksamheter", "för barn och unga", "på landsbygden",
            "i hela länet", "i tätorterna", "till år 2030", "för äldre invånare",
            "i samverkan med civilsamhället", "inom skolan", "i stadsplaneringen", ""]
TOPICS = ["klimat", "miljö", "social hållbarhet", "folkhälsa", "näringsliv", "kultur",
          "trygghet", "kompetensförsörjning", "digitalisering", "jämställdhet"]
DOCUMENT_TYPES = [("Budget", "mål och budget", "activating"), ("Policy", "policy", "normative"),
                  ("Programme", "program", "normative"), ("Plan", "plan", "activating"),
                  ("Strategy", "strategi", "normative"), ("Guideline", "riktlinje", "regulating"),
                  ("Rule", "regler", "regulating")]
COMMITTEES = ["Barn- och utbildningsnämnden", "Socialnämnden", "Kultur- och fritidsnämnden",
              "Samhällsbyggnadsnämnden", "Miljö- och hälsoskyddsnämnden", "Tekniska nämnden",
              "Vård- och omsorgsnämnden", "Gymnasie- och vuxenutbildningsnämnden",
              "Regionala utvecklingsnämnden", "Hälso- och sjukvårdsnämnden"]
DIMENSIONS = ["economic", "social", "ecological"]
ASPECTS = ["ethics", "human-rights", "gender-equality", "culture", "public-health",
           "work-environment", "children-rights", "accessibility", "biodiversity", "climate"]
UNITS = ["procent", "antal", "ton CO2e per invånare", "kWh per kvadratmeter", "kronor", "index"]
DIRECTIONS = ["increase", "decrease", "maintain"]


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    kind: str  # "Municipality" | "Region"


def iri(value: str) -> str:
    return f"<{value}>"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{XSD}{datatype}>'
    return f'"{escaped}"'


def organisations_from_reference(path: Path) -> list[Organisation] | None:
    """Municipalities and regions of data/reference/organisations.ttl, if it exists and parses."""
    if not path.exists():
        return None
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS as SKOS_NS

    ssg = Namespace(SSG)
    graph = Graph()
    graph.parse(path)
    found: list[Organisation] = []
    for kind in ("Municipality", "Region"):
        for subject in set(graph.subjects(RDF.type, ssg[kind])):
            if not isinstance(subject, URIRef) or not str(subject).startswith(ID + "org/"):
                continue
            if (subject, ssg.dissolvedOn, None) in graph:  # LL18, RF18: organisations that no longer exist
                continue
            code = str(subject)[len(ID + "org/"):]
            if not (len(code) == 4 and code.isdigit()):
                continue  # a dissolved predecessor (e.g. LL18): not one of today's 290 + 21
            names = [o for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal)]
            names += [o for o in graph.objects(subject, SKOS_NS.prefLabel) if isinstance(o, Literal)]
            swedish = [str(o) for o in names if o.language == "sv"] or [str(o) for o in names]
            found.append(Organisation(code, swedish[0] if swedish else code, kind))
    municipalities = sum(1 for o in found if o.kind == "Municipality")
    if municipalities < 10:
        return None
    return sorted(found, key=lambda o: (o.kind != "Municipality", o.code))


def fallback_organisations() -> list[Organisation]:
    found = []
    for county, count in MUNICIPALITIES_PER_COUNTY.items():
        for number in range(count):
            found.append(Organisation(f"{county}{10 + number:02d}", f"Kommun {county}{10 + number:02d}",
                                      "Municipality"))
    for county in MUNICIPALITIES_PER_COUNTY:
        found.append(Organisation(f"00{county}", f"Region {county}", "Region"))
    return found


def select_organisations(all_orgs: list[Organisation], municipalities: int | None) -> list[Organisation]:
    munis = [o for o in all_orgs if o.kind == "Municipality"]
    regions = [o for o in all_orgs if o.kind == "Region"]
    if municipalities is None or municipalities >= len(munis):
        return munis + regions
    # spread the sample over the whole country rather than taking one county
    step = len(munis) / municipalities
    chosen = [munis[int(i * step)] for i in range(municipalities)]
    region_count = max(1, round(len(regions) * municipalities / len(munis)))
    return chosen + regions[:region_count]


def sdg_targets() -> list[str]:
    targets = []
    for goal, (numbered, letters) in SDG_TARGETS.items():
        targets += [f"{goal}.{n}" for n in range(1, numbered + 1)]
        targets += [f"{goal}.{chr(ord('a') + n)}" for n in range(letters)]
    return targets


def reference_quads(orgs: list[Organisation]) -> Iterator[str]:
    """A minimal SDG scheme and the organisations, as the reference graphs hold them."""
    sdg_graph = iri(GRAPH + "reference/sdg")
    for goal in SDG_TARGETS:
        node = iri(f"{REF}sdg/{goal}")
        yield f"{node} <{RDF_TYPE}> <{SSG}SDGGoal> {sdg_graph} .\n"
        yield f"{node} <{SKOS}notation> {literal(str(goal))} {sdg_graph} .\n"
        yield f"{node} <{SKOS}prefLabel> {literal(f'Globalt mål {goal}', 'sv')} {sdg_graph} .\n"
    for target in sdg_targets():
        node = iri(f"{REF}sdg/{target}")
        goal = target.split(".")[0]
        yield f"{node} <{RDF_TYPE}> <{SSG}SDGTarget> {sdg_graph} .\n"
        yield f"{node} <{SKOS}notation> {literal(target)} {sdg_graph} .\n"
        yield f"{node} <{SKOS}broader> <{REF}sdg/{goal}> {sdg_graph} .\n"
    org_graph = iri(GRAPH + "reference/organisations")
    for org in orgs:
        node = iri(f"{ID}org/{org.code}")
        yield f"{node} <{RDF_TYPE}> <{SSG}{org.kind}> {org_graph} .\n"
        yield f"{node} <{RDFS_LABEL}> {literal(org.name, 'sv')} {org_graph} .\n"
        yield f"{node} <{SKOS}notation> {literal(org.code)} {org_graph} .\n"


def goal_count(rng: random.Random, org: Organisation) -> int:
    """Many small goal structures, a few large ones (up to 1,500 goals)."""
    median = 700 if org.kind == "Region" else 260
    return max(30, min(1500, int(rng.lognormvariate(0, 0.75) * median)))


class OrganisationWriter:
    """Writes the quads of one organisation's goal structure version."""

    def __init__(self, org: Organisation, slug: str, rng: random.Random, size: int) -> None:
        self.org, self.slug, self.rng, self.size = org, slug, rng, size
        self.base = f"{ID}org/{org.code}"
        self.graph = iri(f"{GRAPH}org/{org.code}/{slug}")
        self.targets = sdg_targets()

    def quad(self, s: str, p: str, o: str) -> str:
        return f"{s} {p} {o} {self.graph} .\n"

    def quads(self) -> Iterator[str]:
        rng, base, q = self.rng, self.base, self.quad
        org = iri(base)
        vision = iri(base + "/vision")
        yield q(org, iri(SSG + "hasVision"), vision)
        yield q(vision, iri(RDF_TYPE), iri(SSG + "Vision"))
        yield q(vision, iri(SSG + "organisation"), org)
        yield q(vision, iri(RDFS_LABEL), literal(f"Vision {self.org.name} 2035: {rng.choice(OBJECTS)}", "sv"))
        value_base = iri(base + "/value-base")
        yield q(org, iri(SSG + "hasValueBase"), value_base)
        yield q(value_base, iri(RDF_TYPE), iri(SSG + "ValueBase"))
        yield q(value_base, iri(RDFS_LABEL), literal(f"Värdegrund för {self.org.name}", "sv"))
        bodies = yield from self.bodies()
        documents = yield from self.documents(bodies)
        yield from self.goals(vision, bodies, documents)

    def bodies(self) -> Iterator[str]:
        q, org = self.quad, iri(self.base)
        names = [("Council", "fullmaktige", "Fullmäktige"), ("ExecutiveBoard", "styrelse", "Styrelsen")]
        names += [("Committee", f"namnd-{i}", name)
                  for i, name in enumerate(self.rng.sample(COMMITTEES, self.rng.randint(4, 8)))]
        bodies = []
        for cls, body_id, label in names:
            body = iri(f"{self.base}/body/{body_id}")
            yield q(body, iri(RDF_TYPE), iri(SSG + cls))
            yield q(body, iri("http://www.w3.org/ns/org#unitOf"), org)
            yield q(body, iri(RDFS_LABEL), literal(label, "sv"))
            bodies.append(body)
        return bodies

    def documents(self, bodies: list[str]) -> Iterator[str]:
        q, rng = self.quad, self.rng
        documents = []
        for number in range(rng.randint(3, 12)):
            cls, noun, kind = DOCUMENT_TYPES[0] if number == 0 else rng.choice(DOCUMENT_TYPES)
            doc = iri(f"{self.base}/document/d{number + 1}")
            year = rng.randint(2016, 2024)
            yield q(doc, iri(RDF_TYPE), iri(SSG + cls))
            yield q(doc, iri(SSG + "organisation"), iri(self.base))
            yield q(doc, iri(DCT + "title"), literal(f"{noun.capitalize()} för {rng.choice(TOPICS)} {year}", "sv"))
            yield q(doc, iri(DCT + "identifier"), literal(f"d{number + 1}"))
            yield q(doc, iri(SSG + "documentKind"), iri(f"{REF}ss854000/{kind}"))
            yield q(doc, iri(SSG + "decidedBy"), bodies[0] if number < 2 else rng.choice(bodies))
            yield q(doc, iri(SSG + "decisionDate"), literal(f"{year - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype="date"))
            yield q(doc, iri(SSG + "decisionReference"), literal(f"KF § {rng.randint(1, 250)}/{year - 1}"))
            yield q(doc, iri(SSG + "validFrom"), literal(f"{year}-01-01", datatype="date"))
            yield q(doc, iri(SSG + "documentStatus"), iri(f"{REF}ss854000/{rng.choice(['in-force'] * 4 + ['draft', 'superseded'])}"))
            documents.append(doc)
        return documents

    def goals(self, vision: str, bodies: list[str], documents: list[str]) -> Iterator[str]:
        rng = self.rng
        overarching = max(3, min(15, self.size // 40))
        committee = max(overarching, self.size // 6)
        levels = [("OverarchingGoal", "level-overarching")] * overarching
        levels += [("CommitteeGoal", "level-committee")] * committee
        levels += [("OperationalGoal", "level-operational")] * (self.size - overarching - committee)
        ancestors: dict[str, list[str]] = {}  # goal -> its leadsUpTo closure
        by_level: dict[str, list[str]] = {"OverarchingGoal": [], "CommitteeGoal": []}
        for number, (cls, level) in enumerate(levels, start=1):
            goal = iri(f"{self.base}/goal/g{number}")
            if cls == "OverarchingGoal":
                parent = vision
            else:
                pool = by_level["OverarchingGoal" if cls == "CommitteeGoal" else "CommitteeGoal"]
                parent = rng.choice(pool)
            if rng.random() < 0.01:  # an orphan: its parent was never imported
                parent = None
            closure = [] if parent is None else [parent] + ancestors.get(parent, [])
            ancestors[goal] = closure
            if cls in by_level:
                by_level[cls].append(goal)
            yield from self.goal(goal, number, cls, level, parent, closure, bodies, documents)

    def goal(self, goal, number, cls, level, parent, closure, bodies, documents) -> Iterator[str]:
        q, rng = self.quad, self.rng
        yield q(goal, iri(RDF_TYPE), iri(SSG + "Goal"))
        yield q(goal, iri(RDF_TYPE), iri(SSG + cls))
        yield q(goal, iri(SSG + "goalLevel"), iri(f"{REF}ss854000/{level}"))
        yield q(goal, iri(SSG + "organisation"), iri(self.base))
        context = rng.choice(CONTEXTS)
        text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + context if context else ''}"
        yield q(goal, iri(RDFS_LABEL), literal(text, "sv"))
        yield q(goal, iri(DCT + "identifier"), literal(f"g{number}"))
        if parent is not None:
            yield q(goal, iri(SSG + "hasParent"), parent)
        for ancestor in closure:
            yield q(goal, iri(SSG + "leadsUpTo"), ancestor)
        for target in rng.sample(self.targets, rng.choice([0, 1, 1, 1, 2, 2, 3])):
            yield q(goal, iri(SSG + "addressesSDG"), iri(f"{REF}sdg/{target}"))
        yield q(goal, iri(SSG + "dimension"), iri(f"{REF}ss854000/{rng.choice(DIMENSIONS)}"))
        if rng.random() < 0.3:
            yield q(goal, iri(SSG + "aspect"), iri(f"{REF}ss854000/{rng.choice(ASPECTS)}"))
        yield q(goal, iri(SSG + "responsibleBody"), rng.choice(bodies))
        yield q(goal, iri(SSG + "statedIn"), rng.choice(documents))
        yield q(goal, iri(SSG + "periodStart"), literal("2024", datatype="gYear"))
        yield q(goal, iri(SSG + "periodEnd"), literal(str(rng.choice([2026, 2027, 2030])), datatype="gYear"))
        if cls != "OverarchingGoal" and rng.random() < 0.35:
            yield from self.indicator(goal, number)

    def indicator(self, goal: str, number: int) -> Iterator[str]:
        q, rng = self.quad, self.rng
        ind_id = f"i{number}"
        ind = iri(f"{self.base}/indicator/{ind_id}")
        unit = rng.choice(UNITS)
        baseline = round(rng.uniform(5, 95), 1)
        yield q(ind, iri(RDF_TYPE), iri(SSG + "Indicator"))
        yield q(ind, iri(SSG + "organisation"), iri(self.base))
        yield q(ind, iri(SSG + "measures"), goal)
        yield q(ind, iri(RDFS_LABEL), literal(f"Mått på {rng.choice(OBJECTS)}", "sv"))
        yield q(ind, iri(DCT + "identifier"), literal(ind_id))
        yield q(ind, iri(SSG + "unit"), literal(unit))
        yield q(ind, iri(SSG + "direction"), iri(f"{REF}ss854000/{rng.choice(DIRECTIONS)}"))
        yield q(ind, iri(SSG + "baselineYear"), literal(str(YEARS[0]), datatype="gYear"))
        yield q(ind, iri(SSG + "baselineValue"), literal(str(baseline), datatype="decimal"))
        yield q(ind, iri(SSG + "targetYear"), literal("2030", datatype="gYear"))
        yield q(ind, iri(SSG + "targetValue"), literal(str(round(baseline * rng.uniform(0.5, 1.5), 1)), datatype="decimal"))
        dataset = iri(f"{self.base}/dataset/indicators")
        trend = rng.uniform(-2, 2)
        for year in YEARS:
            obs = iri(f"{self.base}/observation/{ind_id}/{year}/T")
            value = round(max(0.0, baseline + trend * (year - YEARS[0]) + rng.gauss(0, 2)), 2)
            yield q(obs, iri(RDF_TYPE), iri(SSG + "Observation"))
            yield q(obs, iri(QB + "dataSet"), dataset)
            yield q(obs, iri(SSG + "indicator"), ind)
            yield q(obs, iri(SSG + "refPeriod"), literal(str(year), datatype="gYear"))
            yield q(obs, iri(SSG + "gender"), iri(f"{REF}ss854000/gender-T"))
            yield q(obs, iri(SSG + "value"), literal(f"{value}", datatype="decimal"))


def organisation_quads(org: Organisation, seed: int) -> Iterator[str]:
    """Current version of the goal structure, and for one in eight an earlier version."""
    rng = random.Random(f"{seed}/{org.code}")
    size = goal_count(rng, org)
    versions = [("mal-och-budget-2024", size, True)]
    if rng.random() < 0.125:
        versions.append(("mal-och-budget-2020", max(30, size // 2), False))
    catalog = iri(GRAPH + "catalog")
    dataset = iri(f"{ID}org/{org.code}/dataset/indicators")
    for slug, goals, current in versions:
        writer = OrganisationWriter(org, slug, random.Random(f"{seed}/{org.code}/{slug}"), goals)
        yield writer.quad(dataset, iri(RDF_TYPE), iri(SSG + "IndicatorDataSet"))
        yield writer.quad(dataset, iri(QB + "structure"), iri(SSG + "indicatorStructure"))
        yield from writer.quads()
        version = iri(f"{ID}org/{org.code}/version/{slug}")
        year = slug.rsplit("-", 1)[1]
        yield f"{version} <{RDF_TYPE}> <{SSG}GoalStructureVersion> {catalog} .\n"
        yield f"{version} <{SSG}versionOf> <{ID}org/{org.code}> {catalog} .\n"
        yield f"{version} <{RDFS_LABEL}> {literal(f'Mål och budget {year}', 'sv')} {catalog} .\n"
        yield f"{version} <{SSG}graph> {writer.graph} {catalog} .\n"
        yield f"{version} <{SSG}isCurrentVersion> {literal('true' if current else 'false', datatype='boolean')} {catalog} .\n"
        yield f"{version} <{PROV}generatedAtTime> {literal(f'{year}-01-15T09:00:00Z', datatype='dateTime')} {catalog} .\n"


def dataset_quads(orgs: list[Organisation], seed: int) -> Iterator[str]:
    yield from reference_quads(orgs)
    for org in orgs:
        yield from organisation_quads(org, seed)


def generate(out: Path, municipalities: int | None = None, seed: int = 1) -> int:
    """Write the dataset to ``out`` (gzipped when it ends in .gz); returns the number of quads."""
    orgs = select_organisations(organisations_from_reference(ORGANISATIONS_FILE) or fallback_organisations(),
                                municipalities)
    opener = gzip.open if out.suffix == ".gz" else open
    count = 0
    # compresslevel 1: the file is read back at once, speed matters more than size
    kwargs = {"compresslevel": 1} if out.suffix == ".gz" else {}
    with opener(out, "wt", encoding="utf-8", **kwargs) as handle:
        batch: list[str] = []
        for line in dataset_quads(orgs, seed):
            batch.append(line)
            if len(batch) >= 50_000:
                handle.write("".join(batch))
                count += len(batch)
                batch.clear()
        handle.write("".join(batch))
        count += len(batch)
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output file (.nq or .nq.gz)")
    parser.add_argument("--municipalities", type=int, default=None,
                        help="number of municipalities (default: all 290 and the 21 regions)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    count = generate(args.out, args.municipalities, args.seed)
    print(f"{count} quads written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
