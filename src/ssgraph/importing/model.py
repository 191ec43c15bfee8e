"""The interchange model as data: sheets, columns, types, sv/en texts and allowed values.

This one declaration drives the workbook template (``template.py``), the readers' header
matching (``readers.py``), the cell checks (``checks.py``) and the column reference in
``docs/import.md`` (``column_reference_markdown``). Change a column here and all four follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Namespace

from ssgraph.namespaces import SSG, SSGREF

STANDARD = Namespace(f"{SSGREF}ss854000/")

# column types
TEXT = "text"  # free text
ID = "id"  # a local identifier, unique within its sheet
REF = "ref"  # the id of a row in another sheet (``Column.refers_to``)
REFS = "refs"  # several ids, separated by ";"
YEAR = "year"  # a four-digit year
NUMBER = "number"  # a decimal number (comma or point)
INTEGER = "integer"  # a whole number
DATE = "date"  # YYYY-MM-DD
CHOICE = "choice"  # one value from ``Column.choices``
CHOICES = "choices"  # several values from ``Column.choices``, separated by ";"
SDG_TARGETS = "sdg-targets"  # SDG target codes such as 11.6; 3.9
ENV_OBJECTIVES = "environmental-objectives"  # numbers 0..16
HEALTH_AREAS = "public-health-areas"  # numbers 1..8
ORG_CODE = "organisation-code"  # a municipality or region code (SCB/Kolada)
KOLADA_ID = "kolada-kpi"  # a Kolada KPI id such as N00401
URL = "url"
BOOLEAN = "boolean"  # ja/nej, yes/no, true/false
BODY = "body"  # the id of a row in Bodies, or a body named in free text ("kommunfullmäktige")
SCALE = "scale"  # a value from ``Column.choices`` or the organisation's own wording of it
IRIS = "iris"  # IRIs of resources already published (e.g. the goals a merged goal comes from), ";" between

MULTI_VALUED = {REFS, CHOICES, SDG_TARGETS, ENV_OBJECTIVES, HEALTH_AREAS, IRIS}
SEPARATOR = ";"


@dataclass(frozen=True)
class Choice:
    """One allowed value: a slug (what RDF uses) and the words an officer may type."""

    slug: str
    sv: str
    en: str
    iri: str | None = None  # the concept or class the value maps to
    aliases: tuple[str, ...] = ()  # further words officers and documents use for it

    def spellings(self) -> set[str]:
        return {self.slug.casefold(), self.sv.casefold(), self.en.casefold(),
                *(alias.casefold() for alias in self.aliases)}

    def standard_spellings(self) -> set[str]:
        """The model's own words for the value (not the aliases)."""
        return {self.slug.casefold(), self.sv.casefold(), self.en.casefold()}


@dataclass(frozen=True)
class Column:
    key: str  # the name used in YAML and in code
    sv: str  # header in a Swedish workbook
    en: str  # header in an English workbook
    type: str
    description_sv: str
    description_en: str
    example: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    refers_to: str | None = None  # sheet key, for REF/REFS
    words: str | None = None  # a key of RECOGNISERS: reads the value from the document's wording

    @property
    def multi(self) -> bool:
        return self.type in MULTI_VALUED

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_sv

    def find_choice(self, value: str) -> Choice | None:
        wanted = value.strip().casefold()
        for choice in self.choices:
            if wanted in choice.spellings():
                return choice
        return None


@dataclass(frozen=True)
class Sheet:
    key: str
    sv: str
    en: str
    description_sv: str
    description_en: str
    columns: tuple[Column, ...] = field(default_factory=tuple)
    id_columns: tuple[str, ...] = ("id",)  # columns whose values together must be unique

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_sv


def _std(slug: str, sv: str, en: str) -> Choice:
    return Choice(slug, sv, en, str(STANDARD[slug]))


def _cls(slug: str, sv: str, en: str, cls: str) -> Choice:
    return Choice(slug, sv, en, str(SSG[cls]))


