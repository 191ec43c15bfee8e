"""The disk cache of Kolada answers: one JSON file per URL, written atomically.

Entries do not expire; ``ssgraph kolada --refresh`` asks Kolada again and overwrites them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import platformdirs


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("ssgraph")) / "kolada"


class ResponseCache:
    """Decoded JSON bodies of successful answers, one file per URL."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, url: str) -> Path:
        return self.directory / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")

    def get(self, url: str) -> dict | None:
        path = self._path(url)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or damaged entries are simply fetched again
        if entry.get("url") != url:
            return None
        return entry.get("body")

    def put(self, url: str, body: dict) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        entry = {
            "url": url,
            "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
            "body": body,
        }
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False)
            os.replace(temporary, self._path(url))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
