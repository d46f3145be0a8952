"""The shipped joint model: offline loading, size, a few sentences, parses, and eval-ner/eval-nlp."""
from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from velferdsgraf.errors import ModelError
from velferdsgraf.graph.ner.conllu import NORNE_LABELS
from velferdsgraf.graph.ner.model import _load, load_model, load_pipeline, parse, shipped_model_path

pytest.importorskip("spacy")

FIXTURES = Path(__file__).parent / "fixtures" / "ner"
MODEL_DIR = shipped_model_path()


def test_ner_model_is_shipped():
    assert (MODEL_DIR / "meta.json").is_file(), f"no trained model in {MODEL_DIR}; run `velferdsgraf train-ner`"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_ner_model_loads_with_network_unreachable(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted while loading the NER model")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    _load.cache_clear()
    nlp = load_model()
    assert nlp.pipe_names[-1] == "ner" and set(nlp.pipe_names) <= {"tok2vec", "ner"}  # no syntax components
    assert set(nlp.get_pipe("ner").labels) == set(NORNE_LABELS)
    assert load_model() is nlp  # loaded once


def test_ner_model_is_small_enough():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 80 * 1024 * 1024  # two hash-embedding tables (syntax and NER), see graph/ner/README.md


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Statsminister Jonas Gahr Støre møtte lederen i LO, Peggy Hessen Følsvik, i går.",
         {("Jonas Gahr Støre", "PER"), ("Peggy Hessen Følsvik", "PER"), ("LO", "ORG")}),
        ("Kari Nordmann er seniorrådgiver i Helsedirektoratet.",
         {("Kari Nordmann", "PER"), ("Helsedirektoratet", "ORG")}),
        ("Prosjektet ble finansiert av Husbanken og ledet av Ola Hansen.",
         {("Husbanken", "ORG"), ("Ola Hansen", "PER")}),
        ("Ifølge Arbeids- og velferdsdirektoratet har ledigheten falt.",
         {("Arbeids- og velferdsdirektoratet", "ORG")}),
        ("Trond Giske ble intervjuet av NRK om saken.", {("Trond Giske", "PER"), ("NRK", "ORG")}),
    ],
)
def test_ner_model_finds_persons_and_organisations(nlp, text, expected):
    found = {(ent.text, ent.label_) for ent in nlp(text).ents if ent.label_ in ("PER", "ORG")}
    assert found == expected


def test_ner_eval_command_ends_with_ents_f():
    from velferdsgraf.graph.ner.cli_commands import eval_ner_command

    result = CliRunner().invoke(eval_ner_command, [str(FIXTURES / "mini.ndt.conllu")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert re.fullmatch(r"ents_f=\d\.\d{3}", lines[-1])
    assert any(line.startswith("PER ") for line in lines)
    assert float(lines[-1].split("=")[1]) > 0.5  # the fixture's names are easy


def test_ner_extractor_with_shipped_model_and_gazetteer():
    from velferdsgraf.graph.extractors.ner import NerExtractor
    from velferdsgraf.graph.types import EntityType
    from velferdsgraf.input.document import Document

    text = "Innledning\n\nOrdfører Lisbeth Hammer Krog i Bærum kommune åpnet møtet.\n\n\nKari Nordmann fra NAV deltok."
    doc = Document(id="d", text=text, date="2023-05-01")
    mentions = NerExtractor().extract(doc).mentions
    found = {(m.type, m.name) for m in mentions}
    assert {(EntityType.PERSON, "Lisbeth Hammer Krog"), (EntityType.PERSON, "Kari Nordmann")} <= found
    assert (EntityType.MUNICIPALITY, "Bærum") in found
    assert all(text[m.start : m.end] == m.surface and m.source == "ner" for m in mentions)


def test_ner_load_model_missing_dir_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match=r"no NER model at .*velferdsgraf train-ner"):
        load_model(tmp_path / "missing")


JOINT_COMPONENTS = ["tok2vec", "tagger", "morphologizer", "ner", "parser", "lemmatizer"]


def test_nlp_pipeline_loads_offline_with_every_component(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted while loading the pipeline")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    _load.cache_clear()
    nlp = load_pipeline()
    assert nlp.pipe_names == JOINT_COMPONENTS
    assert load_pipeline() is nlp and load_model() is not nlp  # two cached views of one directory
    assert {"SUBJ", "DOBJ", "ATR", "APP", "PUTFYLL", "FLAT"} <= set(nlp.get_pipe("parser").labels)


def test_nlp_parse_attaches_a_name_subject_to_the_finite_verb():
    doc = parse("Ingrid Berg skrev rapporten om barnefattigdom i fjor.")
    by_text = {t.text: t for t in doc}
    verb = by_text["skrev"]
    assert verb.tag_ == "verb" and verb.head.i == verb.i and verb.dep_ == "ROOT"  # the finite verb is the root
    (person,) = [e for e in doc.ents if e.label_ == "PER"]
    assert person.text == "Ingrid Berg"
    assert person.root.dep_ == "SUBJ" and person.root.head.i == verb.i
    assert person.root.pos_ == "PROPN" and doc[person.end - 1].dep_ == "FLAT"
    assert by_text["rapporten"].dep_ == "DOBJ" and by_text["rapporten"].head.i == verb.i
    assert by_text["rapporten"].lemma_ == "rapport" and by_text["rapporten"].tag_ == "subst"
    assert by_text["om"].tag_ == "prep" and by_text["barnefattigdom"].head.i == by_text["om"].i


def test_nlp_parse_tags_a_nynorsk_sentence():
    doc = parse("Kommunen har tilsett ein ny rådgjevar i helsetenesta.")
    assert [t.tag_ for t in doc] == ["subst", "verb", "verb", "det", "adj", "subst", "prep", "subst", "clb"]
    assert doc[0].dep_ == "SUBJ" and doc[0].head.i == 1


def test_nlp_eval_command_prints_pos_lemma_uas_and_las():
    from velferdsgraf.graph.ner.cli_commands import eval_ner_command

    result = CliRunner().invoke(eval_ner_command, [str(FIXTURES / "syntax.ndt.conllu")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    (syntax,) = [line for line in lines if line.startswith("tokens=")]
    values = dict(item.split("=") for item in syntax.split())
    assert values["tokens"] == "21"
    assert set(values) == {"tokens", "pos_acc", "lemma_acc", "uas", "las"}
    assert 0.6 < float(values["las"]) <= float(values["uas"]) <= 1.0  # short, plain sentences
    assert float(values["pos_acc"]) > 0.8
    assert re.fullmatch(r"ents_f=\d\.\d{3}", lines[-1])
