"""A lexical scan of SPARQL text: what is code and what is inside strings, IRIs and comments.

Two things need it: binding (a ``$name`` placeholder is replaced only where it is code) and
the federation check's fast path (a query whose code never says SERVICE, LOAD or DEFINE
needs no full parse). The scan is deliberately conservative: a quote that does not open a
well-formed string makes :func:`code_words` report the text as suspicious, so a text is
never waved through because this scanner read it differently from the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""(?P<skip>
          \\.                                         # an escaped character (PN_LOCAL_ESC)
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"         # long strings
        | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\n\r]|\\.)*"                       # short strings
        | '(?:[^'\\\n\r]|\\.)*'
        | <[^<>"{}|^`\\\x00-\x20]*>                   # IRIs
        | \#[^\n\r]*                                  # comments
        )
      | (?P<quote>["'])
      | (?P<placeholder>\$[A-Za-z_][A-Za-z0-9_]*)
      | (?P<variable>\?[A-Za-z0-9_]+)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.S | re.X,
)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    r"""``\uXXXX`` and ``\UXXXXXXXX`` written out (SPARQL 1.1 §19.2 allows them anywhere)."""
    def replace(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:  # beyond U+10FFFF: leave it for the parser to refuse
            return match.group(0)

    return _UNICODE_ESCAPE.sub(replace, text)


def scan(text: str) -> Iterator[re.Match[str]]:
    """The tokens of interest: strings/IRIs/comments (``skip``), stray quotes, ``$name``
    placeholders, ``?variables`` and bare words."""
    return _TOKEN.finditer(text)


def code_words(text: str) -> set[str]:
    """The upper-cased bare words of ``text`` outside strings, IRIs and comments, after
    codepoint escapes are written out; ``"'"`` is in the set when a quote opens no
    well-formed string (the text may not be read as this scanner reads it)."""
    words: set[str] = set()
    for match in scan(unescape_codepoints(text)):
        if match.lastgroup == "word":
            words.add(match.group().upper())
        elif match.lastgroup == "quote":
            words.add("'")
    return words


def ends_with_separator(text: str) -> bool:
    """Whether the code of an update text ends with ';' (outside strings, IRIs and comments)."""
    code = _TOKEN.sub(lambda m: " " if m.lastgroup == "skip" else m.group(), text)
    return code.rstrip().endswith(";")


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these keywords in the code of a query."""
    for match in scan(text):
        if match.lastgroup == "word" and match.group().upper() in QUERY_FORMS:
            return match.group().upper()
    return None


def named_graph_iris(text: str) -> set[str]:
    """The IRIs written right after the keyword GRAPH (``GRAPH <iri> { … }``)."""
    found: set[str] = set()
    after_graph = False
    for match in scan(text):
        token = match.group()
        if after_graph and match.lastgroup == "skip" and token.startswith("<"):
            found.add(token[1:-1])
        after_graph = match.lastgroup == "word" and token.upper() == "GRAPH"
    return found


_GRAPH_DROP = re.compile(
    r"""(?:\s|\#[^\n\r]*)*DROP\s+(SILENT\s+)?GRAPH\s*<([^<>"{}|^`\\\x00-\x20]*)>(?:\s|\#[^\n\r]*)*(?:;|$)""",
    re.IGNORECASE)
_REST = re.compile(r"(?:\s|\#[^\n\r]*)*")


def graph_drops(text: str) -> list[tuple[str, bool]] | None:
    """The graphs of an update text that only drops named graphs by full IRI (``DROP [SILENT]
    GRAPH <iri> ; …``) as (IRI, silent); None for any other text."""
    drops: list[tuple[str, bool]] = []
    position = 0
    while True:
        match = _GRAPH_DROP.match(text, position)
        if match is None:
            return None
        drops.append((match.group(2), bool(match.group(1))))
        position = match.end()
        if _REST.fullmatch(text, position):
            return drops
