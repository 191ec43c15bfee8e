"""Literals as people read them: ``2024`` rather than ``2024 xsd:gYear``, ``ja`` for true,
``3,8`` for a Swedish decimal; the datatype stays available as a tooltip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

from ssgraph import catalogue

INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger,
                 XSD.nonPositiveInteger, XSD.negativeInteger, XSD.unsignedInt, XSD.unsignedLong}
DECIMAL_TYPES = {XSD.decimal, XSD.double, XSD.float}


@dataclass(frozen=True)
class Shown:
    text: str
    datatype: str | None = None  # prefixed datatype, for the tooltip
    lang: str | None = None  # the literal's language tag


def _number(text: str, lang: str, integer: bool) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    grouped = abs(value) >= 10000  # 2024 and 1500 read best without a separator
    if integer or value == value.to_integral_value() and "." not in text and "e" not in text.lower():
        shown = f"{int(value):,}" if grouped else str(int(value))
    else:
        shown = f"{value.normalize():,f}" if grouped else format(value.normalize(), "f")
    if catalogue.language(lang) == "sv":
        shown = shown.replace(",", "\u202f").replace(".", ",")  # 1 500,5
    return shown


def _date_time(text: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    shown = moment.strftime("%Y-%m-%d %H:%M")
    return shown + (" UTC" if moment.utcoffset() == dt.timedelta(0) else "")


def show_literal(literal: Literal, lang: str, prefixed=str) -> Shown:
    """The literal's text for a page in ``lang``; ``prefixed`` names the datatype for the tooltip."""
    text = str(literal)
    if literal.language:
        return Shown(text, None, literal.language)
    datatype = literal.datatype
    if datatype is None or datatype == XSD.string:
        return Shown(text)
    name = prefixed(str(datatype))
    if datatype == XSD.boolean:
        key = "ui.yes" if text.strip().lower() in ("true", "1") else "ui.no"
        return Shown(catalogue.text(key, lang), name)
    if datatype in INTEGER_TYPES:
        return Shown(_number(text, lang, True), name)
    if datatype in DECIMAL_TYPES:
        return Shown(_number(text, lang, False), name)
    if datatype == XSD.dateTime:
        return Shown(_date_time(text), name)
    return Shown(text, name)  # gYear, date, anyURI, …: their lexical form is how people write them
