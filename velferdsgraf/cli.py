"""The velferdsgraf command line: thin click commands over the library."""
from __future__ import annotations

import os
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


class UsageProblem(click.ClickException):
    """A usage error found after parsing (bad SPARQL, an unknown name): one line, exit code 2."""

    exit_code = 2


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


def _graph_suffix(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
    """Refuse a graph file whose extension names no format we read (a usage error, exit 2)."""
    from .graph.store import FORMATS_BY_SUFFIX

    if value.suffix.lower() not in FORMATS_BY_SUFFIX:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise click.BadParameter(f"{value}: unknown graph format {value.suffix or '(no extension)'!r}; "
                                 f"expected one of {known}")
    return value


def graph_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    """The GRAPH_FILE argument shared by the commands that read a built graph."""
    return click.argument(
        "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_graph_suffix
    )(func)


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
           exclude: tuple[Path, ...] = (), **scale: Any):
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
        result = build_documents(docs, names, progress=lambda _doc: bar.update(1), aliases=table, **scale)
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Extraction worker processes  [default: all cores]")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on the Dask cluster at ADDRESS, e.g. tcp://HOST:8786 (pip install 'velferdsgraf[cluster]').")
@click.option("--no-cache", is_flag=True, help="Re-extract every report instead of reusing OUT/cache/.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.pass_context
def build(ctx: click.Context, reports: tuple[Path, ...], out_dir: Path, formats: str, extractors: str,
          aliases: Path | None, jobs: int | None, scheduler: str | None, no_cache: bool, quiet: bool) -> None:
    """Build the graph of REPORTS (files or folders) into OUT_DIR, with its store in OUT_DIR/store/."""
    from .graph.extract_many import default_jobs
    from .graph.stats import graph_stats
    from .output import FORMATS, write_outputs
    from .output.merges import write_merges
    import shutil

    from .graph.rdfstore import dump_store, install_store, remember_graph_ttl, stage_store
    from .output.outset import check_output_dir, signals_raise

    chosen = _split_list(formats, ALL_FORMATS, "format")
    missing = [str(p) for p in reports if not os.path.lexists(p)]
    if missing:  # a path that names nothing is a mistyped argument (an unreadable file is only skipped)
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    check_output_dir(out_dir, [FORMATS[name].filename for name in chosen] + ["merges.csv"])  # before the work
    cache_dir = None if no_cache else out_dir / "cache"
    with signals_raise():
        result = _build(reports, extractors, quiet, aliases, exclude=(out_dir,), jobs=jobs or default_jobs(),
                        cache_dir=cache_dir, scheduler=scheduler)
        if not result.documents:
            raise click.ClickException("no report could be read; nothing was written")
        # The store is filled aside and moved into place with the files, so a failure or a signal
        # leaves the previous store and files; Turtle and N-Triples come from the store's serializer.
        staged = stage_store(result.graph, out_dir)
        try:
            dumped = {FORMATS[f].filename: (lambda path, f=f: dump_store(staged, f, path))
                      for f in chosen if f in ("ttl", "nt")}
            written = write_outputs(result.graph, out_dir, [f for f in chosen if f not in ("ttl", "nt")],
                                    extra={**dumped, "merges.csv": lambda path: write_merges(result.resolution, path)})
            install_store(out_dir, staged)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        if "ttl" in chosen:
            remember_graph_ttl(out_dir)
    if not quiet:
        counts = graph_stats(result.graph)["entities"]
        summary = ", ".join(_counted(n, t.lower(), _PLURALS.get(t, t.lower())) for t, n in counts.items() if n)
        click.echo(f"Built the graph of {_counted(len(result.documents), 'report')}: {summary or 'no entities'}.",
                   err=True)
        if result.extract_stats is not None and cache_dir is not None:
            click.echo(f"  {_counted(result.extract_stats.cached, 'report')} from the cache, "
                       f"{result.extract_stats.extracted} extracted", err=True)
        for path in [*written, out_dir / "store"]:
            click.echo(f"  wrote {path}", err=True)
    if result.failures:
        click.echo(f"{_counted(len(result.failures), 'input')} could not be read; the graph has the others.",
                   err=True)
        ctx.exit(1)


def _counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 report", "2 reports" (``many`` for plurals that are not ``one`` + "s")."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _graph_source(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """An output folder as it is (its store is checked when read), else a graph file we can read."""
    return value if value.is_dir() else _graph_suffix(ctx, param, value)


def source_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    """GRAPH: a graph file, or an output folder of ``build`` (its store is used)."""
    return click.argument("graph_file", metavar="GRAPH", callback=_graph_source,
                          type=click.Path(exists=True, path_type=Path))(func)


def _load(graph_file: Path) -> Any:
    """The rdflib Graph of GRAPH: over the build's store when it belongs to the file, else parsed."""
    from .graph.store import load_graph
    from .graph.rdfstore import store_for, store_graph

    store = store_for(graph_file)
    return store_graph(store) if store is not None else load_graph(graph_file)


@cli.command()
@source_argument
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.File(encoding="utf-8"), help="Read the query from FILE.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(graph_file: Path, sparql: str | None, query_file: TextIO | None, fmt: str) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT) against GRAPH (a graph file or a build folder)."""
    from .errors import QueryError
    from .graph.query import format_result, run_query
    from .graph.store import load_graph
    from .graph.rdfstore import open_store, store_for, store_query

    if sparql is None and query_file is None:
        raise click.UsageError("no query given: put the SPARQL text after GRAPH_FILE, or use --file FILE")
    if sparql is not None and query_file is not None:
        raise click.UsageError("two queries given: put the SPARQL text after GRAPH_FILE or use --file, not both")
    text = sparql if sparql is not None else query_file.read()  # type: ignore[union-attr]
    if not text.strip():
        raise click.UsageError("the query is empty")
    store = store_for(graph_file)
    try:
        result = store_query(open_store(store), text) if store else run_query(load_graph(graph_file), text)
    except QueryError as error:  # the query is what the user typed: a usage error
        raise UsageProblem(str(error)) from error
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@source_argument
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "jsonld", "nt", "ttl", "collaboration"]))
@click.option("-o", "--output", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--max-context", type=click.IntRange(min=2), default=None,
              help="collaboration: pairs only among this many best-attested actors of a context  [default: 30]")
