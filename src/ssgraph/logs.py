"""Logging for the CLI and the web service: stdlib ``logging``, as text for people or as JSON
lines for log collectors (``--log-format json`` / ``SSGRAPH_LOG_FORMAT``).

Loggers: ``ssgraph.access`` (one line per HTTP request), ``ssgraph.error`` (failures, with
their traceback), and the module loggers under ``ssgraph``. Fields given as ``extra`` (the
request id, method, path, status, duration …) appear in both formats.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys

FORMATS = ("text", "json")
LEVELS = ("debug", "info", "warning", "error")
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}
HANDLER_NAME = "ssgraph"


def extra_fields(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in vars(record).items() if k not in STANDARD_ATTRIBUTES and not k.startswith("_")}


_second: tuple[int, str] = (-1, "")  # the last second formatted: every record of that second reuses it


def _time(record: logging.LogRecord) -> str:
    """``2026-12-04T18:45:23.689Z`` (UTC, milliseconds)."""
    global _second
    second, text = _second
    if int(record.created) != second:
        second = int(record.created)
        text = dt.datetime.fromtimestamp(second, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
        _second = (second, text)
    return f"{text}.{int(record.msecs):03d}Z"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and every extra field."""

    def format(self, record: logging.LogRecord) -> str:
        document: dict[str, object] = {"time": _time(record), "level": record.levelname.lower(),
                                       "logger": record.name, "message": record.getMessage()}
        document.update(extra_fields(record))
        if record.exc_info:
            document["exception"] = self.formatException(record.exc_info)
        return json.dumps(document, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """``time LEVEL logger [request id] message key=value …`` on one line (tracebacks below)."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", None)
        line = f"{_time(record)} {record.levelname:<7} {record.name}"
        if request_id:
            line += f" [{request_id}]"
        line += f" {record.getMessage()}"
        if record.name != "ssgraph.access":  # an access line says it all in its message
            fields = extra_fields(record)
            fields.pop("request_id", None)
            if fields:
                line += " " + " ".join(f"{k}={v}" for k, v in fields.items())
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure(log_format: str = "text", level: str = "info", stream=None) -> None:
    """Send ssgraph's log records to ``stream`` (stderr) in ``log_format``; idempotent."""
    logger = logging.getLogger("ssgraph")
    for handler in [h for h in logger.handlers if h.get_name() == HANDLER_NAME]:
        logger.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    logger.addHandler(handler)
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
    logger.propagate = False
