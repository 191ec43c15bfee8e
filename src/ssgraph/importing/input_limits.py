"""What a file must be before its cells are read: text in a known encoding, YAML of bounded
size and depth without repeated keys, cells without control characters.

Each check gives a located problem (file, line and column, or sheet, row and column) in
place of the crash, the memory blow-up or the silent loss the raw readers would give:

- **Encoding.** UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. A
  CSV file in another encoding is read as Windows-1252 (what Excel on Swedish Windows
  writes) with a warning naming it; a YAML file must be UTF-8, and the error names the
  encoding it looks like and the place of the first byte that is not UTF-8.
- **YAML size.** The event stream is scanned before anything is built: nesting deeper
  than ``MAX_DEPTH`` and aliases that would expand the document beyond
  ``MAX_EXPANDED_NODES`` nodes (the "billion laughs") are refused where they start.
- **Repeated keys.** A mapping that names a key twice (two ``goals:`` lists) is refused at
  the second one; YAML loaders otherwise keep only the last.
- **Characters.** Control characters (other than tab and line breaks), lone surrogates
  and the non-characters U+FFFE/U+FFFF cannot be written in XML, so SPARQL results
  holding them would be ill-formed; they are refused with their position in the cell.
"""

from __future__ import annotations

import codecs
import re

import yaml

from ssgraph.errors import InputError, Location, Problem

NOT_UTF8 = "import.not_utf8"
READ_AS_ENCODING = "import.read_as_encoding"
YAML_TOO_DEEP = "import.yaml_too_deep"
YAML_TOO_LARGE = "import.yaml_aliases_too_large"
YAML_DUPLICATE_KEY = "import.yaml_duplicate_key"
CONTROL_CHARACTER = "import.control_character"
NUMBER_OUT_OF_RANGE = "import.number_out_of_range"

MAX_DEPTH = 40
MAX_EXPANDED_NODES = 200_000
MAX_NUMBER_LENGTH = 300  # digits; longer plain integers would make the YAML loader fail
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _likely_encoding(data: bytes) -> str:
    """A guess for text that is not UTF-8: Windows-1252 unless it uses its undefined bytes."""
    try:
        data.decode("cp1252")
        return "Windows-1252"
    except UnicodeDecodeError:
        return "ISO-8859-1"


def decode_text(data: bytes, file: str, guess: bool) -> tuple[str, Problem | None]:
    """The text of a file and, when its encoding had to be guessed, a warning naming it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        encoding = _likely_encoding(data)
        line, column = _position(data, error.start)
        if not guess:
            raise InputError(Problem(NOT_UTF8, Location(file=file, line=line, column=column),
                                     {"encoding": encoding, "byte": f"0x{data[error.start]:02X}"})) from None
        codec = "cp1252" if encoding == "Windows-1252" else "latin-1"
        warning = Problem(READ_AS_ENCODING, Location(file=file, line=line, column=column),
                          {"encoding": encoding}, severity="warning")
        return data.decode(codec), warning


class _Expansion:
    """Counts the nodes a YAML document would have once its aliases are expanded."""

    def __init__(self, file: str):
        self.file = file
        self.depth = 0
        self.expanded = 0
        self.open_nodes: list[list] = []  # [anchor, nodes inside] of the collections being read
        self.sizes: dict[str, int] = {}

    def add(self, count: int, mark) -> None:
        self.expanded += count
        if self.expanded > MAX_EXPANDED_NODES:
            raise InputError(Problem(YAML_TOO_LARGE, _mark_location(self.file, mark), {"limit": MAX_EXPANDED_NODES}))
        if self.open_nodes:
            self.open_nodes[-1][1] += count

    def start(self, event: yaml.CollectionStartEvent) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InputError(Problem(YAML_TOO_DEEP, _mark_location(self.file, event.start_mark), {"limit": MAX_DEPTH}))
        self.add(1, event.start_mark)
        self.open_nodes.append([event.anchor, 0])

    def end(self) -> None:
        self.depth -= 1
        anchor, inside = self.open_nodes.pop()
        if anchor:
            self.sizes[anchor] = inside + 1
        if self.open_nodes:
            self.open_nodes[-1][1] += inside

    def leaf(self, event: yaml.ScalarEvent | yaml.AliasEvent) -> None:
        if isinstance(event, yaml.AliasEvent):
            self.add(self.sizes.get(event.anchor, 1), event.start_mark)
            return
        if event.anchor:
            self.sizes[event.anchor] = 1
        if event.implicit[0] and len(event.value) > MAX_NUMBER_LENGTH and event.value.lstrip("+-").isdigit():
            raise InputError(Problem(NUMBER_OUT_OF_RANGE, _mark_location(self.file, event.start_mark),
                                     {"value": event.value[:20] + "…", "limit": "10^15"}))
        self.add(1, event.start_mark)


def check_yaml_size(text: str, file: str) -> None:
    """Refuse deep nesting and alias expansion before the document is built."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:  # libyaml: the same events, ten times faster; what it refuses is read again
        try:
            _count_events(text, file, fast)
            return
        except yaml.YAMLError:
            pass
    try:
        _count_events(text, file, yaml.SafeLoader)
    except yaml.YAMLError:
        return  # the loader reports the syntax error with its position


def _count_events(text: str, file: str, loader) -> None:
    counter = _Expansion(file)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            counter.start(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            counter.end()
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            counter.leaf(event)


def _mark_location(file: str, mark) -> Location:
    return Location(file=file, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)


def refuse_repeated_keys(node: yaml.MappingNode, file: str) -> None:
    """Called by the loader for every mapping: a key named twice is an error at its second place."""
    seen: set[str] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        if key_node.value in seen:
            raise InputError(Problem(YAML_DUPLICATE_KEY, _mark_location(file, key_node.start_mark),
                                     {"key": key_node.value}))
        seen.add(key_node.value)


def character_problem(text: str) -> dict[str, object] | None:
    """The first character that cannot stand in a cell (its code point and 1-based position)."""
    found = _NOT_TEXT.search(text)
    if found is None:
        return None
    return {"character": f"U+{ord(found.group()):04X}", "position": found.start() + 1}