ORGANISATION_TYPES = (
    _cls("municipality", "kommun", "municipality", "Municipality"),
    _cls("region", "region", "region", "Region"),
    _cls("county-council", "landsting", "county council", "Region"),
    _cls("regional-association", "regionförbund", "regional association", "RegionalAssociation"),
    _cls("municipal-company", "kommunalt bolag", "municipal company", "MunicipalCompany"),
)
BODY_TYPES = (
    _cls("council", "fullmäktige", "council", "Council"),
    _cls("executive-board", "styrelse", "executive board", "ExecutiveBoard"),
    _cls("committee", "nämnd", "committee", "Committee"),
    _cls("administration", "förvaltning", "administration", "Administration"),
    _cls("company", "bolag", "company", "MunicipalCompany"),
)
DOCUMENT_TYPES = (
    _cls("policy", "policy", "policy", "Policy"),
    _cls("programme", "program", "programme", "Programme"),
    _cls("plan", "plan", "plan", "Plan"),
    _cls("strategy", "strategi", "strategy", "Strategy"),
    _cls("guideline", "riktlinje", "guideline", "Guideline"),
    _cls("rule", "regel", "rule", "Rule"),
    _cls("budget", "mål och budget", "budget", "Budget"),
)
DOCUMENT_KINDS = (
    _std("organising", "organiserande", "organising"),
    _std("normative", "normerande", "normative"),
    _std("activating", "aktiverande", "activating"),
    _std("regulating", "reglerande", "regulating"),
)
DOCUMENT_STATUSES = (
    _std("in-force", "gällande", "in force"),
    _std("draft", "utkast", "draft"),
    _std("repealed", "upphävd", "repealed"),
    _std("superseded", "ersatt", "superseded"),
)
VISION_KINDS = (
    Choice("vision", "vision", "vision", str(SSG.Vision)),
    Choice("value-base", "värdegrund", "value base", str(SSG.ValueBase)),
)
GOAL_LEVELS = (
    Choice("goal-area", "målområde", "goal area", str(STANDARD["level-goal-area"]),
           ("fokusområde", "strategiområde", "hållbarhetsdimension", "prioriterat område",
            "utvecklingsområde", "focus area", "strategic area")),
    Choice("overarching", "övergripande", "overarching", str(STANDARD["level-overarching"]),
           ("övergripande mål", "overarching goal")),
    Choice("committee", "nämnd", "committee", str(STANDARD["level-committee"]),
           ("nämndmål", "committee goal")),
    Choice("operational", "verksamhet", "operational", str(STANDARD["level-operational"]),
           ("verksamhetsmål", "operational goal")),
    Choice("sub-goal", "delmål", "sub-goal", str(STANDARD["level-sub-goal"]), ("undermål", "sub goal")),
)
GOAL_LEVEL_CLASSES = {
    "goal-area": SSG.GoalArea,
    "overarching": SSG.OverarchingGoal,
    "committee": SSG.CommitteeGoal,
    "operational": SSG.OperationalGoal,
    "sub-goal": SSG.SubGoal,
}
# levels whose goals, at the top of the hierarchy, lead straight to the vision
TOP_LEVELS = {"goal-area", "overarching"}
DIMENSIONS = (
    _std("economic", "ekonomisk", "economic"),
    _std("social", "social", "social"),
    _std("ecological", "ekologisk", "ecological"),
)
ASPECTS = (
    _std("ethics", "etik", "ethics"),
    _std("human-rights", "mänskliga rättigheter", "human rights"),
    _std("gender-equality", "jämställdhet", "gender equality"),
    _std("culture", "kultur", "culture"),
    _std("public-health", "folkhälsa", "public health"),
    _std("work-environment", "arbetsmiljö", "work environment"),
    _std("children-rights", "barnets rättigheter", "children's rights"),
    _std("accessibility", "tillgänglighet", "accessibility"),
    _std("biodiversity", "biologisk mångfald", "biodiversity"),
    _std("climate", "klimat", "climate"),
)
SUPPORTING_TOOLS = (
    _std("sustainable-procurement", "hållbar upphandling", "sustainable procurement"),
    _std("environmental-diploma", "miljödiplomering", "environmental diploma"),
    _std("iso-14001", "ISO 14001", "ISO 14001"),
    _std("emas", "EMAS", "EMAS"),
    _std("green-key-indicators", "gröna nyckeltal", "green key indicators"),
    _std("healthy-cities", "Healthy Cities", "Healthy Cities"),
)
DIRECTIONS = (
    Choice("increase", "öka", "increase", str(STANDARD["increase"]), ("ska öka", "ökar", "höja", "högre", "up")),
    Choice("decrease", "minska", "decrease", str(STANDARD["decrease"]),
           ("ska minska", "minskar", "sänka", "lägre", "down")),
    Choice("maintain", "bibehålla", "maintain", str(STANDARD["maintain"]),
           ("ska bibehållas", "bibehålls", "behålla", "oförändrad", "keep")),
)
TARGET_OPERATORS = (
    Choice(">", "över", "above", None, ("mer än", "more than", "högre än", "gt")),
    Choice(">=", "minst", "at least", None, ("≥", "ge")),
    Choice("<", "under", "below", None, ("mindre än", "less than", "lägre än", "lt")),
    Choice("<=", "högst", "at most", None, ("≤", "le")),
    Choice("=", "exakt", "exactly", None, ("lika med", "eq")),
)
GENDERS = (
    Choice("T", "T", "T", str(STANDARD["gender-T"])),
    Choice("K", "K", "W", str(STANDARD["gender-K"])),
    Choice("M", "M", "M", str(STANDARD["gender-M"])),
)
ACTIVITY_STATUSES = (
    _std("planned", "planerad", "planned"),
    _std("ongoing", "pågående", "ongoing"),
    _std("completed", "genomförd", "completed"),
    _std("cancelled", "avbruten", "cancelled"),
)
FULFILMENT_STATUSES = (
    Choice("fulfilled", "uppfyllt", "fulfilled", str(STANDARD["fulfilled"]),
           ("helt uppfyllt", "uppfylld", "uppnått", "grön", "green")),
    Choice("partly-fulfilled", "delvis uppfyllt", "partly fulfilled", str(STANDARD["partly-fulfilled"]),
           ("i hög grad uppfyllt", "i låg grad uppfyllt", "i viss grad uppfyllt", "gul", "yellow")),
    Choice("not-fulfilled", "ej uppfyllt", "not fulfilled", str(STANDARD["not-fulfilled"]),
           ("inte uppfyllt", "ej uppnått", "inte uppnått", "röd", "red")),
    Choice("not-assessed", "ej bedömt", "not assessed", str(STANDARD["not-assessed"]),
           ("inte bedömt", "kan ej bedömas", "grå", "grey", "gray")),
)
BOOLEAN_WORDS = {
    True: ("ja", "yes", "true", "sant", "1", "x"),
    False: ("nej", "no", "false", "falskt", "0"),
}


def _c(key, sv, en, type_, dsv, den, example="", required=False, choices=(), refers_to=None, words=None):
    return Column(key, sv, en, type_, dsv, den, example, required, tuple(choices), refers_to, words)


def _first_match(text: str, patterns: tuple[tuple[str, str], ...], choices: tuple[Choice, ...]) -> Choice | None:
    by_slug = {choice.slug: choice for choice in choices}
    folded = text.casefold()
    for slug, pattern in patterns:
        if re.search(pattern, folded):
            return by_slug[slug]
    return None


