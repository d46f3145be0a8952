"""The Norwegian pipeline trained on NorNE's NDT trees (issues 3 and 9): tagger,
morphologizer, dependency parser, lemmatizer and named-entity recognition.

The pipeline (spaCy, no pretrained vectors) ships as package data in
``velferdsgraf/graph/models/nb_norne``. The ``ner`` extractor runs its NER alone
(:func:`load_model`); :func:`parse` gives the whole parse of a text as a spaCy Doc.
Train and score it from the repo root with NorNE in ``../shared/data/norne``::

    velferdsgraf train-nlp                 # alias train-ner; see scripts/train_nlp_model.py
    velferdsgraf eval-nlp                  # both dev files: NER, POS, lemma, UAS, LAS

or from Python: ``train_nlp(Path("../shared/data/norne"), Path("out/nb_norne"))``.
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
