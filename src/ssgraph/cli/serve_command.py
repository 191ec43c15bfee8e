"""``ssgraph serve``: the web service behind granian (Rust HTTP, the web front of ``web.front``);
waitress (pure Python, one process) where granian cannot run."""

from __future__ import annotations

import errno
import importlib.util
import multiprocessing
import os
import socket
import sys

import click

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded
from ssgraph.errors import ConfigurationError, problem
from ssgraph.settings import describe, load_settings


def _listening_socket(host: str, port: int) -> socket.socket:
    """The bound, listening socket the WSGI server takes over, so the address is printed only
    once it is really ours, and a port in use is one clear message."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as error:
        raise ConfigurationError(problem("cli.serve_cannot_listen", host=host, port=port,
                                         reason=error.strerror or error)) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise ConfigurationError(problem("cli.serve_port_in_use", host=host, port=port)) from None
        raise ConfigurationError(problem("cli.serve_cannot_listen", host=host, port=port,
                                         reason=error.strerror or error)) from None
    return sock


def _initialise_if_empty(location: str | None, lang: str) -> None:
    """Fill an empty store in a child process: the store's engine starts background threads
    that the web processes forked from this one would lack, and a write there would wait for
    them forever."""
    if location and str(location).startswith(("http://", "https://")):
        return
    child = multiprocessing.get_context("spawn").Process(target=_initialise_child, args=(location, lang))
    child.start()
    child.join()
    if child.exitcode:
        sys.exit(child.exitcode)


def _initialise_child(location: str | None, lang: str) -> None:
    from ssgraph.errors import SsgraphError

    try:
        _fill_if_empty(location, lang)
    except SsgraphError as error:
        click.echo(f"{catalogue.text('errors.prefix', lang)}: {error.render(lang)}", err=True)
        sys.exit(error.exit_code)


def _fill_if_empty(location: str | None, lang: str) -> None:
    from ssgraph.store import open_store

    store = open_store(location)
    try:
        if store.count() == 0:
            click.echo(catalogue.text("cli.serve_initialising", lang), err=True)
            from ssgraph import setup
            from ssgraph.errors import SsgraphError

            try:
                setup.initialise(store, with_examples=True)
            except SsgraphError as error:
                # serve the reference data even when the example data cannot be loaded
                click.echo(catalogue.text("cli.serve_no_examples", lang, detail=error.render(lang)), err=True)
                setup.initialise(store, with_examples=False)
        elif store.backend == "embedded":
            # the derived summaries a store made by an earlier version lacks (once; writes keep
            # them); a remote store may not take updates from here
            from ssgraph import services
            from ssgraph.store.derived import refresh

            refresh(store, [])
            if not services.search_index_ready(store):  # built here, not in the first search's time limit
                click.echo(catalogue.text("cli.serve_indexing", lang), err=True)
                services.rebuild_index(store)
    finally:
        store.close()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=int,
              help="Web processes (each with its own query workers; see --help-settings).")
@click.option("--threads", default=8, show_default=True, type=int,
              help="Threads per web process for pages and other non-query requests.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (TOML); overrides the global --config.")
@click.option("--server", type=click.Choice(["auto", "granian", "waitress"]), default="auto",
              show_default=True, help="HTTP server: granian (default) or waitress (one process, pure Python).")
@click.option("--no-init", is_flag=True, help="Do not fill an empty store with the reference data.")
@click.option("--help-settings", is_flag=True, help="List every setting with its variable and default, then exit.")
@click.option("--log-format", type=click.Choice(["text", "json"]), default=None,
              help="Format of the access and error logs (default: the global --log-format).")
@guarded
def serve(host: str, port: int, workers: int, threads: int, config_file: str | None, server: str,
          no_init: bool, help_settings: bool, log_format: str | None) -> None:
    """Run the web service: SPARQL endpoint, query UI, linked-data pages."""
    if help_settings:
        click.echo(describe())
        return
    state = click.get_current_context().find_object(CliContext) or CliContext()
    config_file = config_file or state.config_file
    if config_file:
        os.environ["SSGRAPH_CONFIG"] = str(os.path.abspath(config_file))
    if state.store_location:
        os.environ["SSGRAPH_STORE"] = str(state.store_location)
    if log_format:
        os.environ["SSGRAPH_LOG_FORMAT"] = log_format
    settings = load_settings()  # fail early on a bad setting
    sock = _listening_socket(host, port)  # and on an address we cannot have
    if not no_init:
        _initialise_if_empty(settings["store"], state.lang)
    state.close()
    use_granian = server == "granian" or (server == "auto" and importlib.util.find_spec("granian") is not None)
    name = "granian" if use_granian else "waitress"
    os.environ["SSGRAPH_WEB_THREADS"] = str(threads)
    settings = load_settings()
    capacity = catalogue.text("cli.serve_processes", state.lang, workers=workers, threads=threads) if use_granian \
        else catalogue.text("cli.serve_threads", state.lang, threads=workers * threads)
    url = f"http://{host}:{sock.getsockname()[1]}/"
    click.echo(catalogue.text("cli.serve_address", state.lang, url=url, server=name, workers=capacity))
    sys.stdout.flush()
    if use_granian:
        _serve_granian(sock, workers, settings)
        return
    import waitress

    from ssgraph.web import create_app

    waitress.serve(create_app(), sockets=[sock], threads=max(1, workers * threads),
                   channel_timeout=max(1, int(float(settings["request_body_timeout"]))),
                   max_request_body_size=int(settings["max_request_bytes"]),
                   connection_limit=1000)


def _serve_granian(sock: socket.socket, workers: int, settings: dict) -> None:
    """granian's processes on the socket bound above (granian binds its own otherwise)."""
    from granian._granian import SocketHolder
    from granian.constants import HTTPModes, Interfaces, Loops
    from granian.http import HTTP1Settings
    from granian.server.mp import MPServer

    class OnBoundSocket(MPServer):
        def _init_shared_socket(self) -> None:
            self._ssp, self._shd, self._sfd = None, SocketHolder(sock.fileno(), False, 2048), sock.fileno()
            self._sso = sock
            sock.set_inheritable(True)

    server = OnBoundSocket(
        "ssgraph.web.front:create_front",
        address=str(sock.getsockname()[0]),
        port=int(sock.getsockname()[1]),
        interface=Interfaces.RSGI,
        # uvloop (a dependency) schedules each request in less CPU than asyncio's own loop
        loop=Loops.uvloop if importlib.util.find_spec("uvloop") else Loops.asyncio,
        http=HTTPModes.http1,
        workers=max(1, workers),
        factory=True,
        websockets=False,
        backlog=2048,
        http1_settings=HTTP1Settings(header_read_timeout=int(float(settings["request_header_timeout"]) * 1000)),
        log_access=False,
        workers_kill_timeout=10,
    )
    server.serve()


COMMANDS = [serve]