# the verbs and comparatives of a verbal target; a text naming two directions says neither
_DIRECTION_PATTERNS = (
    ("increase", r"\b(öka\w*|höj\w*|högre|fler|större)\b"),
    ("decrease", r"\b(minsk\w*|sänk\w*|lägre|färre|mindre|halver\w*)\b"),
    ("maintain", r"\b(bibehåll\w*|behåll\w*|oförändrad\w*|bevara\w*)\b"),
)
# checked in this order: "ej uppfyllt" must not be read as "uppfyllt"
_FULFILMENT_PATTERNS = (
    ("not-assessed", r"\b(ej|inte|icke)\s+bedöm|\bkan (ej|inte) bedömas|\bgrå\b|\bnot assessed\b"),
    ("not-fulfilled", r"\b(ej|inte|icke)\s+(helt\s+)?(uppfyll|uppnå)|\bröd\b|\bred\b|\bnot (fulfilled|achieved)\b"),
    ("partly-fulfilled", r"\bdelvis\b|\bi (hög|låg|viss|stor) grad\b|\btill (viss|stor) del\b|\bgul\b|\byellow\b"
                         r"|\bpartly\b|\blargely\b"),
    ("fulfilled", r"\b(helt\s+)?(uppfyll|uppnå)|\bgrön\b|\bgreen\b|\bfulfilled\b|\bachieved\b"),
)


def direction_in_words(text: str | None) -> Choice | None:
    """The direction a verbal target names (“ska öka”, “högre än …”), if it names exactly one."""
    if not text:
        return None
    folded = text.casefold()
    found = [slug for slug, pattern in _DIRECTION_PATTERNS if re.search(pattern, folded)]
    if len(found) != 1:
        return None
    return next(choice for choice in DIRECTIONS if choice.slug == found[0])


def fulfilment_in_words(text: str | None) -> Choice | None:
    """A verbal, coloured or percentage assessment on the fulfilment scale (None: not placeable)."""
    if not text:
        return None
    percent = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(%|procent)\s*", text.casefold())
    if percent:
        share = float(percent.group(1).replace(",", "."))
        slug = "fulfilled" if share >= 100 else "not-fulfilled" if share <= 0 else "partly-fulfilled"
        return next(choice for choice in FULFILMENT_STATUSES if choice.slug == slug)
    return _first_match(text, _FULFILMENT_PATTERNS, FULFILMENT_STATUSES)


RECOGNISERS = {"direction": direction_in_words, "fulfilment": fulfilment_in_words}


def recognise(column: Column, text: str) -> Choice | None:
    """The value a column's wording names, for columns that read the document's words."""
    reader = RECOGNISERS.get(column.words) if column.words else None
    return reader(text) if reader else None


def _extraction_columns() -> tuple[Column, ...]:
    """Where ``ssgraph extract`` read a row in its steering document, and how sure it is.

    The importer carries them into the graph (``prov:wasQuotedFrom`` a place in the
    document), so a goal's page names the document, page and paragraph it came from.
    """
    return (
        _c("source_page", "Källsida", "Source page", INTEGER,
           "Sidan i styrdokumentet där raden står (fylls i av ssgraph extract).",
           "The page of the steering document that states the row (filled in by ssgraph extract).", "12"),
        _c("source_place", "Källställe", "Source place", TEXT,
           "Var på sidan: stycke, eller tabell, rad och kolumn (fylls i av ssgraph extract).",
           "Where on the page: paragraph, or table, row and column (filled in by ssgraph extract).",
           "stycke 3"),
        _c("confidence", "Säkerhet", "Confidence", NUMBER,
           "Hur säker utläsningen ur dokumentet är, 0–1; granska rader med låga värden (fylls i av ssgraph extract).",
           "How certain the reading from the document is, 0–1; check rows with low values (filled in by "
           "ssgraph extract).", "0,9"),
    )


def _quoted_columns() -> tuple[Column, ...]:
    """Which public document the row is quoted from, and a free note about it."""
    return (
        _c("source", "Källa", "Source", REF,
           "Id för källan (bladet Källor): det offentliga dokument som raden är citerad ur.",
           "Id of the source (sheet Sources): the public document the row is quoted from.", "s1",
           refers_to="sources"),
        _c("note", "Anmärkning", "Note", TEXT, "Fri anmärkning om raden, t.ex. vad källan inte säger.",
           "Free note about the row, e.g. what the source does not say.", ""),
    )


