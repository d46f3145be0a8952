"""Reading NorNE CoNLL-U and scoring entities (no model needed)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from velferdsgraf.errors import ModelError
from velferdsgraf.graph.ner.conllu import NORNE_LABELS, Sentence, read_conllu
from velferdsgraf.graph.ner.evaluate import format_scores, score_spans

FIXTURES = Path(__file__).parent / "fixtures" / "ner"

UD_SAMPLE = """# sent_id = 1
# text = NAV-kontoret i Asker, sa Kari.
1\tNAV-kontoret\tNAV-kontor\tNOUN\t_\t_\t0\troot\t_\tname=B-ORG
2\ti\ti\tADP\t_\t_\t3\tcase\t_\tname=O
3\tAsker\tAsker\tPROPN\t_\t_\t1\tnmod\t_\tSpaceAfter=No|name=B-GPE_LOC
4-5\tsa'\t_\t_\t_\t_\t_\t_\t_\t_
4\t,\t$,\tPUNCT\t_\t_\t1\tpunct\t_\tname=O
5\tsa\tsi\tVERB\t_\t_\t1\tparataxis\t_\tname=O
6\tKari\tKari\tPROPN\t_\t_\t5\tnsubj\t_\tSpaceAfter=No|name=B-PER
7\t.\t$.\tPUNCT\t_\t_\t1\tpunct\t_\tname=O
"""


def test_ner_conllu_reads_ndt_fixture():
    sentences = list(read_conllu(FIXTURES / "mini.ndt.conllu"))
    assert len(sentences) == 4
    first = sentences[0]
    assert first.sent_id == "000001"
    assert first.entities() == [(0, 2, "PER"), (5, 8, "ORG")]
    assert all(first.spaces)  # NDT files have no SpaceAfter: a space after every token


def test_ner_conllu_reads_ud_spacing_and_skips_ranges(tmp_path):
    path = tmp_path / "ud.conllu"
    path.write_text(UD_SAMPLE, encoding="utf-8")
    (sentence,) = read_conllu(path)
    assert sentence.words == ("NAV-kontoret", "i", "Asker", ",", "sa", "Kari", ".")
    assert sentence.spaces[2] is False and sentence.spaces[1] is True
    assert sentence.entities() == [(0, 1, "ORG"), (2, 3, "GPE_LOC"), (5, 6, "PER")]


@pytest.mark.parametrize(
    "tags, expected",
    [
        (("B-PER", "I-PER", "O"), [(0, 2, "PER")]),
        (("B-PER", "B-PER"), [(0, 1, "PER"), (1, 2, "PER")]),
        (("I-ORG", "I-ORG", "O", "B-LOC"), [(0, 2, "ORG"), (3, 4, "LOC")]),  # lenient IOB
        (("B-PER", "I-ORG"), [(0, 1, "PER"), (1, 2, "ORG")]),
        (("O", "O"), []),
    ],
)
def test_ner_conllu_iob_to_spans(tags, expected):
    sentence = Sentence("x", tuple("w" * len(tags)), (True,) * len(tags), tags)
    assert sentence.entities() == expected


def test_ner_conllu_missing_name_tag_names_file_and_line(tmp_path):
    path = tmp_path / "bad.conllu"
    path.write_text("# sent_id = 1\n1\tHei\thei\t_\t_\t_\t0\troot\t_\t_\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"bad\.conllu:2: no name="):
        list(read_conllu(path))


def test_ner_score_spans_exact_match_per_label():
    gold = [(0, 0, 2, "PER"), (0, 3, 4, "ORG"), (1, 0, 1, "GPE_LOC")]
    predicted = [(0, 0, 2, "PER"), (0, 3, 5, "ORG"), (1, 0, 1, "GPE_ORG")]
    scores = score_spans(gold, predicted)
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 2, 2)
    assert scores.per_label["PER"].f == 1.0
    assert scores.per_label["ORG"].precision == 0.0 and scores.per_label["ORG"].recall == 0.0
    assert scores.per_label["GPE_ORG"].fp == 1 and scores.per_label["GPE_LOC"].fn == 1
    assert scores.ents_f == pytest.approx(1 / 3)


def test_ner_format_scores_lists_all_labels_and_ends_with_ents_f():
    text = format_scores(score_spans([(0, 0, 1, "PER")], [(0, 0, 1, "PER"), (0, 2, 3, "ORG")]))
    lines = text.splitlines()
    assert lines[-1] == "ents_f=0.667"
    assert re.fullmatch(r"ents_f=\d\.\d{3}", lines[-1])
    for label in NORNE_LABELS:
        assert any(line.split()[0] == label for line in lines)
