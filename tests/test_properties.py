"""Property tests (hypothesis): hostile or arbitrary input never crashes a reader, every span
indexes its Document's text, every build is SHACL-conformant, parseable Turtle and independent of
input order, and the linear-time rewrites decide exactly what the quadratic originals decided.

The "ci" profile (tests/conftest.py) runs a few dozen examples per property; the long one
runs 10,000 or more:

    python -m pytest -p no:cacheprovider tests/test_properties.py --hypothesis-profile=long
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="needs hypothesis (pip install -e '.[test]')")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from rdflib import Graph  # noqa: E402

from velferdsgraf.errors import InputError  # noqa: E402
from velferdsgraf.graph import extract as extract_module  # noqa: E402
from velferdsgraf.graph.extract import PRECEDENCE, _compatible, extract, settle_mentions  # noqa: E402
from velferdsgraf.graph.pipeline import build_documents  # noqa: E402
from velferdsgraf.graph.sentences import MAX_SENTENCE, _word_before, sentence_spans  # noqa: E402
from velferdsgraf.graph.types import EntityType, Mention  # noqa: E402
from velferdsgraf.graph.validate import validate  # noqa: E402
from velferdsgraf.graph.windows import windows  # noqa: E402
from velferdsgraf.input import Document, make_document, read_source  # noqa: E402
from velferdsgraf.input.markdown import _strip_comments  # noqa: E402
from velferdsgraf.input.types import Extracted  # noqa: E402
from velferdsgraf.output.merges import neutralise_cell  # noqa: E402
from velferdsgraf.output.turtle import turtle_bytes  # noqa: E402

EXTRACTORS = ("gazetteer", "patterns")  # the statistical model adds minutes, not coverage here

# Report-like text: Norwegian words, names, places, organisations, punctuation and odd characters.
_WORDS = ["Kari", "Nordmann", "Ola", "Hansen", "er", "leder", "i", "NAV", "Asker", "kommune", "Bærum",
          "samarbeider", "med", "Røde", "Kors", "prosjektet", "«Sammen»", "rådgiver", "og", "fra", "bl.a.",
          "f.eks.", "H.", "dr.", "27.", "mars", "2023", "–", "—", "&", "Frivilligsentralen", "barnevernet",
          "Helsedirektoratet", "ved", "sier", "daglig", "Ås", "Øystein", "Ålesund", "KS", "NAV-kontoret"]
_PUNCT = [" ", " ", " ", ". ", ", ", "\n", "\n\n", "! ", "? ", ": ", " (", ") ", "\t", " - "]
report_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_PUNCT),
                                 st.text(min_size=1, max_size=6)), min_size=1, max_size=120).map("".join)


def _document(doc_id: str, text: str) -> Document | None:
    try:
        return make_document(Extracted(text=text), doc_id, Path(f"{doc_id}.txt"), "txt")
    except InputError:  # nothing but white space
        return None


# --- readers -------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx", ".jsonl"])
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_property_readers_never_crash_on_arbitrary_bytes(tmp_path_factory, suffix: str, data: bytes) -> None:
    """Any bytes give documents or one-line failures, never an exception."""
    path = tmp_path_factory.mktemp("r") / f"rapport{suffix}"
    path.write_bytes(data)
    result = read_source(path)
    for failure in result.failures:
        assert isinstance(failure, InputError) and "\n" not in str(failure)
    for doc in result.documents:
        assert doc.text and doc.text == doc.text.strip()


@given(prefix=st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"<html><body>", b"{\"id\": \"a\", \"text\": \""]),
       rest=st.binary(max_size=3000))
def test_property_readers_never_crash_on_damaged_headers(tmp_path_factory, prefix: bytes, rest: bytes) -> None:
    """Files that start like a real .docx/PDF/HTML/JSONL and then go wrong are failures, never crashes."""
    suffix = {b"P": ".docx", b"%": ".pdf", b"<": ".html", b"{": ".jsonl"}[prefix[:1]]
    path = tmp_path_factory.mktemp("r") / f"rapport{suffix}"
    path.write_bytes(prefix + rest)
    result = read_source(path)
    assert all(isinstance(f, InputError) for f in result.failures)


# --- spans ---------------------------------------------------------------------------------

@given(text=report_text)
def test_property_every_span_indexes_the_document_text(text: str) -> None:
    """Mentions, evidence and sentences are spans inside Document.text; a mention's surface is its span."""
    doc = _document("r", text)
    if doc is None:
        return
    extraction = extract(doc, EXTRACTORS)
    n = len(doc.text)
    for m in extraction.mentions:
        assert 0 <= m.start < m.end <= n
        if not m.attr("implicit"):
            assert doc.text[m.start:m.end] == m.surface
    for r in extraction.relations:
        assert 0 <= r.evidence.start <= r.evidence.end <= n
    for start, end in sentence_spans(doc.text):
        assert 0 <= start < end <= n and doc.text[start:end].strip() == doc.text[start:end]
        assert end - start <= MAX_SENTENCE


