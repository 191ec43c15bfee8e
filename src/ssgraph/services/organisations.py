"""The organisations whose goal structures are in the store, as people pick them: by name."""

from __future__ import annotations

from dataclasses import dataclass

from ssgraph import versions
from ssgraph.analysis.versions import StructureVersion, as_structures, rows, structure_versions
from ssgraph.errors import InputError, problem

UNKNOWN_ORGANISATION = "analysis.unknown_organisation"


@dataclass(frozen=True)
class Organisation:
    code: str
    label: str  # the organisation's name (the code when the data has none)
    iri: str
    graph: str  # the current goal-structure graph
    version: str  # the current version's label, e.g. "Mål och budget 2024"
    illustrative: bool  # example data, not an official statement of the organisation

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _version_details(store) -> dict[str, tuple[str, bool]]:
    """Graph → (version label, illustrative) from the version catalogue."""
    found: dict[str, tuple[str, bool]] = {}
    for row in rows(store, """
SELECT ?graph ?label ?illustrative WHERE {
  ?v ssg:graph ?graph .
  OPTIONAL { ?v rdfs:label ?label }
  OPTIONAL { ?v ssg:isIllustrative ?illustrative }
}"""):
        flag = row.get("illustrative", "").lower() in ("true", "1")
        label, was = found.get(row["graph"], ("", False))
        found[row["graph"]] = (label or row.get("label", ""), was or flag)
    return found


_listed: dict[str, list[Organisation]] = {}  # the store's state key → its organisations (the last one only)


def organisations(store) -> list[Organisation]:
    """Every organisation with a current goal structure, sorted by name.

    Read once per state of the store when the store says what state it is in (``state_key``,
    which changes with every write; a remote store has none): every page asks for the list.
    """
    key = store.state_key() if hasattr(store, "state_key") else "remote"
    if key == "remote":
        return _read_organisations(store)
    found = _listed.get(key)
    if found is None:
        found = _read_organisations(store)
        _listed.clear()
        _listed[key] = found
    return list(found)


def _read_organisations(store) -> list[Organisation]:
    details = _version_details(store)
    found = {}
    for version in structure_versions(store):
        label, illustrative = details.get(version.graph, ("", False))
        found[version.code] = Organisation(version.code, version.label or version.code, version.org_iri,
                                           version.graph, label, illustrative)
    return sorted(found.values(), key=lambda o: (o.label.casefold(), o.code))


@dataclass(frozen=True)
class Structure:
    """One version of one organisation's goal structure, as a command names it (``ORG@VERSION``,
    or ``ORG`` for the current version)."""

    organisation: Organisation
    version: versions.Version

    @property
    def code(self) -> str:
        return self.organisation.code

    @property
    def key(self) -> str:
        return self.version.key

    @property
    def illustrative(self) -> bool:
        return self.version.illustrative

    def analysed(self, store) -> list[StructureVersion]:
        """What the goal graph is built from: exactly this version."""
        return as_structures(store, [self.version])


def resolve_structure(store, text: str, known: list[Organisation] | None = None,
                      all_versions: list[versions.Version] | None = None) -> Structure:
    """``ORG@VERSION`` (by label, slug, year or a unique part of the label) or ``ORG`` (its
    current version); ORG by code, IRI or name as in :func:`resolve_organisation`."""
    org_text, version_text = versions.split_org_version(text)
    organisation = resolve_organisation(store, org_text, known)
    version = versions.resolve(store, organisation.code, version_text, all_versions)
    return Structure(organisation, version)


def _normalised(text: str) -> str:
    """A municipality code that lost its leading zero ("480") is unambiguous; a one- or two-digit
    code is never padded into another organisation's code ("18" is not Region Örebro län 0018)."""
    text = text.strip()
    return text.zfill(4) if text.isdigit() and len(text) == 3 else text


def resolve_organisation(store, text: str, known: list[Organisation] | None = None) -> Organisation:
    """An organisation by code ("0480", "480"), IRI or name ("Nyköpings kommun", any case)."""
    known = known if known is not None else organisations(store)
    wanted = _normalised(text)
    for organisation in known:
        if wanted in (organisation.code, organisation.iri):
            return organisation
    folded = wanted.casefold()
    named = [o for o in known if o.label.casefold() == folded]
    if not named:  # a unique part of a name, e.g. "Nyköping"
        named = [o for o in known if folded and folded in o.label.casefold()]
    if len(named) == 1:
        return named[0]
    raise InputError(problem(UNKNOWN_ORGANISATION, code=text,
                             known=", ".join(f"{o.code} {o.label}" for o in known) or "–"))
