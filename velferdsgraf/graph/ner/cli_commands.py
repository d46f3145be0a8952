"""The ``train-ner`` and ``eval-ner`` click commands (registered by velferdsgraf.cli).

Thin wrappers: parse options, call train_ner / evaluate_conllu, print. spaCy is
imported only when a command runs, so ``velferdsgraf --help`` stays fast.
"""
from __future__ import annotations

from pathlib import Path

import click

# Relative to the current directory, as in the repo layout main/ beside shared/.
DEFAULT_NORNE_DIR = Path("../shared/data/norne")


@click.command("train-ner")
@click.option(
    "--norne",
    "norne_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_NORNE_DIR,
    show_default=True,
    help="NorNE folder with nob/ and nno/ CoNLL-U files.",
)
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
def train_ner_command(
    norne_dir: Path, output_dir: Path | None, max_steps: int | None, max_sentences: int | None
) -> None:
    """Train the Norwegian NER model on NorNE and score it on bokmål dev."""
    from .model import shipped_model_path
    from .train import train_ner

    target = output_dir or shipped_model_path()
    info = train_ner(norne_dir, target, max_steps=max_steps, max_sentences=max_sentences)
    click.echo(f"saved {target} ({info['model_bytes'] / 1e6:.1f} MB, {info['train_seconds']:.0f} s)", err=True)


@click.command("eval-ner")
@click.argument("conllu_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A trained pipeline directory (default: the shipped model).",
)
def eval_ner_command(conllu_file: Path, model_path: Path | None) -> None:
    """Score the NER model on a NorNE-format CONLLU_FILE: P/R/F per label, then ents_f=."""
    from .evaluate import evaluate_conllu, format_scores

    click.echo(format_scores(evaluate_conllu(conllu_file, model_path)))