@given(text=report_text, size=st.integers(min_value=8, max_value=200))
def test_property_windows_cover_the_text_in_order(text: str, size: int) -> None:
    """Long-report windows are consecutive, at most ``size`` long, and join back to the text."""
    doc = Document("r", text)
    parts = list(windows(doc, size))
    assert "".join(p.text for _, p in parts) == text
    assert [o for o, _ in parts] == [sum(len(p.text) for _, p in parts[:i]) for i in range(len(parts))]
    assert len(parts) == 1 or all(len(p.text) <= size for _, p in parts)


# --- builds --------------------------------------------------------------------------------

@given(texts=st.lists(report_text, min_size=1, max_size=3))
def test_property_build_is_conformant_parseable_and_order_free(texts: list[str]) -> None:
    """Any reports build a graph that passes SHACL, round-trips as Turtle, and does not depend on order."""
    docs = [d for i, t in enumerate(texts) if (d := _document(f"rapport-{i}", t)) is not None]
    if not docs:
        return
    forward = build_documents(docs, EXTRACTORS).graph
    report = validate(forward)
    assert report.conforms, report.text
    data = turtle_bytes(forward)
    assert len(Graph().parse(data=data, format="turtle")) == len(forward)
    assert turtle_bytes(build_documents(docs[::-1], EXTRACTORS).graph) == data


@given(ids=st.lists(st.sampled_from(["Rapport 1", "rapport-1", "RAPPORT_1", "ø", "o", "x", "X", "x-1f2a3b",
                                     "Ø", "--", "rapport 1"]), min_size=2, max_size=6, unique=True))
def test_property_report_iris_are_unique_per_id(ids: list[str]) -> None:
    """Ids that slug alike still give one vg:Report each, whatever their order."""
    from velferdsgraf.graph.build import report_iris

    docs = [Document(i, "tekst") for i in ids]
    iris = report_iris(docs)
    assert len(set(iris.values())) == len(ids)
    assert report_iris(docs[::-1]) == iris


# --- linear rewrites decide as the quadratic originals did ----------------------------------

def _retype_quadratic(mentions: list[Mention], text: str) -> list[Mention]:
    """_retype_listed as it was: every model person against every organisation."""
    orgs = sorted((m for m in mentions if m.type is EntityType.ORGANISATION), key=lambda m: m.start)
    result = []
    for m in mentions:
        if m.source == "ner" and m.type is EntityType.PERSON:
            neighbours = [o for o in orgs if 0 < m.start - o.end <= 5 or 0 < o.start - m.end <= 5]
            if [o for o in neighbours if text[min(o.end, m.end):max(o.start, m.start)].strip() in {",", "og", ", og"}]:
                m = Mention(m.doc_id, m.start, m.end, EntityType.ORGANISATION, m.surface, m.name, m.source, m.attrs)
        result.append(m)
    return result


def _settle_quadratic(mentions: list[Mention], text: str) -> list[Mention]:
    """settle_mentions as it was: every candidate against every kept mention."""
    ranked = sorted(
        {m for m in _retype_quadratic(mentions, text) if extract_module.plausible_model_mention(m, text)},
        key=lambda m: (-PRECEDENCE.get(m.source, 0), -(m.end - m.start), m.start, m.type.value, m.name),
    )
    kept: list[Mention] = []
    for mention in ranked:
        if all(_compatible(mention, other) for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end, m.type.value))


@st.composite
def _mentions(draw: st.DrawFn) -> tuple[list[Mention], str]:
    text = draw(report_text)
    n = len(text)
    found = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.integers(0, max(n - 1, 0)))
        end = draw(st.integers(start + 1, min(n, start + 40) if n else start + 1))
        etype = draw(st.sampled_from(list(EntityType)))
        source = draw(st.sampled_from(["patterns", "gazetteer", "ner", ""]))
        surface = text[start:end] or "x"
        found.append(Mention("r", start, end, etype, surface, surface.strip() or "x", source))
    return found, text


@given(case=_mentions())
def test_property_settling_keeps_the_same_mentions_as_before(case: tuple[list[Mention], str]) -> None:
    mentions, text = case
    assert settle_mentions(mentions, text) == _settle_quadratic(mentions, text)


@given(text=st.text(alphabet="ab .\n\t\u00a0«(", max_size=40), data=st.data())
def test_property_word_before_a_full_stop_matches_the_old_regex(text: str, data: st.DataObject) -> None:
    dot = data.draw(st.integers(0, len(text)))
    match = re.compile(r"(\S+)$").search(text, 0, dot)
    assert _word_before(text, dot) == (match.group(1) if match else "")


