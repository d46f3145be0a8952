"""The velferdsgraf command line: thin click commands over the library."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click

from .errors import Interrupted, VelferdsgrafError
from .input.types import describe_exception

DEFAULT_FORMATS = ("ttl", "html", "graphml")
_PLURALS = {"Person": "persons", "Organisation": "organisations", "Municipality": "municipalities",
            "Initiative": "initiatives", "Event": "events", "Role": "roles"}
ALL_FORMATS = ("ttl", "html", "graphml", "gexf", "jsonld", "nt")


class Cli(click.Group):
    """The one place errors become a one-line message: exit 1, 2 for usage, 128+N for signal N.

    Besides the library's own errors, what the environment can throw at any command (an
    OSError from a full disk or a vanished file, text that cannot be encoded for the terminal,
    a structure too deep to walk) ends as one line too, never a traceback.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Interrupted as error:
            click.echo(f"Error: {error}; no output file was half-written", err=True)
            ctx.exit(128 + error.signum)
        except VelferdsgrafError as error:
            raise click.ClickException(str(error)) from error
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or describe_exception(error)}") from error
        except (UnicodeError, RecursionError, MemoryError) as error:
            raise click.ClickException(f"cannot go on ({describe_exception(error)})") from error


def _split_list(value: str | None, allowed: tuple[str, ...] | None = None, what: str = "value") -> list[str]:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    if allowed:
        unknown = [v for v in items if v not in allowed]
        if unknown:
            raise click.BadParameter(f"unknown {what} {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return items


def graph_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    """The GRAPH_FILE argument shared by the commands that read a built graph."""
    return click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))(func)


def extractors_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--extractors, shared by build and eval."""
    from .graph.extract import DEFAULT_EXTRACTORS

    return click.option(
        "--extractors", default=",".join(DEFAULT_EXTRACTORS), show_default=True,
        help="Comma-separated extractors to run, in order (gazetteer, ner, patterns).",
    )(func)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="velferdsgraf")
def cli() -> None:
    """Build knowledge graphs of who works with whom from Norwegian welfare reports."""


def _build(reports: tuple[Path, ...], extractors: str, quiet: bool, aliases: Path | None = None,
           exclude: tuple[Path, ...] = ()):
    from .graph.aliases import read_alias_file
    from .graph.pipeline import build_documents, usable_extractors
    from .input import read

    names = usable_extractors(_split_list(extractors), explicit=extractors != _default_extractors())
    table = read_alias_file(aliases) if aliases is not None else None  # a bad file fails before any work
    read_result = read(reports, exclude=exclude)
    for failure in read_result.failures:
        click.echo(f"skipped {failure}", err=True)
    docs = read_result.documents
    stderr = sys.stderr
    show = not quiet and len(docs) > 1 and stderr.isatty()
    with click.progressbar(length=len(docs), label="Extracting", file=stderr, hidden=not show) as bar:
        result = build_documents(docs, names, progress=lambda _doc: bar.update(1), aliases=table)
    result.failures = list(read_result.failures)
    return result


def _default_extractors() -> str:
    from .graph.extract import DEFAULT_EXTRACTORS

    return ",".join(DEFAULT_EXTRACTORS)


@cli.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, network.html, graph.graphml … into.")
@click.option("--formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              help=f"Comma-separated outputs: {', '.join(ALL_FORMATS)}.")
@extractors_option
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV/TSV of name,canonical rows that force a merge (name,!other forbids one).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.pass_context
def build(ctx: click.Context, reports: tuple[Path, ...], out_dir: Path, formats: str, extractors: str,
          aliases: Path | None, quiet: bool) -> None:
    """Build the graph of REPORTS (files or folders) into OUT_DIR."""
    from .graph.stats import graph_stats
    from .output import FORMATS, write_outputs
    from .output.merges import write_merges
    from .output.outset import check_output_dir, signals_raise

    chosen = _split_list(formats, ALL_FORMATS, "format")
    check_output_dir(out_dir, [FORMATS[name].filename for name in chosen] + ["merges.csv"])  # before the work
    with signals_raise():
        result = _build(reports, extractors, quiet, aliases, exclude=(out_dir,))
        if not result.documents:
            raise click.ClickException("no report could be read; nothing was written")
        written = write_outputs(result.graph, out_dir, chosen,
                                extra={"merges.csv": lambda path: write_merges(result.resolution, path)})
    if not quiet:
        counts = graph_stats(result.graph)["entities"]
        summary = ", ".join(f"{n} {_PLURALS.get(t, t.lower())}" for t, n in counts.items() if n)
        click.echo(f"Built the graph of {len(result.documents)} reports: {summary or 'no entities'}.", err=True)
        for path in written:
            click.echo(f"  wrote {path}", err=True)
    if result.failures:
        click.echo(f"{len(result.failures)} input(s) could not be read; the graph has the others.", err=True)
        ctx.exit(1)


@cli.command()
@graph_argument
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.File(encoding="utf-8"), help="Read the query from FILE.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(graph_file: Path, sparql: str | None, query_file: TextIO | None, fmt: str) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT) against GRAPH_FILE."""
    from .graph.query import format_result, run_query
    from .graph.store import load_graph

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give a query or --file, not both")
    text = sparql if sparql is not None else query_file.read()  # type: ignore[union-attr]
    click.echo(format_result(run_query(load_graph(graph_file), text), fmt), nl=False)


