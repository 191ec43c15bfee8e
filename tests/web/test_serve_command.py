"""`ssgraph serve`: settings help, a first start that fills an empty store, and a port in use."""

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


def test_serve_fills_an_empty_store_prints_its_address_and_takes_writes(tmp_path):
    """The default server (granian's forked web process) on a store this command filled: a
    write once hung for ever here (the engine's threads do not survive a fork)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, SSGRAPH_DUMP_CACHE_DIR=str(tmp_path / "dumps"), SSGRAPH_UPDATE_TOKEN="serve-token")
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--lang", "en", "--store", str(tmp_path / "store"), "serve",
         "--port", str(port), "--workers", "1"],
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
        update = requests.post(
            f"http://127.0.0.1:{port}/update", timeout=60,
            data="INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }",
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer serve-token"})
        assert update.status_code == 204, update.text
        put = requests.put(
            f"http://127.0.0.1:{port}/graphs", params={"graph": "http://example.org/g"}, timeout=60,
            data='<http://example.org/a> <http://example.org/b> "2" .',
            headers={"Content-Type": "application/n-triples", "Authorization": "Bearer serve-token"})
        assert put.status_code in (201, 204), put.text
    finally:
        process.terminate()
        process.wait(timeout=15)
        process.stdout.close()


def test_a_port_in_use_is_one_clear_message_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = dict(os.environ)
        env.pop("SSGRAPH_CONFIG", None)
        result = subprocess.run(
            [sys.executable, "-m", "ssgraph", "--lang", "en", "--store", str(tmp_path / "store"), "serve",
             "--port", str(port)],
            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""  # no address is claimed
    assert result.stderr.strip() == (f"error: the address 127.0.0.1:{port} is already in use by another "
                                     "program; choose another with --port")


def test_serve_builds_the_search_index_of_a_store_from_an_earlier_version_before_it_answers(
        fixture_store_dir, tmp_path):
    """An index of another schema (an earlier ssgraph) is built again at start, with a message,
    not inside the first search's time limit (minutes for a national store)."""
    import shutil
    import sqlite3

    from ssgraph.search import maintenance
    from ssgraph.store import open_store

    store_dir = tmp_path / "store"
    shutil.copytree(fixture_store_dir, store_dir)
    with sqlite3.connect(store_dir / maintenance.INDEX_FILE) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ)
    env.pop("SSGRAPH_CONFIG", None)
    log = tmp_path / "serve.log"
    with open(log, "w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "ssgraph", "--lang", "en", "--store", str(store_dir), "serve", "--port", str(port)],
            env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    response = requests.get(f"http://127.0.0.1:{port}/api/search", params={"q": "jämställt"}, timeout=30)
                    break
                except requests.RequestException:
                    assert time.monotonic() < deadline and process.poll() is None
                    time.sleep(0.2)
            assert response.status_code == 200
            assert "https://w3id.org/ssgraph/id/org/0480/goal/G1" in response.text
            assert "Building the search index" in log.read_text()
        finally:
            process.terminate()
            process.wait(timeout=15)
    with open_store(store_dir, read_only=True) as store:
        assert maintenance.is_built(store)
