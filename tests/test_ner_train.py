"""A smoke run of the joint NorNE training (tiny model, ~50 sentences, a few steps)."""
from __future__ import annotations

from pathlib import Path

import pytest

from velferdsgraf.errors import ModelError
from velferdsgraf.graph.ner.conllu import NORNE_LABELS
from velferdsgraf.graph.ner.train import norne_files, train_ner

pytest.importorskip("spacy")

NORNE_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "norne"
needs_norne = pytest.mark.skipif(
    not (NORNE_DIR / "nob").is_dir(), reason=f"NorNE not found at {NORNE_DIR} (../shared relative to the repo root)"
)
TINY = {
    "components.tok2vec.model.encode.width": 32,
    "components.tok2vec.model.encode.depth": 1,
    "components.tok2vec.model.embed.rows": [1000, 200, 500, 50],
}


@needs_norne
@pytest.mark.slow
def test_ner_train_smoke_run_saves_a_loadable_model(tmp_path):
    out = tmp_path / "nb_norne"
    info = train_ner(NORNE_DIR, out, max_steps=4, max_sentences=50, overrides=TINY, verbose=False)
    assert info["train_sentences"] == 50
    assert set(info["ents_per_type"]) == set(NORNE_LABELS)
    assert 0.0 <= info["ents_f"] <= 1.0
    assert set(info["dev_scores"]) == {"nob/norne-nob-dev.ndt.conllu", "nno/norne-nno-dev.ndt.conllu"}
    for scores in info["dev_scores"].values():
        assert 0.0 <= scores["las"] <= scores["uas"] <= 1.0 and 0.0 <= scores["pos_acc"] <= 1.0
    assert (out / "config.cfg").is_file() and not (out / "model-best").exists()

    import spacy

    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "ner"]
    assert nlp.meta["velferdsgraf_training"]["dev_file"] == "nob/norne-nob-dev.ndt.conllu"


def test_ner_train_missing_norne_names_the_files(tmp_path):
    with pytest.raises(ModelError, match="norne-nob-train.ndt.conllu"):
        norne_files(tmp_path)
