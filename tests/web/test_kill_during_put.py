"""kill -9 of the whole service (server and its processes) at random moments during Graph
Store PUTs: the graph is afterwards exactly the old one or exactly the new one, never empty,
never half."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
import requests
from servers import die_with_parent, free_port

from ssgraph.store import open_store

TOKEN = "kill-token-5a0c"
GRAPH = "http://example.org/big"
ROUNDS = 5


def body(tag: str, size: int) -> str:
    return "".join(f'<http://example.org/{tag}/{i}> <http://example.org/p> "{tag} {i}" .\n' for i in range(size))


def start(store_dir, port: int) -> subprocess.Popen:
    env = dict(os.environ, SSGRAPH_UPDATE_TOKEN=TOKEN, SSGRAPH_MAX_REQUEST_BYTES="100000000")
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--store", str(store_dir), "serve", "--port", str(port), "--no-init",
         "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=die_with_parent,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/sparql", timeout=5)
            return process
        except requests.RequestException:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("ssgraph serve did not start")


def put(port: int, data: str) -> bool:
    try:
        response = requests.put(
            f"http://127.0.0.1:{port}/graphs", params={"graph": GRAPH}, data=data.encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}, timeout=120)
    except requests.RequestException:
        return False  # the server was killed under it
    assert response.status_code in (201, 204), response.text
    return True


def put_until_killed(port: int, first: str, second: str) -> None:
    """PUT the two versions in turn, back to back, until the server is gone."""
    while put(port, first) and put(port, second):
        pass


def contents(store_dir) -> tuple[int, set[str]]:
    """Triples in the graph and which versions ("old", "new") they come from."""
    with open_store(store_dir) as store:
        rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    return len(rows), {str(r["o"]).split()[0] for r in rows}


@pytest.mark.slow
def test_kill_9_during_puts_leaves_the_old_or_the_new_graph(tmp_path, web_store_dir):
    store_dir = tmp_path / "store"
    shutil.copytree(web_store_dir, store_dir)
    versions = {"old": body("old", 40_000), "new": body("new", 60_000)}
    port = free_port()
    process = start(store_dir, port)
    assert put(port, versions["old"])
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert contents(store_dir) == (40_000, {"old"})
    random.seed(12)
    outcomes = []
    for round_number in range(ROUNDS):
        process = start(store_dir, port)
        order = ("new", "old") if round_number % 2 == 0 else ("old", "new")
        writer = threading.Thread(target=put_until_killed, args=(port, *(versions[v] for v in order)))
        writer.start()
        time.sleep(random.uniform(0.8, 3.5))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        writer.join()
        outcomes.append(contents(store_dir))
        assert outcomes[-1] in ((40_000, {"old"}), (60_000, {"new"})), outcomes