ID_SV = "Er egen kortkod för raden, unik på bladet (bokstäver, siffror, punkt, - och _)."
ID_EN = "Your own short code for the row, unique in the sheet (letters, digits, dot, - and _)."

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "organisation", "Organisation", "Organisation",
        "Organisationen som strukturen gäller (en rad) och versionen som läses in.",
        "The organisation the structure belongs to (one row) and the version imported.",
        (
            _c("code", "Kod", "Code", ORG_CODE,
               "Kommunkod (SCB, fyra siffror) eller regionkod (00 + länskod). Upplösta organisationer: egen kod, se dokumentationen.",
               "Municipality code (SCB, four digits) or region code (00 + county code). Dissolved organisations: own code, see the docs.",
               "0480", required=True),
            _c("name", "Namn", "Name", TEXT, "Organisationens namn.", "The organisation's name.",
               "Nyköpings kommun", required=True),
            _c("type", "Typ", "Type", CHOICE, "Slag av organisation.", "Kind of organisation.",
               "kommun", required=True, choices=ORGANISATION_TYPES),
            _c("version", "Version", "Version", TEXT,
               "Vilken version av målstrukturen detta är: beslut och period.",
               "Which version of the goal structure this is: decision and period.",
               "Mål och budget 2024"),
            _c("dissolved", "Upplöst", "Dissolved", DATE,
               "Datum då organisationen upphörde (endast för upplösta organisationer).",
               "Date the organisation ceased to exist (dissolved organisations only).", "2014-12-31"),
            _c("successor", "Efterträdare", "Successor", ORG_CODE,
               "Kod för organisationen som tog över verksamheten.",
               "Code of the organisation that took over.", "0018"),
            _c("supporting_tools", "Stödverktyg", "Supporting tools", CHOICES,
               "Stödjande verktyg som organisationen använder (flera med ;).",
               "Supporting tools the organisation uses (several with ;).",
               "hållbar upphandling; gröna nyckeltal", choices=SUPPORTING_TOOLS),
            _c("url", "Webbadress", "URL", URL, "Organisationens webbplats.", "The organisation's website.",
               "https://www.nykoping.se"),
            _c("note", "Anmärkning", "Note", TEXT, "Fri kommentar om uppgifterna.",
               "Free comment about the data.", "Illustrativa exempeldata"),
            _c("year", "År", "Year", YEAR, "Året som versionen gäller, om det är känt.",
               "The year the version refers to, if known.", "2024"),
            _c("list_complete", "Listan komplett", "List complete", BOOLEAN,
               "nej om målförteckningen är ofullständig (t.ex. bara en del av dokumentet fanns); ett överordnat "
               "mål som inte finns i listan ger då en varning i stället för ett fel.",
               "no if the goal list is incomplete (e.g. only part of the document was available); a parent goal "
               "that is not in the list then gives a warning instead of an error.", "ja"),
            _c("illustrative", "Illustrativ", "Illustrative", BOOLEAN,
               "ja för påhittade exempeldata (inte organisationens ställningstagande); nej för verkliga uppgifter.",
               "yes for invented example data (not the organisation's statement); no for real data.", "nej"),
        ),
        id_columns=("code",),
    ),
    Sheet(
        "bodies", "Organ", "Bodies",
        "Fullmäktige, styrelse, nämnder, förvaltningar och bolag.",
        "Council, executive board, committees, administrations and companies.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "KS", required=True),
            _c("name", "Namn", "Name", TEXT, "Organets namn.", "The body's name.",
               "Kommunstyrelsen", required=True),
            _c("type", "Typ", "Type", CHOICE, "Slag av organ.", "Kind of body.", "styrelse",
               required=True, choices=BODY_TYPES),
            _c("part_of", "Del av", "Part of", REF, "Id för organet som detta hör till (t.ex. nämnden för en förvaltning).",
               "Id of the body this one belongs to (e.g. the committee of an administration).", "KS",
               refers_to="bodies"),
        ),
    ),
    Sheet(
        "documents", "Styrdokument", "Steering documents",
        "Register över styrdokument: policyer, program, planer, strategier, riktlinjer, regler, mål och budget.",
        "Register of steering documents: policies, programmes, plans, strategies, guidelines, rules, budgets.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "MB2024", required=True),
            _c("title", "Titel", "Title", TEXT, "Dokumentets titel.", "The document's title.",
               "Mål och budget 2024", required=True),
            _c("type", "Typ", "Type", CHOICE, "Slag av styrdokument, om det är känt.",
               "Type of document, if known.", "mål och budget", choices=DOCUMENT_TYPES),
            _c("kind", "Karaktär", "Kind", CHOICE, "Dokumentets karaktär enligt SS 854000.",
               "The document's kind according to SS 854000.", "aktiverande", choices=DOCUMENT_KINDS),
            _c("decided_by", "Beslutat av", "Decided by", REF, "Id för organet som beslutade (bladet Organ).",
               "Id of the deciding body (sheet Bodies).", "KF", refers_to="bodies"),
            _c("decision_date", "Beslutsdatum", "Decision date", DATE, "Datum för beslutet (ÅÅÅÅ-MM-DD).",
               "Date of the decision (YYYY-MM-DD).", "2023-11-20"),
            _c("decision_reference", "Beslutsreferens", "Decision reference", TEXT, "Paragraf och diarienummer.",
               "Minute and file number.", "KF § 123/2023"),
            _c("valid_from", "Gäller från", "Valid from", DATE, "Första dag dokumentet gäller.",
               "First day the document applies.", "2024-01-01"),
            _c("valid_until", "Gäller till", "Valid until", DATE, "Sista dag dokumentet gäller.",
               "Last day the document applies.", "2024-12-31"),
            _c("revision_date", "Revideras", "Revision date", DATE, "När dokumentet ska ses över.",
               "When the document is to be revised.", "2024-06-30"),
            _c("status", "Status", "Status", CHOICE, "Dokumentets status.", "The document's status.",
               "gällande", choices=DOCUMENT_STATUSES),
            _c("replaced_by", "Ersatt av", "Replaced by", REF, "Id för dokumentet som ersätter detta.",
               "Id of the document that replaces this one.", "MB2025", refers_to="documents"),
            _c("url", "Webbadress", "URL", URL, "Länk till dokumentet.", "Link to the document.",
               "https://www.example.se/mal-och-budget-2024.pdf"),
            _c("file", "Fil", "File", TEXT, "Filnamnet på dokumentet (utan sökväg), t.ex. det ssgraph extract läste.",
               "The document's file name (without a path), e.g. the one ssgraph extract read.",
               "mal-och-budget-2024.pdf"),
            *_extraction_columns(),
        ),
    ),
    Sheet(
        "sources", "Källor", "Sources",
        "Offentliga dokument som uppgifterna är citerade ur: webbsidor, rapporter, kopior av dokument.",
        "Public documents the data is quoted from: web pages, reports, copies of documents.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "s1", required=True),
            _c("title", "Titel", "Title", TEXT, "Dokumentets titel.", "The document's title.",
               "Inriktningsmål – Stenungsunds kommun"),
            _c("publisher", "Utgivare", "Publisher", TEXT, "Vem som ger ut dokumentet.",
               "Who publishes the document.", "Stenungsunds kommun"),
            _c("url", "Webbadress", "URL", URL, "Var dokumentet finns.", "Where the document is.",
               "https://www.stenungsund.se/inriktningsmal"),
            _c("year", "År", "Year", YEAR, "Dokumentets år.", "The document's year.", "2022"),
            _c("secondary", "Andrahandskälla", "Secondary source", BOOLEAN,
               "ja om någon annan än organisationen ger ut dokumentet (nyhetssida, parti, dokumentdelning).",
               "yes if someone other than the organisation publishes it (news site, party, document sharing).",
               "nej"),
            _c("note", "Anmärkning", "Note", TEXT, "Fri anmärkning om källan.", "Free note about the source.", ""),
        ),
    ),
    Sheet(
        "vision", "Vision", "Vision",
        "Visionen och värdegrunden (högst en rad av varje slag).",
        "The vision and the value base (at most one row of each kind).",
        (
            _c("kind", "Slag", "Kind", CHOICE, "vision eller värdegrund.", "vision or value base.", "vision",
               required=True, choices=VISION_KINDS),
            _c("text", "Text", "Text", TEXT, "Texten på svenska (tom om dokumentet bara namnger visionen).",
               "The text in Swedish (empty if the document only names the vision).",
               "Nyköping – en hållbar kommun att leva och verka i"),
            _c("text_en", "Text (engelska)", "Text (English)", TEXT, "Texten på engelska, om den finns.",
               "The text in English, if there is one.", ""),
            _c("document", "Styrdokument", "Steering document", REF, "Id för dokumentet där texten står.",
               "Id of the document that states the text.", "VISION2030", refers_to="documents"),
            _c("name", "Namn", "Name", TEXT, "Visionens namn, om den har ett (t.ex. Vision 2030).",
               "The vision's name, if it has one (e.g. Vision 2030).", "Vision 2030"),
            *_quoted_columns(),
            *_extraction_columns(),
        ),
        id_columns=("kind",),
    ),
    Sheet(
        "goals", "Mål", "Goals",
        "Målen i tre nivåer: övergripande mål, nämndmål och verksamhetsmål.",
        "The goals on three levels: overarching, committee and operational goals.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "M1.2", required=True),
            _c("parent", "Överordnat mål", "Parent goal", REF,
               "Id för målet närmast ovanför. Tomt för övergripande mål (de leder då direkt till visionen).",
               "Id of the goal directly above. Empty for overarching goals (they then lead straight to the vision).",
               "M1", refers_to="goals"),
            _c("level", "Nivå", "Level", CHOICE,
               "Målets nivå; målområde för en rubrik som grupperar mål (fokusområde, strategiområde …).",
               "The goal's level; goal area for a heading that groups goals (focus area, strategic area …).",
               "nämnd", required=True, choices=GOAL_LEVELS),
            _c("text", "Måltext", "Goal text", TEXT,
               "Målet formulerat på svenska (tom om dokumentet bara har en rubrik vars text saknas).",
               "The goal as worded in Swedish (empty if the document only has a heading whose text is missing).",
               "Andelen förnybar energi i kommunens verksamheter ska öka"),
            _c("text_en", "Måltext (engelska)", "Goal text (English)", TEXT, "Målet på engelska, om det finns.",
               "The goal in English, if there is one.", ""),
            _c("description", "Beskrivning", "Description", TEXT, "Förklaring eller bakgrund.",
               "Explanation or background.", ""),
            _c("period_start", "Period från", "Period from", YEAR, "Första år målet gäller.",
               "First year the goal applies.", "2024"),
            _c("period_end", "Period till", "Period to", YEAR, "Sista år målet gäller.", "Last year the goal applies.",
               "2027"),
            _c("dimensions", "Dimensioner", "Dimensions", CHOICES, "Hållbarhetsdimensioner (flera med ;).",
               "Sustainability dimensions (several with ;).", "ekologisk; social", choices=DIMENSIONS),
            _c("aspects", "Aspekter", "Aspects", CHOICES, "Hållbarhetsaspekter (flera med ;).",
               "Sustainability aspects (several with ;).", "klimat", choices=ASPECTS),
            _c("responsible_body", "Ansvarigt organ", "Responsible body", BODY,
               "Id för ansvarigt organ (bladet Organ), eller organets namn som det står i dokumentet.",
               "Id of the responsible body (sheet Bodies), or the body's name as the document writes it.",
               "BMN", refers_to="bodies"),
            _c("document", "Styrdokument", "Steering document", REF, "Id för dokumentet där målet står.",
               "Id of the document that states the goal.", "MB2024", refers_to="documents"),
            _c("sdg_targets", "Agenda 2030-delmål", "SDG targets", SDG_TARGETS,
               "Delmål i Agenda 2030 som målet bidrar till (flera med ;).",
               "Targets of the 2030 Agenda the goal contributes to (several with ;).", "11.6; 3.9"),
            _c("environmental_objectives", "Miljökvalitetsmål", "Environmental objectives", ENV_OBJECTIVES,
               "Nummer på de nationella miljökvalitetsmålen, 1–16 (0 = generationsmålet).",
               "Numbers of the national environmental quality objectives, 1–16 (0 = the generational goal).", "1; 2"),
            _c("public_health_areas", "Folkhälsomål", "Public health areas", HEALTH_AREAS,
               "Nummer på folkhälsopolitikens målområden, 1–8.",
               "Numbers of the target areas of public health policy, 1–8.", "1; 2"),
            _c("source_term", "Egen nivåbeteckning", "Own level term", TEXT,
               "Organisationens eget ord för nivån, som det står i dokumentet (inriktningsmål, effektmål …).",
               "The organisation's own word for the level, as the document writes it (inriktningsmål, effektmål …).",
               "inriktningsmål"),
            _c("text_complete", "Fullständig text", "Text complete", BOOLEAN,
               "nej om måltexten är avklippt i källan.", "no if the goal text is cut off in the source.", "ja"),
            _c("sdg_statement", "Koppling till Agenda 2030 (citat)", "SDG link (quote)", TEXT,
               "Dokumentets egen mening om målets koppling till Agenda 2030, ordagrant.",
               "The document's own sentence on the goal's link to the 2030 Agenda, verbatim.",
               "Målen utgår från Agenda 2030"),
            _c("environmental_objectives_statement", "Koppling till miljömål (citat)",
               "Environmental objectives link (quote)", TEXT,
               "Dokumentets egen formulering av kopplingen till miljökvalitetsmålen, ordagrant.",
               "The document's own wording of the link to the environmental objectives, verbatim.",
               "BEGRÄNSAD KLIMATPÅVERKAN (MILJÖMÅL 1)"),
            _c("derived_from", "Härlett ur", "Derived from", IRIS,
               "IRI för målet eller målen som detta mål kommer ur, t.ex. två mål som slogs samman vid en "
               "harmonisering (flera med ;). Blir prov:wasDerivedFrom.",
               "IRI of the goal(s) this goal comes from, e.g. two goals merged in a harmonisation (several "
               "with ;). Becomes prov:wasDerivedFrom.",
               "https://w3id.org/ssgraph/id/org/LL18/goal/LL-1"),
            *_quoted_columns(),
            *_extraction_columns(),
        ),
    ),
    Sheet(
        "indicators", "Indikatorer", "Indicators",
        "Indikatorer (nyckeltal) som mäter målen.", "Indicators (key figures) that measure the goals.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "I1", required=True),
            _c("goal", "Mål", "Goal", REFS, "Id för målet eller målen som indikatorn mäter.",
               "Id of the goal(s) the indicator measures.", "M1.2", refers_to="goals"),
            _c("name", "Namn", "Name", TEXT, "Indikatorns namn.", "The indicator's name.",
               "Andel förnybar energi, %", required=True),
            _c("unit", "Enhet", "Unit", TEXT, "Enhet för värdena.", "Unit of the values.", "%"),
            _c("direction", "Önskad riktning", "Desired direction", CHOICE,
               "Om värdet ska öka, minska eller bibehållas (”ska öka” går bra). Tom: läses ut ur målformuleringen "
               "när den är entydig.",
               "Whether the value should increase, decrease or be maintained (“ska öka” is fine). Empty: read from "
               "the target statement when it is unambiguous.", "öka", choices=DIRECTIONS, words="direction"),
            _c("kolada_kpi", "Kolada-id", "Kolada id", KOLADA_ID, "Nyckeltalets id i Kolada, om det finns.",
               "The KPI id in Kolada, if any.", "N00401"),
            _c("baseline_year", "Basår", "Baseline year", YEAR, "År för utgångsvärdet.", "Year of the baseline.", "2019"),
            _c("baseline_value", "Basvärde", "Baseline value", NUMBER, "Utgångsvärdet.", "The baseline value.", "42,5"),
            _c("target_year", "Målår", "Target year", YEAR, "År då målvärdet ska nås.", "Year the target is due.", "2030"),
            _c("target_value", "Målvärde", "Target value", NUMBER, "Värdet som ska nås.", "The value to reach.", "60"),
            _c("sdg_targets", "Agenda 2030-delmål", "SDG targets", SDG_TARGETS,
               "Delmål i Agenda 2030 som indikatorn följer (flera med ;).",
               "Targets of the 2030 Agenda the indicator follows (several with ;).", "7.2"),
            _c("verbatim", "Ordagrant", "Verbatim", BOOLEAN,
               "nej om namnet är en återgivning med egna ord, inte ett citat.",
               "no if the name is a rendering in other words, not a quotation.", "ja"),
            _c("group", "Grupp", "Group", TEXT, "Rubriken som indikatorn står under i dokumentet.",
               "The heading the indicator stands under in the document.", "Regional tillväxt"),
            _c("baseline_text", "Utgångsläge i ord", "Baseline statement", TEXT,
               "Utgångsläget som dokumentet uttrycker det, ordagrant.", "The baseline as the document words it, verbatim.",
               "ökning med 10 % sedan 2013"),
            _c("target_operator", "Jämförelse", "Comparison", CHOICE,
               "Hur målvärdet jämförs: över, minst, under, högst, exakt (>, >=, <, <=, =).",
               "How the target value compares: above, at least, below, at most, exactly (>, >=, <, <=, =).",
               "minst", choices=TARGET_OPERATORS),
            _c("target_unit", "Målvärdets enhet", "Target unit", TEXT,
               "Enhet för målvärdet om den skiljer sig från indikatorns (t.ex. % jämfört med 2005).",
               "Unit of the target value if it differs from the indicator's (e.g. % compared with 2005).",
               "% jämfört med 2005"),
            _c("target_text", "Målformulering", "Target statement", TEXT,
               "Målet som dokumentet uttrycker det i ord, ordagrant (t.ex. ”ska öka”).",
               "The target as the document words it, verbatim (e.g. “ska öka”).", "ska öka"),
            *_quoted_columns(),
            *_extraction_columns(),
        ),
    ),
    Sheet(
        "observations", "Utfall", "Observations",
        "Uppmätta värden per indikator och år.", "Measured values per indicator and year.",
        (
            _c("indicator", "Indikator", "Indicator", REF, "Id för indikatorn (bladet Indikatorer).",
               "Id of the indicator (sheet Indicators).", "I1", required=True, refers_to="indicators"),
            _c("period", "År", "Year", YEAR, "Året värdet gäller (tom om dokumentet inte säger det).",
               "The year of the value (empty if the document does not say).", "2023"),
            _c("value", "Värde", "Value", NUMBER, "Värdet (decimalkomma går bra).", "The value (decimal comma is fine).",
               "47,3"),
            _c("gender", "Kön", "Gender", CHOICE, "T = totalt, K = kvinnor, M = män (som i Kolada). Tomt = T.",
               "T = total, K (or W) = women, M = men (as in Kolada). Empty = T.", "T", choices=GENDERS),
            _c("text", "Utfall i ord", "Value statement", TEXT,
               "Meningen som anger utfallet, ordagrant (t.ex. ”ligger stadigt på cirka 90 %”).",
               "The sentence giving the outcome, verbatim (e.g. “steadily at about 90 %”).", ""),
            _c("approximate", "Ungefärligt", "Approximate", BOOLEAN, "ja om värdet anges som ungefärligt (”cirka”).",
               "yes if the value is given as approximate (“about”).", ""),
            _c("area", "Jämförelseområde", "Comparison area", TEXT,
               "Området ett jämförelsevärde gäller (t.ex. riket); tomt = organisationens eget.",
               "The area a comparison value refers to (e.g. the country); empty = the organisation's own.", ""),
            *_quoted_columns(),
            *_extraction_columns(),
        ),
        id_columns=("indicator", "period", "gender", "area"),
    ),
    Sheet(
        "action_plans", "Handlingsplaner", "Action plans",
        "Handlingsplaner som genomför målen.", "Action plans that implement the goals.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "HP1", required=True),
            _c("title", "Titel", "Title", TEXT, "Planens titel.", "The plan's title.", "Klimatplan 2024–2027",
               required=True),
            _c("goal", "Mål", "Goal", REFS, "Id för målet eller målen planen genomför.",
               "Id of the goal(s) the plan implements.", "M1.2", refers_to="goals"),
            _c("owner", "Ägare", "Owner", REF, "Id för ansvarigt organ.", "Id of the responsible body.", "KS",
               refers_to="bodies"),
            _c("start", "Start", "Start", DATE, "Startdatum.", "Start date.", "2024-01-01"),
            _c("end", "Slut", "End", DATE, "Slutdatum.", "End date.", "2027-12-31"),
            _c("status", "Status", "Status", CHOICE, "Planens status.", "The plan's status.", "pågående",
               choices=ACTIVITY_STATUSES),
        ),
    ),
    Sheet(
        "activities", "Aktiviteter", "Activities",
        "Aktiviteter i handlingsplanerna, med status och budget.",
        "Activities in the action plans, with status and budget.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "A1", required=True),
            _c("title", "Titel", "Title", TEXT, "Aktivitetens titel.", "The activity's title.",
               "Solceller på kommunens skolor", required=True),
            _c("action_plan", "Handlingsplan", "Action plan", REF, "Id för handlingsplanen.", "Id of the action plan.",
               "HP1", refers_to="action_plans"),
            _c("goal", "Mål", "Goal", REFS, "Id för målet eller målen aktiviteten bidrar till.",
               "Id of the goal(s) the activity contributes to.", "M1.2", refers_to="goals"),
            _c("owner", "Ägare", "Owner", REF, "Id för ansvarigt organ.", "Id of the responsible body.", "TSN",
               refers_to="bodies"),
            _c("start", "Start", "Start", DATE, "Startdatum.", "Start date.", "2024-03-01"),
            _c("end", "Slut", "End", DATE, "Slutdatum.", "End date.", "2025-06-30"),
            _c("status", "Status", "Status", CHOICE, "Aktivitetens status.", "The activity's status.", "planerad",
               choices=ACTIVITY_STATUSES),
            _c("budget", "Budget (kr)", "Budget (SEK)", NUMBER, "Budget i kronor.", "Budget in Swedish kronor.",
               "1500000"),
        ),
    ),
    Sheet(
        "stakeholders", "Intressenter", "Stakeholders",
        "Intressenter som organisationen för dialog med.", "Stakeholders the organisation holds dialogue with.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "S1", required=True),
            _c("name", "Namn", "Name", TEXT, "Intressentens namn.", "The stakeholder's name.",
               "Unga i Ale", required=True),
            _c("category", "Kategori", "Category", TEXT, "Slag av intressent, fritt formulerat.",
               "Kind of stakeholder, free text.", "civilsamhälle"),
            _c("organisation_code", "Organisationskod", "Organisation code", ORG_CODE,
               "Kommun- eller regionkod, om intressenten är en kommun eller region.",
               "Municipality or region code, if the stakeholder is one.", "1440"),
        ),
    ),
    Sheet(
        "dialogues", "Dialoger", "Dialogues",
        "Samråd och dialoger med intressenter.", "Consultations and dialogues with stakeholders.",
        (
            _c("id", "Id", "Id", ID, ID_SV, ID_EN, "D1", required=True),
            _c("title", "Titel", "Title", TEXT, "Dialogens titel.", "The dialogue's title.",
               "Medborgardialog om trygghet", required=True),
            _c("date", "Datum", "Date", DATE, "Datum (ÅÅÅÅ-MM-DD).", "Date (YYYY-MM-DD).", "2023-04-12"),
            _c("participants", "Deltagare", "Participants", REFS, "Id för deltagande intressenter (flera med ;).",
               "Ids of the participating stakeholders (several with ;).", "S1; S2", refers_to="stakeholders"),
            _c("planning_period", "Planeringsperiod", "Planning period", TEXT, "Perioden dialogen gäller.",
               "The period the dialogue concerns.", "2023–2026"),
            _c("description", "Beskrivning", "Description", TEXT, "Vad som kom fram.", "What came out of it.", ""),
        ),
    ),
    Sheet(
        "assessments", "Uppföljning", "Assessments",
        "Bedömning av måluppfyllelse per mål och år.", "Assessment of goal fulfilment per goal and year.",
        (
            _c("goal", "Mål", "Goal", REF, "Id för målet.", "Id of the goal.", "M1.2", required=True,
               refers_to="goals"),
            _c("period", "År", "Year", YEAR, "Året bedömningen gäller.", "The year assessed.", "2024", required=True),
            _c("status", "Måluppfyllelse", "Fulfilment", SCALE,
               "Bedömd måluppfyllelse, med organisationens egna ord (i hög grad uppfyllt, grön, 75 % …); "
               "ordalydelsen behålls och placeras på skalan när det går.",
               "Assessed fulfilment, in the organisation's own words (largely fulfilled, green, 75 % …); the "
               "wording is kept and placed on the scale where possible.",
               "delvis uppfyllt", choices=FULFILMENT_STATUSES, words="fulfilment"),
            _c("comment", "Kommentar", "Comment", TEXT, "Motivering av bedömningen.", "Reasoning for the assessment.",
               ""),
            *_quoted_columns()[:1],
        ),
        id_columns=("goal", "period"),
    ),
)

