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


# --- NDT syntax: tags, lemmas, heads, deps (the joint pipeline's training data) ---

SYNTAX_FIXTURE = FIXTURES / "syntax.ndt.conllu"


def test_ner_conllu_fills_tags_lemmas_heads_and_deps():
    first, second, _ = read_conllu(SYNTAX_FIXTURE)
    assert first.doc_id == "velferdsgraf_syntax"
    assert first.pos == ("subst", "subst", "verb", "subst", "prep", "subst", "clb")
    assert first.lemmas == ("Ola", "Hansen", "åpne", "konferanse", "i", "Tromsø", ".")  # "$." reads as the form
    assert first.heads == (2, 0, 2, 2, 3, 4, 2)  # 0-based; the root (åpnet) points to itself
    assert first.deprels == ("SUBJ", "FLAT", "FINV", "DOBJ", "ATR", "PUTFYLL", "IP")
    assert first.feats[3] == "appell,mask,be,ent" and first.feats[4] == ""
    assert second.heads[1] == 1 and second.deprels[1] == "FINV"


def test_ner_conllu_head_outside_the_sentence_names_file_and_line(tmp_path):
    path = tmp_path / "bad.conllu"
    path.write_text("1\tHei\thei\t_\tinterj\t_\t0\tFRAG\t_\tname=O\n2\tdu\tdu\t_\tpron\t_\t7\tSUBJ\t_\tname=O\n",
                    encoding="utf-8")
    with pytest.raises(ModelError, match=r"bad\.conllu:2: HEAD '7'"):
        list(read_conllu(path))


def test_ner_conllu_gold_docs_carry_the_syntax():
    spacy = pytest.importorskip("spacy")
    from velferdsgraf.graph.ner.conllu import docs_from_conllu

    vocab = spacy.blank("nb").vocab
    (doc,) = docs_from_conllu(vocab, [SYNTAX_FIXTURE], per_doc=10)  # one source text: one Doc
    assert len(list(doc.sents)) == 3
    ola, hansen, opnet, konferansen = doc[0], doc[1], doc[2], doc[3]
    assert (ola.dep_, ola.head.i) == ("SUBJ", opnet.i) and (hansen.dep_, hansen.head.i) == ("FLAT", 0)
    assert opnet.head.i == opnet.i and opnet.dep_ == "FINV"
    assert (konferansen.tag_, konferansen.lemma_, konferansen.pos_) == ("subst", "konferanse", "NOUN")
    assert str(konferansen.morph) == "Definite=Def|Gender=Masc|Number=Sing"
    assert ola.pos_ == "PROPN"
    assert [(e.text, e.label_) for e in doc.ents] == [("Ola Hansen", "PER"), ("Tromsø", "GPE_LOC"), ("Bodø", "GPE_ORG")]
    singles = docs_from_conllu(vocab, [SYNTAX_FIXTURE], limit=2)
    assert [len(d) for d in singles] == [7, 7]


@pytest.mark.parametrize(
    "pos, feats, expected",
    [
        ("subst", "prop", ("PROPN", "")),
        ("subst", "appell,fem,ub,fl", ("NOUN", "Definite=Ind|Gender=Fem|Number=Plur")),
        ("subst", "prop,gen", ("PROPN", "Case=Gen")),
        ("verb", "pret", ("VERB", "Tense=Past|VerbForm=Fin")),
        ("<komma>", "", ("PUNCT", "")),
        ("inf-merke", "", ("PART", "")),
        ("adj", "komp,<ordenstall>", ("ADJ", "Degree=Cmp")),  # unknown values are dropped
    ],
)
def test_ner_ndt_morph_maps_pos_and_features(pos, feats, expected):
    from velferdsgraf.graph.ner.ndt import ndt_morph

    assert ndt_morph(pos, feats) == expected


def test_ner_syntax_scores_uas_las_pos_and_lemma():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    from velferdsgraf.graph.ner.evaluate import NlpScores, _count_syntax

    first = next(read_conllu(SYNTAX_FIXTURE))
    heads = list(first.heads)
    heads[4] = 2  # "i" attached to the verb instead of "konferansen"
    deps = ["ROOT" if h == i else d for i, (h, d) in enumerate(zip(first.heads, first.deprels))]
    deps[1] = "APP"  # right head, wrong label
    lemmas = [*first.lemmas[:-2], "tromsø", "."]  # one wrong lemma
    doc = Doc(spacy.blank("nb").vocab, words=list(first.words), heads=heads, deps=deps,
              tags=list(first.pos), lemmas=lemmas)
    scores = NlpScores()
    _count_syntax(scores, first, doc)
    assert scores.tokens == 7
    assert scores.uas == pytest.approx(6 / 7)
    assert scores.las == pytest.approx(5 / 7)  # the root labelled ROOT counts as right
    assert scores.pos_acc == 1.0 and scores.lemma_acc == pytest.approx(6 / 7)
