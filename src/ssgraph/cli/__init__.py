"""The ``ssgraph`` command line: a click group with global --store and --lang.

Each command module exposes ``COMMANDS``, a list of click commands registered here.
Commands are thin: parse options, call one library function, and turn an
``SsgraphError`` into a located message and an exit code (see ``errors.py``).
"""

from __future__ import annotations

import importlib

import click

from ssgraph.cli.context import CliContext
from ssgraph.cli.localised import LocalisedGroup, localise

COMMAND_MODULES = (
    "ssgraph.cli.store_commands",
    "ssgraph.cli.import_commands",
    "ssgraph.cli.extract_command",
    "ssgraph.cli.kolada_commands",
    "ssgraph.cli.validate_commands",
    "ssgraph.cli.analysis_commands",
    "ssgraph.cli.find_commands",
    "ssgraph.cli.serve_command",
)


@click.group(cls=LocalisedGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="ssgraph", prog_name="ssgraph")  # looked up only for --version
@click.option(
    "--store",
    "store_location",
    envvar="SSGRAPH_STORE",
    metavar="PATH|URL",
    help="Store directory (embedded Oxigraph) or http(s):// SPARQL endpoint. "
    "Default: the user's data directory; env SSGRAPH_STORE.",
)
@click.option(
    "--config",
    "config_file",
    envvar="SSGRAPH_CONFIG",
    type=click.Path(dir_okay=False),
    help="Configuration file (TOML). Env SSGRAPH_CONFIG.",
)
@click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    envvar="SSGRAPH_LANG",
    default="sv",
    show_default=True,
    help="Language of messages and reports.",
)
@click.option("--log-format", type=click.Choice(["text", "json"]), envvar="SSGRAPH_LOG_FORMAT", default="text",
              show_default=True)
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), envvar="SSGRAPH_LOG_LEVEL",
              default="warning", show_default=True)
@click.pass_context
def cli(ctx: click.Context, store_location: str | None, config_file: str | None, lang: str, log_format: str,
        log_level: str) -> None:
    """ssgraph: a knowledge graph for sustainability governance (SS 854000)."""
    import os

    from ssgraph import logs

    logs.configure(log_format, log_level)
    if ctx.get_parameter_source("log_format") == click.core.ParameterSource.COMMANDLINE:
        os.environ["SSGRAPH_LOG_FORMAT"] = log_format  # the web service's workers read it as a setting
    ctx.obj = CliContext(store_location=store_location, config_file=config_file, lang=lang)


def _register_commands() -> None:
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # command group not built yet
            raise
        for command in module.COMMANDS:
            cli.add_command(localise(command))


_register_commands()


def main() -> None:
    cli(prog_name="ssgraph")
