"""Train the joint Norwegian pipeline from the NorNE NDT files with the versioned config.cfg.

One shared tok2vec feeds a tagger, morphologizer, parser, lemmatizer and NER. Train on
bokmål + nynorsk train, pick the best checkpoint on bokmål dev, copy it to
``output_dir`` and score it there on both dev files. The NorNE test split is never read.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import ModelError
from .conllu import docs_from_conllu
from .evaluate import NerScores, evaluate_nlp, format_nlp_scores

CONFIG_PATH = Path(__file__).with_name("config.cfg")
TRAIN_FILES = ("nob/norne-nob-train.ndt.conllu", "nno/norne-nno-train.ndt.conllu")
DEV_FILE = "nob/norne-nob-dev.ndt.conllu"  # checkpoint selection
DEV_FILES = (DEV_FILE, "nno/norne-nno-dev.ndt.conllu")  # both scored after training
#: Consecutive sentences of one NDT source text per training Doc, so the parser learns
#: sentence boundaries (one-sentence Docs never show it one).
SENTENCES_PER_DOC = 10


def norne_files(norne_dir: Path) -> tuple[list[Path], Path]:
    """The train files and the dev file below ``norne_dir``; ModelError if one is missing."""
    train = [Path(norne_dir) / name for name in TRAIN_FILES]
    dev = Path(norne_dir) / DEV_FILE
    missing = [str(p) for p in (*train, dev) if not p.is_file()]
    if missing:
        raise ModelError(f"NorNE files not found: {', '.join(missing)}")
    return train, dev


def write_docbins(norne_dir: Path, work_dir: Path, max_sentences: int | None = None) -> dict[str, Any]:
    """Convert NorNE train (nob + nno) and bokmål dev to spaCy DocBins in ``work_dir``.

    ``max_sentences`` caps the training sentences (split evenly between the files)
    and the dev sentences used for checkpoint selection.
    """
    import spacy
    from spacy.tokens import DocBin

    train_paths, dev_path = norne_files(norne_dir)
    vocab = spacy.blank("nb").vocab
    per_file = None if max_sentences is None else max(1, -(-max_sentences // len(train_paths)))
    train_docs = docs_from_conllu(vocab, train_paths, limit=per_file, per_doc=SENTENCES_PER_DOC)
    dev_docs = docs_from_conllu(vocab, [dev_path], limit=max_sentences, per_doc=SENTENCES_PER_DOC)
    work_dir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train_docs, store_user_data=False).to_disk(work_dir / "train.spacy")
    DocBin(docs=dev_docs, store_user_data=False).to_disk(work_dir / "dev.spacy")
    return {
        "train_docs": len(train_docs),
        "train_sentences": sum(len(list(d.sents)) for d in train_docs),
        "train_tokens": sum(len(d) for d in train_docs),
        "dev_sentences": sum(len(list(d.sents)) for d in dev_docs),
    }


def limit_threads(n: int = 2) -> None:
    """Ask BLAS/OpenMP for ``n`` threads (effective for libraries not yet loaded)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, str(n))


