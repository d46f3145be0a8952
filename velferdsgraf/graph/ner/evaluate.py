"""Score the pipeline on a NorNE-format CoNLL-U file.

NER: exact-match entities, per label. Syntax (joint pipeline): NDT POS accuracy, lemma
accuracy, UAS and LAS over all tokens, punctuation included (as CoNLL 2018 does).
The model reads the gold tokens one sentence at a time.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .conllu import NORNE_LABELS, Sentence, read_conllu
from .model import load_model, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Span = tuple[int, int, int, str]  # (sentence index, first token, end token, label)

#: The label spaCy's parser gives every sentence root.
ROOT_LABEL = "ROOT"


@dataclass(slots=True)
class LabelScore:
    """Counts of exact-match entities for one label (or all of them)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """The number of gold entities."""
        return self.tp + self.fn


@dataclass(slots=True)
class NerScores:
    """Per-label and overall (micro-averaged) exact-match scores."""

    per_label: dict[str, LabelScore] = field(
        default_factory=lambda: {label: LabelScore() for label in NORNE_LABELS}
    )
    overall: LabelScore = field(default_factory=LabelScore)
    sentences: int = 0
    tokens: int = 0

    @property
    def ents_f(self) -> float:
        return self.overall.f


def score_spans(gold: Iterable[Span], predicted: Iterable[Span]) -> NerScores:
    """Compare gold and predicted spans: a hit needs the same tokens and the same label."""
    gold_set, pred_set = set(gold), set(predicted)
    scores = NerScores()
    for spans, attr in ((gold_set & pred_set, "tp"), (pred_set - gold_set, "fp"), (gold_set - pred_set, "fn")):
        for span in spans:
            label_score = scores.per_label.setdefault(span[3], LabelScore())
            setattr(label_score, attr, getattr(label_score, attr) + 1)
            setattr(scores.overall, attr, getattr(scores.overall, attr) + 1)
    return scores


def evaluate_conllu(path: Path, model_path: Path | None = None, *, nlp: Language | None = None) -> NerScores:
    """Score the NER model (default: the shipped one) on a NorNE CoNLL-U file.

    The model reads the file's gold tokens, so the score measures entity recognition,
    not tokenisation. All NorNE labels are reported, also those with no gold entity.
    """
    from spacy.tokens import Doc

    nlp = nlp or load_model(model_path)
    sentences = list(read_conllu(Path(path)))
    docs = (Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces)) for s in sentences)
    gold: list[Span] = []
    predicted: list[Span] = []
    for i, (sentence, doc) in enumerate(zip(sentences, nlp.pipe(docs, batch_size=256))):
        gold.extend((i, start, end, label) for start, end, label in sentence.entities())
        predicted.extend((i, ent.start, ent.end, ent.label_) for ent in doc.ents)
    scores = score_spans(gold, predicted)
    scores.sentences = len(sentences)
    scores.tokens = sum(len(s.words) for s in sentences)
    return scores


def format_scores(scores: NerScores) -> str:
    """A table of P/R/F per label; the last line is exactly ``ents_f=0.xxx``."""
    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F':>6} {'gold':>6}"]
    rows = sorted(scores.per_label.items(), key=lambda kv: (-kv[1].support, kv[0]))
    for label, s in [*rows, ("ALL", scores.overall)]:
        lines.append(f"{label:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f:6.3f} {s.support:6d}")
    lines.append(f"ents_p={scores.overall.precision:.3f} ents_r={scores.overall.recall:.3f}")
    lines.append(f"ents_f={scores.ents_f:.3f}")
    return "\n".join(lines)


@dataclass(slots=True)
class NlpScores:
    """NER scores plus per-token accuracies of the tagger, lemmatizer and parser.

    The accuracies are over all tokens (punctuation included); a component missing
    from the pipeline leaves its accuracy at 0.0. A root found as a root is labelled
    right (spaCy calls every root ``ROOT``; NDT names the clause type, e.g. ``FINV``).
    """

    ner: NerScores = field(default_factory=NerScores)
    tokens: int = 0
    pos_correct: int = 0
    lemma_correct: int = 0
    head_correct: int = 0
    labelled_correct: int = 0

    def _share(self, n: int) -> float:
        return n / self.tokens if self.tokens else 0.0

    @property
    def pos_acc(self) -> float:
        """Share of tokens with the gold NDT POS (column 5)."""
        return self._share(self.pos_correct)

    @property
    def lemma_acc(self) -> float:
        """Share of tokens with the gold lemma (NDT ``$,``-style punctuation lemmas read as the form)."""
        return self._share(self.lemma_correct)

    @property
    def uas(self) -> float:
        """Unlabelled attachment score: share of tokens with the gold head."""
        return self._share(self.head_correct)

    @property
    def las(self) -> float:
        """Labelled attachment score: share of tokens with the gold head and relation."""
        return self._share(self.labelled_correct)


def _count_syntax(scores: NlpScores, sentence: Sentence, doc: Doc) -> None:
    for i, token in enumerate(doc):
        scores.pos_correct += token.tag_ == sentence.pos[i]
        scores.lemma_correct += token.lemma_ == sentence.lemmas[i]
        if token.head.i == sentence.heads[i]:
            scores.head_correct += 1
            # spaCy's parser labels every root ROOT (NDT: FINV, FRAG, ...), so a root counts
            # as labelled right when it is found, as with CoNLL's single "root" label.
            gold = ROOT_LABEL if sentence.heads[i] == i else sentence.deprels[i]
            scores.labelled_correct += token.dep_ == gold
    scores.tokens += len(doc)


def evaluate_nlp(path: Path, model_path: Path | None = None, *, nlp: Language | None = None) -> NlpScores:
    """Score the whole pipeline (default: the shipped one) on a NorNE NDT CoNLL-U file.

    One pass over the file gives the NER scores of :func:`evaluate_conllu` and the POS,
    lemma, UAS and LAS accuracies. Each sentence is one Doc of its gold tokens.
    """
    from spacy.tokens import Doc

    nlp = nlp or load_pipeline(model_path)
    sentences = list(read_conllu(Path(path)))
    docs = (Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces)) for s in sentences)
    gold: list[Span] = []
    predicted: list[Span] = []
    result = NlpScores()
    for i, (sentence, doc) in enumerate(zip(sentences, nlp.pipe(docs, batch_size=256))):
        gold.extend((i, start, end, label) for start, end, label in sentence.entities())
        predicted.extend((i, ent.start, ent.end, ent.label_) for ent in doc.ents)
        if sentence.heads:
            _count_syntax(result, sentence, doc)
    result.ner = score_spans(gold, predicted)
    result.ner.sentences = len(sentences)
    result.ner.tokens = sum(len(s.words) for s in sentences)
    return result


def format_nlp_scores(scores: NlpScores) -> str:
    """The NER table of :func:`format_scores`, then ``pos_acc= lemma_acc= uas= las=``, then ``ents_f=``."""
    ner_lines = format_scores(scores.ner).splitlines()
    syntax = (
        f"tokens={scores.tokens} pos_acc={scores.pos_acc:.3f} lemma_acc={scores.lemma_acc:.3f} "
        f"uas={scores.uas:.3f} las={scores.las:.3f}"
    )
    return "\n".join([*ner_lines[:-1], syntax, ner_lines[-1]])
