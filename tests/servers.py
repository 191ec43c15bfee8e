"""Running a real `ssgraph serve` on 127.0.0.1 for tests that need a live server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests


def installed_tool(name: str) -> Path:
    """A command installed with the running interpreter (the virtual environment's scripts
    folder), never whatever happens to be first on PATH."""
    path = Path(sysconfig.get_path("scripts")) / name
    if not path.exists():
        pytest.fail(f"the '{name}' command is not installed in {path.parent}: "
                    "install the test extra (pip install -e '.[test]')")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies (Linux), so a killed
    test run leaves no server behind."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def running_ssgraph(store_dir: Path, *serve_args: str, stderr=None, **env_settings: str) -> Iterator[str]:
    """`ssgraph serve --no-init` on a free port; yields its base URL and stops it afterwards.
    ``stderr``: a file for the server's log (discarded by default)."""
    port = free_port()
    env = dict(os.environ, **env_settings)
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--store", str(store_dir), "serve", "--port", str(port),
         "--no-init", *serve_args],
        env=env, stdout=subprocess.DEVNULL, stderr=stderr or subprocess.DEVNULL, preexec_fn=die_with_parent,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(base + "sparql", timeout=10)
            break
        except requests.RequestException:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("ssgraph serve did not start")
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