def export(graph_file: Path, fmt: str, out_file: Path, max_context: int | None) -> None:
    """Write GRAPH in another format (GraphML/GEXF for Gephi, JSON-LD, N-Triples, the collaboration layer)."""
    from .output import write_format
    from .graph.rdfstore import store_for, write_store_format
    from .output.outset import check_output_file

    check_output_file(out_file)
    store = store_for(graph_file)
    if fmt == "collaboration":
        from .output.collaboration import DEFAULT_MAX_CONTEXT, write_collaboration

        write_collaboration(_load(graph_file), out_file, max_context or DEFAULT_MAX_CONTEXT)
    elif store is not None and fmt in ("ttl", "nt"):
        write_store_format(store.parent, fmt, out_file)
    else:
        write_format(_load(graph_file), fmt, out_file)
    click.echo(f"wrote {out_file}", err=True)


@cli.command()
@source_argument
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
    from .output.focus import EntityNotFoundError
    from .output.html import write_html
    from .output.outset import check_output_file
    from .output.view_data import VIEW_LIMIT, view_filter

    chosen = _split_list(types)
    try:
        view_filter(chosen or None)  # checks the type names (any case) before the graph is read
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--types") from error
    if ego is None and depth != 1:
        raise click.UsageError("--depth needs --ego")
    check_output_file(out_file)
    try:
        page = write_html(_load(graph_file), out_file, types=chosen or None, min_degree=min_degree,
                          municipality=municipality, ego=ego, depth=depth, limit=max_nodes or VIEW_LIMIT)
    except EntityNotFoundError as error:  # a name the user typed: a usage error
        raise UsageProblem(str(error)) from error
    for note in page.notes:
        click.echo(f"warning: {note}", err=True)
    if page.nodes == 0:
        click.echo("warning: the page is empty: no entity passes the filters (try a lower --min-degree "
                   "or other --types)", err=True)
    cut = f" (the {page.nodes} most central of {page.total})" if page.total > page.nodes else ""
    click.echo(f"wrote {out_file}: {page.nodes} nodes{cut}, {page.edges} relations, "
               f"{page.collaborations} collaborations", err=True)


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
@source_argument
def stats(graph_file: Path) -> None:
    """Counts of entities, relations and reports in GRAPH (a graph file or a build folder)."""
    from .graph.stats import format_stats, graph_stats

    click.echo(format_stats(graph_stats(_load(graph_file))))


@cli.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
def serve(out_dir: Path, host: str, port: int) -> None:
    """Serve the store of the build in OUT as a read-only SPARQL 1.1 endpoint at /sparql."""
    from .graph.rdfstore import STORE_DIR
    from .graph.rdfstore.serve import make_server

    with make_server(out_dir / STORE_DIR, host, port) as server:
        bound_host, bound_port = server.server_address[:2]
        click.echo(f"SPARQL endpoint: http://{bound_host}:{bound_port}/sparql (Ctrl-C stops)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@cli.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL 1.1 Graph Store endpoint, e.g. http://127.0.0.1:7878/store (oxigraph).")
@click.option("--graph", "base", metavar="IRI", default=None,
              help="Base IRI of the named graphs (IRI report/ID per report, IRI shared)  "
                   "[default: https://w3id.org/velferdsgraf/graph/]")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def push(out_dir: Path, endpoint: str, base: str | None, quiet: bool) -> None:
    """Send the build in OUT to a SPARQL server, one named graph per report; pushing again replaces."""
    from .graph.rdfstore.push import DEFAULT_GRAPH_BASE
    from .graph.rdfstore.push import push as push_graphs

    result = push_graphs(out_dir, endpoint, base or DEFAULT_GRAPH_BASE)
    if not quiet:
        click.echo(f"pushed {result.triples} triples in {result.graphs} named graphs to {endpoint}", err=True)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@extractors_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List the false positives and negatives.")
@click.option("--by-rule", is_flag=True, help="Also score each extraction rule: relations stated, confirmed, precision.")
def eval_command(gold_dir: Path, reports: tuple[Path, ...], extractors: str, fmt: str, show_errors: bool,
                 by_rule: bool) -> None:
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
    rules = None
    if by_rule:
        from .graph.rule_scores import format_rule_scores, rule_scores

        rules = rule_scores(result.graph, report)
    if fmt == "json":
        data = report_to_json(report, show_errors)
        if rules is not None:
            data["rules"] = [{"rule": r.rule, "category": r.category, "items": r.items, "correct": r.correct,
                              "precision": r.precision} for r in rules]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_errors))
        if rules is not None:
            click.echo("")
            click.echo(format_rule_scores(rules))


def _register_ner_commands() -> None:
    from .graph.ner.cli_commands import eval_ner_command, train_ner_command

    cli.add_command(train_ner_command, "train-nlp")
    cli.add_command(train_ner_command, "train-ner")  # the name of issue 3, kept working
    cli.add_command(eval_ner_command, "eval-nlp")
    cli.add_command(eval_ner_command, "eval-ner")


_register_ner_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="velferdsgraf")
