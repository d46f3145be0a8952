"""The ``ner`` extractor's mapping, offsets and chunking, with a rule-based stand-in model."""
from __future__ import annotations

import subprocess
import sys

import pytest

from velferdsgraf.errors import ModelError
from velferdsgraf.graph.extract import get_extractor
from velferdsgraf.graph.extractors import ner as ner_extractor
from velferdsgraf.graph.extractors.ner import NerExtractor, iter_chunks, municipality_candidates
from velferdsgraf.graph.ner import model as ner_model
from velferdsgraf.graph.types import EntityType
from velferdsgraf.input.document import Document

spacy = pytest.importorskip("spacy")

PATTERNS = [
    ("PER", "Kari Nordmann"),
    ("ORG", "Helsedirektoratet"),
    ("EVT", "Arendalsuka"),
    ("GPE_ORG", "Bærums"),
    ("GPE_LOC", "Norge"),
    ("LOC", "Mjøsa"),
    ("PROD", "Husbankens startlån"),
    ("DRV", "bergenseren"),
]
MUNICIPALITIES = {"Bærum": "3201"}


class Record:
    """The fields of a gazetteer MunicipalityRecord the extractor reads."""

    def __init__(self, name: str, code: str) -> None:
        self.name, self.country, self.kommunenummer, self.current_kommunenummer = name, "NO", code, code


def fake_municipality(name: str, at: str | None = None) -> Record | None:
    return Record(name, MUNICIPALITIES[name]) if name in MUNICIPALITIES else None


@pytest.fixture
def ruler_model(monkeypatch):
    """A blank Norwegian pipeline whose entity_ruler emits NorNE labels."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": lab, "pattern": pat} for lab, pat in PATTERNS])
    monkeypatch.setattr(ner_model, "load_model", lambda path=None: nlp)
    return nlp


TEXT = (
    "Kari Nordmann fra Helsedirektoratet snakket på Arendalsuka.\n\n"
    "  Bærums ordfører og bergenseren fra Norge badet i Mjøsa.\n \n"
    "Husbankens startlån hjelper."
)


def test_ner_extractor_maps_labels_and_keeps_offsets(ruler_model):
    doc = Document(id="d1", text=TEXT)
    mentions = NerExtractor(municipality=fake_municipality).extract(doc).mentions
    found = [(m.type, m.surface, m.name) for m in mentions]
    assert found == [
        (EntityType.PERSON, "Kari Nordmann", "Kari Nordmann"),
        (EntityType.ORGANISATION, "Helsedirektoratet", "Helsedirektoratet"),
        (EntityType.EVENT, "Arendalsuka", "Arendalsuka"),
        (EntityType.MUNICIPALITY, "Bærums", "Bærum"),  # genitive stripped for the gazetteer only
    ]
    for m in mentions:
        assert doc.text[m.start : m.end] == m.surface
        assert m.source == "ner" and m.doc_id == "d1"
    assert dict(mentions[-1].attrs)["kommunenummer"] == "3201"


def test_ner_extractor_drops_gpe_without_gazetteer(ruler_model):
    extractor = NerExtractor(municipality=lambda name, at=None: None)
    types = {m.type for m in extractor.extract(Document(id="d", text=TEXT)).mentions}
    assert EntityType.MUNICIPALITY not in types and EntityType.PERSON in types


def test_ner_extractor_offsets_exact_across_many_chunks(ruler_model, monkeypatch):
    monkeypatch.setattr(ner_extractor, "MAX_CHUNK_CHARS", 200)
    paragraph = "Møtet ble ledet av Kari Nordmann, og Helsedirektoratet deltok. " * 7
    text = "Innledning\n\n" + "\n\n".join([paragraph] * 30) + "\n"
    doc = Document(id="long", text=text)
    mentions = NerExtractor(municipality=fake_municipality).extract(doc).mentions
    assert len(mentions) == 2 * 7 * 30
    assert all(text[m.start : m.end] == m.surface for m in mentions)


@pytest.mark.parametrize("max_chars", [10, 37, 1000])
def test_ner_iter_chunks_cover_text_exactly(max_chars):
    text = "Første avsnitt her.\n\n\n  Andre avsnitt\nmed linjeskift og mange ord etter hverandre.\n \n\nSlutt"
    chunks = list(iter_chunks(text, max_chars))
    assert all(text[o : o + len(c)] == c and len(c) <= max_chars for o, c in chunks)
    assert "".join(c for _, c in chunks).split() == text.split()


@pytest.mark.parametrize(
    "name, expected",
    [("Bærums", ["Bærums", "Bærum"]), ("Bærum kommunes", ["Bærum kommunes", "Bærum"]), ("Moss", ["Moss"])],
)
def test_ner_municipality_candidates(name, expected):
    assert municipality_candidates(name) == expected


def test_ner_extractor_is_registered():
    assert isinstance(get_extractor("ner"), NerExtractor)


def test_ner_missing_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="train-ner"):
        NerExtractor(model_path=tmp_path / "nb_norne").extract(Document(id="d", text="Hei."))


def test_ner_import_velferdsgraf_does_not_import_spacy():
    code = "import sys, velferdsgraf, velferdsgraf.graph.extractors.ner, velferdsgraf.graph.ner; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
