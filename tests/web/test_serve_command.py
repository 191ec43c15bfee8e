"""`ssgraph serve`: settings help, and a first start that fills an empty store."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import requests
from click.testing import CliRunner

from ssgraph.cli import cli
from ssgraph.settings import SETTINGS


def test_help_settings_lists_every_setting():
    result = CliRunner().invoke(cli, ["serve", "--help-settings"])
    assert result.exit_code == 0
    for setting in SETTINGS:
        assert setting.env_var in result.output


def test_serve_fills_an_empty_store_and_prints_its_address(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, SSGRAPH_DUMP_CACHE_DIR=str(tmp_path / "dumps"))
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--lang", "en", "--store", str(tmp_path / "store"), "serve",
         "--port", str(port), "--workers", "1", "--server", "waitress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        address = process.stdout.readline() + process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in address
        deadline = time.monotonic() + 60
        while True:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/sparql", timeout=5, params={
                    "query": "ASK { GRAPH <https://w3id.org/ssgraph/graph/ontology> { ?s ?p ?o } }"})
                break
            except requests.RequestException:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        assert json.loads(response.text)["boolean"] is True
    finally:
        process.terminate()
        process.wait(timeout=15)