def _replace_dir(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` so that a reader never sees a half-written model."""
    tmp = dest.with_name(dest.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)


def _ner_dict(scores: NerScores) -> dict[str, Any]:
    per_label = {
        label: {"p": s.precision, "r": s.recall, "f": s.f, "support": s.support}
        for label, s in scores.per_label.items()
    }
    return {
        "ents_p": scores.overall.precision,
        "ents_r": scores.overall.recall,
        "ents_f": scores.overall.f,
        "ents_per_type": per_label,
    }


def _clean_config(model_dir: Path) -> None:
    """Drop the temporary corpus paths from the saved config (they mean nothing elsewhere)."""
    from spacy.util import load_config

    config = load_config(model_dir / "config.cfg", interpolate=False)
    for key in ("train", "dev"):
        config["paths"][key] = None
    config.to_disk(model_dir / "config.cfg")


def _write_meta(model_dir: Path, info: Mapping[str, Any]) -> None:
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    ner_note = f"; the ner has its own tok2vec: {info['ner_component']}" if info.get("ner_component") else ""
    meta.update(
        name="norne",
        version="0.2.0",
        description=(
            "Norwegian (bokmål + nynorsk) pipeline for velferdsgraf, trained jointly on the NorNE NDT trees: "
            "tagger (NDT POS), morphologizer (UD POS/features mapped from NDT), parser (NDT labels), "
            "trainable lemmatizer and NER (NorNE 9 labels) on one shared tok2vec (hash + CNN), no vectors"
            + ner_note
        ),
        sources=[{"name": "NorNE (train: nob + nno)", "url": "https://github.com/ltgoslo/norne",
                  "license": "CC0 1.0 (annotations); texts from NDT"}],
        license="CC0-1.0 annotations (NorNE/NDT)",
        velferdsgraf_training=dict(info),
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def train_nlp(
    norne_dir: Path,
    output_dir: Path,
    *,
    max_steps: int | None = None,
    max_sentences: int | None = None,
    threads: int = 2,
    config_path: Path = CONFIG_PATH,
    overrides: Mapping[str, Any] | None = None,
    work_dir: Path | None = None,
    seed: int = 0,
    verbose: bool = True,
) -> dict[str, Any]:
    """Train the joint pipeline on NorNE and save the best checkpoint to ``output_dir``.

    :param norne_dir: folder with ``nob/`` and ``nno/`` NorNE CoNLL-U files.
    :param output_dir: where the trained pipeline goes (replaced if present).
    :param max_steps: stop after this many updates (default: the config's).
    :param max_sentences: train on at most this many sentences (smoke runs).
    :param threads: BLAS threads (set before numpy is first imported).
    :param overrides: extra spaCy config overrides, e.g. ``{"training.dropout": 0.2}``.
    :param work_dir: keep the DocBins and checkpoints here (default: a temporary folder).
    :param verbose: print spaCy's training log and the final scores.
    :return: a dict with the bokmål dev scores (``ents_f``, ``ents_per_type``, ``pos_acc``,
        ``lemma_acc``, ``uas``, ``las``), the same for every dev file under ``dev_scores``,
        training time in seconds, corpus sizes and the model size in bytes.

    Example: ``train_nlp(Path("../shared/data/norne"), Path("/tmp/nb_norne"), max_steps=200)``
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train
    from spacy.util import load_config

    limit_threads(threads)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="velferdsgraf-ner-") as tmp:
        work = Path(work_dir) if work_dir is not None else Path(tmp)
        corpus_info = write_docbins(Path(norne_dir), work, max_sentences)
        cfg_overrides: dict[str, Any] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
        }
        if max_steps is not None:
            cfg_overrides["training.max_steps"] = max_steps
        cfg_overrides.update(overrides or {})
        config = load_config(config_path, overrides=cfg_overrides, interpolate=False)
        if max_steps is not None:  # make sure the last step is evaluated and saved
            config["training"]["eval_frequency"] = max(1, min(config["training"]["eval_frequency"], max_steps))
        stdout = sys.stdout if verbose else io.StringIO()
        nlp = init_nlp(config, use_gpu=-1)
        (work / "training").mkdir(parents=True, exist_ok=True)
        spacy_train(nlp, work / "training", use_gpu=-1, stdout=stdout, stderr=stdout)
        train_seconds = time.perf_counter() - started
        return finish_model(
            work / "training" / "model-best",
            norne_dir,
            output_dir,
            {**corpus_info, "train_seconds": round(train_seconds, 1)},
            verbose=verbose,
        )


def finish_model(
    checkpoint: Path, norne_dir: Path, output_dir: Path, info: Mapping[str, Any], *, verbose: bool = True
) -> dict[str, Any]:
    """Copy a training checkpoint to ``output_dir``, score it on the dev files, write its meta.json.

    :func:`train_nlp` ends with this; call it yourself to ship ``training/model-best`` of a
    run that was stopped early (``train-nlp --work-dir`` keeps it).
    :param info: corpus sizes and training time to store in meta.json (``velferdsgraf_training``).
    :return: ``info`` plus the bokmål dev scores, ``dev_scores`` per dev file, ``model_dir``
        and ``model_bytes``.
    """
    output_dir = Path(output_dir)
    _replace_dir(Path(checkpoint), output_dir)
    _clean_config(output_dir)
    dev_scores: dict[str, dict[str, Any]] = {}
    for name in DEV_FILES:
        path = Path(norne_dir) / name
        if not path.is_file():
            continue
        scores = evaluate_nlp(path, output_dir)
        dev_scores[name] = {
            **_ner_dict(scores.ner),
            "pos_acc": scores.pos_acc, "lemma_acc": scores.lemma_acc, "uas": scores.uas, "las": scores.las,
        }
        if verbose:
            print(f"== {name}\n{format_nlp_scores(scores)}")
    result: dict[str, Any] = {**info, "dev_file": DEV_FILE, **dev_scores.get(DEV_FILE, {}), "dev_scores": dev_scores}
    _write_meta(output_dir, result)
    result["model_dir"] = str(output_dir)
    result["model_bytes"] = sum(p.stat().st_size for p in output_dir.rglob("*") if p.is_file())
    return result


def separate_ner(pipeline_dir: Path, output_dir: Path) -> None:
    """Save the pipeline with its ``ner`` on its own copy of the shared tok2vec.

    The start of an NER-only fine-tune (``ner_finetune.cfg``): training that copy cannot
    change what the tagger, morphologizer, parser and lemmatizer see.
    """
    import spacy

    nlp = spacy.load(pipeline_dir)
    nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.to_disk(output_dir)


def attach_ner(
    pipeline_dir: Path, ner_dir: Path, output_dir: Path, norne_dir: Path, note: str, *, verbose: bool = True
) -> dict[str, Any]:
    """Replace the ``ner`` of ``pipeline_dir`` by the one of ``ner_dir`` (with its own tok2vec) and score.

    The syntax components keep listening to the shared tok2vec; the attached ``ner``
    needs no listener, so :func:`..model.load_model` runs it alone. It runs before the
    parser, so the parse's sentence boundaries cannot cut an entity. The joint run's
    scores move to ``joint_run_scores`` in meta.json, the new dev scores replace them,
    ``note`` says where the NER comes from. ``output_dir`` is replaced whole.
    """
    import spacy

    nlp = spacy.load(pipeline_dir)
    nlp.remove_pipe("ner")
    source = spacy.load(ner_dir)
    if "tok2vec" in source.pipe_names and "ner" in source.get_pipe("tok2vec").listening_components:
        source.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    # before the parser: its sentence boundaries would stop entities at a wrong split
    nlp.add_pipe("ner", source=source, before="parser")
    training = dict(nlp.meta.get("velferdsgraf_training", {}))
    scored = ("ents_p", "ents_r", "ents_f", "ents_per_type", "pos_acc", "lemma_acc", "uas", "las", "dev_scores")
    training["joint_run_scores"] = {key: training.pop(key) for key in scored if key in training}
    training["ner_component"] = note
    with tempfile.TemporaryDirectory(prefix="velferdsgraf-nlp-") as tmp:
        nlp.to_disk(Path(tmp) / "model")
        return finish_model(Path(tmp) / "model", norne_dir, output_dir, training, verbose=verbose)


#: The name of issue 3, kept for callers; the pipeline it trains is now the joint one.
train_ner = train_nlp
