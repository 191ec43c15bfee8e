"""A throw-away Virtuoso 7 server on 127.0.0.1 for the remote-store tests.

The server binary is found through its Debian package (virtuoso-opensource-7-bin), never by
hoping it is on PATH; without the package the tests that need it are skipped, saying so.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from servers import die_with_parent, free_port

PACKAGE = "virtuoso-opensource-7-bin"
INI = """[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort        = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers   = 10000
MaxDirtyBuffers   = 6000
ThreadsPerQuery   = 2
DirsAllowed       = .

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
ServerThreads        = 4
MaxClientConnections = 4
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 60
"""


def server_binary() -> Path | None:
    """virtuoso-t from the Debian package's file list; None when the package is absent."""
    if shutil.which("dpkg") is None:
        return None
    listing = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True)
    if listing.returncode != 0:
        return None
    for line in listing.stdout.splitlines():
        if line.endswith("/bin/virtuoso-t") and Path(line).is_file():
            return Path(line)
    return None


@contextlib.contextmanager
def running_virtuoso(directory: Path) -> Iterator[str]:
    """Virtuoso with a new database in ``directory``; yields the base URL (…/sparql is the
    query endpoint, …/sparql-auth the update endpoint with digest authentication)."""
    binary = server_binary()
    if binary is None:
        pytest.skip(f"Virtuoso 7 is not installed (Debian package {PACKAGE}, from virtuoso-opensource)")
    http_port = free_port()
    (directory / "virtuoso.ini").write_text(
        INI.format(dir=directory, sql_port=free_port(), http_port=http_port), encoding="utf-8")
    process = subprocess.Popen(
        [str(binary), "+foreground", "+configfile", str(directory / "virtuoso.ini")], cwd=directory,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log = (directory / "virtuoso.log").read_text(encoding="utf-8", errors="replace")[-2000:]
                pytest.fail(f"Virtuoso did not start:\n{log}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def store_config(base: str, path: Path) -> Path:
    """The [store] table that points ssgraph at this server (as the README shows)."""
    path.write_text(
        f'[store]\nlocation = "{base}"\nquery_endpoint = "{base}/sparql"\n'
        f'update_endpoint = "{base}/sparql-auth"\nusername = "dba"\npassword = "dba"\nauth = "digest"\n',
        encoding="utf-8")
    return path


def run_sql(directory: Path, statement: str) -> str:
    """One SQL statement run by the package's isql on the server started in ``directory``
    (its SQL port read from the virtuoso.ini written there); its output. Fails on an error."""
    import re

    listing = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True, check=True)
    isql = next(line for line in listing.stdout.splitlines() if line.endswith("/bin/isql-vt"))
    ini = (directory / "virtuoso.ini").read_text(encoding="utf-8")
    port = re.search(r"\[Parameters\]\s*ServerPort\s*=\s*127\.0\.0\.1:(\d+)", ini).group(1)
    done = subprocess.run([isql, f"127.0.0.1:{port}", "dba", "dba", f"exec={statement}"],
                          capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise AssertionError(f"isql failed on {statement!r}:\n{output[-1000:]}")
    return output
