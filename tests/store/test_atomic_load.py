"""A load lands whole or not at all, even when the process is killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from ssgraph.cli import cli
from ssgraph.store import open_store

EX = "http://example.org/"


def write_large_ntriples(path: Path, triples: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(triples):
            handle.write(f'<{EX}s{i}> <{EX}p{i % 17}> "värde {i}"@sv .\n')


def graph_counts(location: Path) -> dict[str, int]:
    with open_store(location) as store:
        return {info.iri: info.triples for info in store.graphs()}


def test_sigkill_during_load_leaves_earlier_contents(tmp_path):
    location = tmp_path / "store"
    small = tmp_path / "small.ttl"
    small.write_text(f"<{EX}a> <{EX}b> <{EX}c> .\n", encoding="utf-8")
    with open_store(location) as store:
        store.load([small], graph=EX + "before")
    before = graph_counts(location)

    large = tmp_path / "large.nt"
    write_large_ntriples(large, 1_500_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--store", str(location), "load", str(large), "--graph", EX + "big"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staged = location / "gen-000003"
    deadline = time.monotonic() + 60
    while not staged.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)  # let the bulk loader write part of the file
    assert process.poll() is None, "the load finished before it could be interrupted; use a larger file"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    assert graph_counts(location) == before
    # the interrupted generation is cleaned away, and the store takes new loads
    assert not staged.exists()
    with open_store(location) as store:
        store.load([small], graph=EX + "after")
        assert store.count(EX + "after") == 1


def test_cli_load_of_broken_file_names_position_and_keeps_counts(tmp_path):
    location = tmp_path / "store"
    good = tmp_path / "good.ttl"
    good.write_text(f"<{EX}a> <{EX}b> <{EX}c> .\n", encoding="utf-8")
    broken = tmp_path / "broken.ttl"
    broken.write_text(f"<{EX}a> <{EX}b> <{EX}c> .\n<{EX}a> <{EX}b> .\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(location), "load", str(good), "--graph", EX + "g"]).exit_code == 0
    listing = runner.invoke(cli, ["--store", str(location), "graphs"]).output

    result = runner.invoke(cli, ["--store", str(location), "--lang", "en", "load", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}, line 2, column" in result.output
    assert runner.invoke(cli, ["--store", str(location), "graphs"]).output == listing