@given(text=st.text(alphabet="<!->a \n", max_size=60))
def test_property_comment_stripping_matches_the_old_regex(text: str) -> None:
    assert _strip_comments(text) == re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


@given(value=st.text(max_size=30))
def test_property_merges_cells_never_start_a_formula(value: str) -> None:
    cell = neutralise_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.removeprefix("'") == value or cell == value


# --- person linking: the indexed version decides as the all-pairs original did ---------------

def _link_persons_all_pairs(mentions, merges, forbidden=None):  # type: ignore[no-untyped-def]
    """link_persons as it was, comparing every full name with every other."""
    from collections import Counter

    from velferdsgraf.graph.persons import _first_names, one_part_misspelling, tokens

    forbidden = forbidden or (lambda a, b: False)
    counts = Counter(m.name for m in mentions)
    full = sorted({m.name for m in mentions if len(tokens(m.name)) >= 2}, key=lambda n: (-counts[n], -len(n), n))
    canonical: dict[str, str] = {}
    for name in full:
        parts = tokens(name)
        longer = [t for t in full if len(tokens(t)) > len(parts) and tokens(t)[-len(parts):] == parts]
        if len(longer) == 1 and parts[0] not in _first_names() and not forbidden(name, longer[0]):
            canonical[name] = longer[0]
            continue
        for target in full:
            if target == name:
                break
            if target not in canonical and one_part_misspelling(name, target) and not forbidden(name, target):
                canonical[name] = target
                break
    result = {}
    for m in mentions:
        parts = tokens(m.name)
        if len(parts) >= 2:
            result[m] = canonical.get(m.name, m.name)
            if m.name in canonical and tokens(canonical[m.name])[-len(parts):] == parts:
                merges.append((m, f"surnames of the full name {canonical[m.name]!r} in the same report"))
            elif m.name in canonical:
                merges.append((m, f"one-part misspelling of {canonical[m.name]!r} in the same report"))
            continue
        owners = sorted({canonical.get(n, n) for n in full if parts and parts[0] in tokens(n)})
        owners = [o for o in owners if not forbidden(m.name, o)]
        if len(owners) == 1:
            result[m] = owners[0]
            merges.append((m, f"part of the full name {owners[0]!r} in the same report"))
        else:
            result[m] = None
    return result


def _cross_report_spellings_all_pairs(names_by_report, forbidden=None):  # type: ignore[no-untyped-def]
    from collections import Counter

    from velferdsgraf.graph.persons import _outweighs, one_part_misspelling, tokens

    forbidden = forbidden or (lambda a, b: False)
    mentions: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    for names in names_by_report.values():
        listed = [n for n in names if len(tokens(n)) >= 2]
        mentions.update(listed)
        reports.update(set(listed))
    full = sorted(mentions, key=lambda n: (-mentions[n], -reports[n], -len(n), n))
    canonical: dict[str, str] = {}
    targets: set[str] = set()
    for name in full:
        found = [t for t in full if t != name and t not in canonical and one_part_misspelling(name, t)
                 and _outweighs(t, name, mentions, reports) and not forbidden(name, t)]
        if len(found) == 1 and name not in targets:
            canonical[name] = found[0]
            targets.add(found[0])
    return canonical


_NAME_PARTS = ["Kari", "Karri", "Kari-Anne", "Nordmann", "Nordman", "Nordmand", "Ola", "Olla", "Hansen", "Hanssen",
               "Mørch", "Haugen", "Haugen-Berg", "Berg", "Ingvild", "Ingvil", "de", "Vries", "Ås", "Åse", "Aase"]
person_name = st.lists(st.sampled_from(_NAME_PARTS), min_size=1, max_size=4).map(" ".join)


@given(names=st.lists(person_name, min_size=1, max_size=14), forbid=st.booleans())
def test_property_person_linking_decides_as_the_all_pairs_original(names: list[str], forbid: bool) -> None:
    from velferdsgraf.graph.persons import cross_report_spellings, link_persons

    mentions = [Mention("r", 30 * i, 30 * i + len(n), EntityType.PERSON, n, n, "patterns") for i, n in enumerate(names)]
    forbidden = (lambda a, b: {a, b} == {"Kari Nordman", "Kari Nordmann"}) if forbid else None
    new_merges: list = []
    old_merges: list = []
    assert link_persons(mentions, new_merges, forbidden) == _link_persons_all_pairs(mentions, old_merges, forbidden)
    assert new_merges == old_merges
    by_report = {"a": names[: len(names) // 2 + 1], "b": names[len(names) // 3:]}
    assert cross_report_spellings(by_report, forbidden) == _cross_report_spellings_all_pairs(by_report, forbidden)
