"""The ``train-nlp``/``train-ner`` and ``eval-nlp``/``eval-ner`` click commands (registered by velferdsgraf.cli).

Thin wrappers: parse options, call train_nlp / evaluate_nlp, print. spaCy is imported
only when a command runs, so ``velferdsgraf --help`` stays fast.
"""
from __future__ import annotations

from pathlib import Path

import click

# Relative to the current directory, as in the repo layout main/ beside shared/.
DEFAULT_NORNE_DIR = Path("../shared/data/norne")

_norne_option = click.option(
    "--norne",
    "norne_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_NORNE_DIR,
    show_default=True,
    help="NorNE folder with nob/ and nno/ CoNLL-U files.",
)


@click.command("train-nlp")
@_norne_option
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to save the model (default: the shipped model directory).",
)
@click.option("--max-steps", type=click.IntRange(min=1), default=None, help="Stop after N updates.")
@click.option("--max-sentences", type=click.IntRange(min=1), default=None, help="Train on at most N sentences.")
@click.option("--threads", type=click.IntRange(min=1), default=2, show_default=True, help="BLAS threads.")
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the DocBins and checkpoints (training/model-best) here instead of a temporary folder.",
)
def train_ner_command(
    norne_dir: Path,
    output_dir: Path | None,
    max_steps: int | None,
    max_sentences: int | None,
    threads: int,
    work_dir: Path | None,
) -> None:
    """Train the joint Norwegian pipeline (tagger, parser, lemmatizer, NER) on NorNE; score both dev files."""
    from .model import shipped_model_path
    from .train import train_nlp

    target = output_dir or shipped_model_path()
    info = train_nlp(
        norne_dir, target, max_steps=max_steps, max_sentences=max_sentences, threads=threads, work_dir=work_dir
    )
    click.echo(f"saved {target} ({info['model_bytes'] / 1e6:.1f} MB, {info['train_seconds']:.0f} s)", err=True)


@click.command("eval-nlp")
@click.argument("conllu_files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_norne_option
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A trained pipeline directory (default: the shipped model).",
)
def eval_ner_command(conllu_files: tuple[Path, ...], norne_dir: Path, model_path: Path | None) -> None:
    """Score the pipeline on NorNE-format CONLLU_FILES (default: the bokmål and nynorsk dev files).

    For each file: NER P/R/F per label, then ``tokens= pos_acc= lemma_acc= uas= las=``,
    then ``ents_f=``.
    """
    from ...errors import ModelError
    from .evaluate import evaluate_nlp, format_nlp_scores
    from .train import DEV_FILES

    paths = list(conllu_files) or [norne_dir / name for name in DEV_FILES]
    for path in paths:
        if not path.is_file():
            raise ModelError(f"{path}: no such CoNLL-U file (pass files or --norne DIR)")
    for path in paths:
        if len(paths) > 1:
            click.echo(f"== {path}")
        click.echo(format_nlp_scores(evaluate_nlp(path, model_path)))