SHEETS_BY_KEY: dict[str, Sheet] = {sheet.key: sheet for sheet in SHEETS}


def sheet_for_name(name: str) -> Sheet | None:
    """The sheet a workbook tab, CSV file stem or YAML key names (key, sv or en, any case)."""
    wanted = name.strip().casefold().replace(" ", "_")
    for sheet in SHEETS:
        if wanted in {sheet.key, sheet.sv.casefold().replace(" ", "_"), sheet.en.casefold().replace(" ", "_")}:
            return sheet
    return None


def column_for_header(sheet: Sheet, header: str) -> Column | None:
    wanted = header.strip().casefold()
    for column in sheet.columns:
        if wanted in {column.key.casefold(), column.sv.casefold(), column.en.casefold()}:
            return column
    return None


TYPE_WORDS = {
    TEXT: ("text", "text"),
    ID: ("id", "id"),
    REF: ("id i annat blad", "id in another sheet"),
    REFS: ("id:n i annat blad, ; emellan", "ids in another sheet, ; between"),
    YEAR: ("årtal", "year"),
    NUMBER: ("tal", "number"),
    INTEGER: ("heltal", "whole number"),
    DATE: ("datum ÅÅÅÅ-MM-DD", "date YYYY-MM-DD"),
    CHOICE: ("värde ur lista", "value from list"),
    CHOICES: ("värden ur lista, ; emellan", "values from list, ; between"),
    SDG_TARGETS: ("delmålskoder, ; emellan", "target codes, ; between"),
    ENV_OBJECTIVES: ("nummer 0–16, ; emellan", "numbers 0–16, ; between"),
    HEALTH_AREAS: ("nummer 1–8, ; emellan", "numbers 1–8, ; between"),
    ORG_CODE: ("organisationskod", "organisation code"),
    KOLADA_ID: ("Kolada-id", "Kolada id"),
    URL: ("webbadress", "URL"),
    BOOLEAN: ("ja/nej", "yes/no"),
    BODY: ("id i bladet Organ eller organets namn", "id in the sheet Bodies or the body's name"),
    SCALE: ("värde ur lista eller egna ord", "value from list or own words"),
    IRIS: ("IRI:er, ; emellan", "IRIs, ; between"),
}


