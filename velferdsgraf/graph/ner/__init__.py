"""Norwegian named-entity recognition trained on NorNE (issue 3).

The pipeline (spaCy tok2vec + ner, no pretrained vectors) ships as package data in
``velferdsgraf/graph/models/nb_norne`` and is used by the ``ner`` extractor.
Retrain it from the repo root with NorNE in ``../shared/data/norne``::

    velferdsgraf train-ner                 # about 20 minutes on one CPU core
    velferdsgraf eval-ner ../shared/data/norne/nob/norne-nob-dev.ndt.conllu

or from Python: ``train_ner(Path("../shared/data/norne"), Path("out/nb_norne"))``.
The training settings live in ``config.cfg`` beside this file; see README.md here.
Importing this package does not import spaCy.
"""
from __future__ import annotations

from .evaluate import LabelScore, NerScores, NlpScores, evaluate_conllu, evaluate_nlp, format_nlp_scores, format_scores
from .model import load_model, load_pipeline, parse, shipped_model_path
from .train import train_ner, train_nlp

__all__ = [
    "LabelScore",
    "NerScores",
    "NlpScores",
    "evaluate_conllu",
    "evaluate_nlp",
    "format_nlp_scores",
    "format_scores",
    "load_model",
    "load_pipeline",
    "parse",
    "shipped_model_path",
    "train_ner",
    "train_nlp",
]