@cli.command()
@graph_argument
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "jsonld", "nt", "ttl"]), required=True)
@click.option("-o", "--output", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path))
def export(graph_file: Path, fmt: str, out_file: Path) -> None:
    """Write GRAPH_FILE in another format (GraphML/GEXF for Gephi, JSON-LD, N-Triples)."""
    from .graph.store import load_graph
    from .output import write_format
    from .output.outset import check_output_file

    check_output_file(out_file)
    write_format(load_graph(graph_file), fmt, out_file)
    click.echo(f"wrote {out_file}", err=True)


@cli.command()
@graph_argument
@click.option("-o", "--output", "out_file", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path))
@click.option("--types", help="Comma-separated entity types to show, e.g. Person,Organisation.")
@click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
              help="Hide nodes with fewer relations.")
@click.option("--municipality", metavar="NAME", help="Show only what is tied to this municipality.")
@click.option("--ego", metavar="NAME", help="Show only this entity and what lies within --depth relations.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Relation steps from --ego.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Draw at most this many nodes, the most central (default 5000).")
def view(graph_file: Path, out_file: Path, types: str | None, min_degree: int, municipality: str | None,
         ego: str | None, depth: int, max_nodes: int | None) -> None:
    """Write the interactive network page of GRAPH_FILE (works offline), optionally focused."""
    from .graph.store import load_graph
    from .output.html import write_html
    from .output.outset import check_output_file
    from .output.view_data import VIEW_LIMIT

    chosen = _split_list(types, ("Person", "Organisation", "Municipality", "Initiative", "Event", "Role"), "type")
    if ego is None and depth != 1:
        raise click.UsageError("--depth needs --ego")
    check_output_file(out_file)
    write_html(load_graph(graph_file), out_file, types=chosen or None, min_degree=min_degree,
               municipality=municipality, ego=ego, depth=depth, limit=max_nodes or VIEW_LIMIT)
    click.echo(f"wrote {out_file}", err=True)


@cli.command()
@graph_argument
@click.pass_context
def validate(ctx: click.Context, graph_file: Path) -> None:
    """Check GRAPH_FILE against the SHACL shapes of the ontology."""
    from .graph.store import load_graph
    from .graph.validate import validate as validate_graph

    report = validate_graph(load_graph(graph_file))
    if report.conforms:
        click.echo(f"{graph_file}: conforms")
        return
    click.echo(report.text)
    click.echo(f"{graph_file}: does not conform ({len(report.results)} problems)", err=True)
    ctx.exit(1)


@cli.command()
@graph_argument
def stats(graph_file: Path) -> None:
    """Counts of entities, relations and reports in GRAPH_FILE."""
    from .graph.stats import format_stats, graph_stats
    from .graph.store import load_graph

    click.echo(format_stats(graph_stats(load_graph(graph_file))))


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@extractors_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List the false positives and negatives.")
def eval_command(gold_dir: Path, reports: tuple[Path, ...], extractors: str, fmt: str, show_errors: bool) -> None:
    """Score the graph built from REPORTS against the gold annotations in GOLD_DIR."""
    import json

    from .graph.evaluation import format_report, load_gold, report_to_json, score

    result = _build(reports, extractors, quiet=True)
    stems = [d.id for d in result.documents if (gold_dir / f"{d.id}.json").is_file()]
    for doc in result.documents:
        if doc.id not in stems:
            click.echo(f"warning: no gold file {doc.id}.json in {gold_dir}; its findings count as errors", err=True)
    gold = load_gold(gold_dir, stems=stems)
    report = score(result.graph, gold)
    if fmt == "json":
        click.echo(json.dumps(report_to_json(report, show_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_errors))


def _register_ner_commands() -> None:
    from .graph.ner.cli_commands import eval_ner_command, train_ner_command

    cli.add_command(train_ner_command, "train-ner")
    cli.add_command(eval_ner_command, "eval-ner")


_register_ner_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="velferdsgraf")