def type_words(column: Column, lang: str) -> str:
    sv, en = TYPE_WORDS[column.type]
    return en if lang == "en" else sv


def column_reference_markdown(lang: str = "en") -> str:
    """The column reference of docs/import.md (and of the CSV template's read-me), from the model.

    Both the Swedish and the English sheet and column names are shown; descriptions and
    list words are in ``lang``.
    """
    words = {
        "en": ("column (sv)", "column (en)", "key", "type", "required", "description", "example", "yes"),
        "sv": ("kolumn (sv)", "kolumn (en)", "nyckel", "typ", "krävs", "beskrivning", "exempel", "ja"),
    }["sv" if lang == "sv" else "en"]
    lines: list[str] = []
    for sheet in SHEETS:
        lines.append(f"### {sheet.sv} / {sheet.en} (`{sheet.key}`)\n")
        lines.append(f"{sheet.description(lang)}\n")
        lines.append("| " + " | ".join(words[:7]) + " |")
        lines.append("| --- " * 7 + "|")
        for column in sheet.columns:
            description = column.description(lang)
            if column.choices:
                values = ", ".join(c.sv if lang == "sv" else c.en for c in column.choices)
                description += f" ({values})"
            required = words[7] if column.required else ""
            lines.append(
                f"| {column.sv} | {column.en} | `{column.key}` | {type_words(column, lang)} | {required} "
                f"| {description} | {column.example} |"
            )
        lines.append("")
    return "\n".join(lines)
