"""Every request has an id, an access-log line and, when it fails, an error-log entry; the
log is text or JSON lines (--log-format json), from a real `ssgraph serve`."""

from __future__ import annotations

import json
import logging

import requests
from servers import running_ssgraph


def test_request_ids_and_access_lines_in_the_app(client, caplog):
    logger = logging.getLogger("ssgraph")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="ssgraph"):
            response = client.get("/queries", headers={"Accept": "application/json", "X-Request-Id": "abc-123"})
            other = client.get("/id/org/0480/goal/NOPE", headers={"Accept": "text/turtle"})
    finally:
        logger.removeHandler(caplog.handler)
    assert response.headers["X-Request-Id"] == "abc-123"
    assert len(other.headers["X-Request-Id"]) == 16  # made when the client gives none
    access = [r for r in caplog.records if r.name == "ssgraph.access"]
    assert [(r.request_id, r.status) for r in access] == [("abc-123", 200), (other.headers["X-Request-Id"], 404)]
    assert access[0].path == "/queries" and access[0].duration_ms >= 0


def test_a_live_server_logs_json_lines(web_store_dir, tmp_path):
    log_file = tmp_path / "server.log"
    with open(log_file, "w") as log, running_ssgraph(web_store_dir, "--log-format", "json", "--workers", "1",
                                                      stderr=log) as base:
        answered = requests.get(base + "queries", headers={"Accept": "application/json"}, timeout=30)
        assert answered.status_code == 200
        request_id = answered.headers["X-Request-Id"]
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.startswith("{")]
    mine = [line for line in lines if line.get("request_id") == request_id]
    assert mine and mine[0]["logger"] == "ssgraph.access" and mine[0]["status"] == 200
    assert mine[0]["path"] == "/queries" and mine[0]["level"] == "info" and "time" in mine[0]
