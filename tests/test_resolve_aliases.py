"""Alias tables: the shipped variants, a user's file that forces or forbids merges, and its errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from velferdsgraf.cli import cli
from velferdsgraf.errors import AliasFileError
from velferdsgraf.graph.aliases import parse_aliases, read_alias_file, shipped_aliases
from velferdsgraf.graph.resolve import resolve
from velferdsgraf.graph.types import EntityType, Extraction, Mention

ORGN, PERSON = EntityType.ORGANISATION, EntityType.PERSON


def mention(doc: str, start: int, surface: str, etype: EntityType = ORGN, name: str | None = None,
            attrs: tuple[tuple[str, str], ...] = ()) -> Mention:
    return Mention(doc, start, start + len(surface), etype, surface, name or surface, "patterns", attrs)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the file format


def test_aliases_csv_with_header_comments_quotes_and_types(tmp_path):
    path = write(tmp_path, "a.csv", "# my corrections\nname,canonical,type\n\n"
                 '"Barne-, ungdoms- og familiedir.","Barne-, ungdoms- og familiedirektoratet",Organisation\n'
                 "Siljvia Seres,Silvija Seres\nNAV Lier, !NAV Drammen\n")
    table = read_alias_file(path)
    force, plain, forbid = table.rules
    assert (force.name, force.canonical, force.type, force.origin) == (
        "Barne-, ungdoms- og familiedir.", "Barne-, ungdoms- og familiedirektoratet", ORGN, "a.csv:4")
    assert (plain.type, plain.forbid) == (None, False)
    assert (forbid.name, forbid.canonical, forbid.forbid, forbid.origin) == ("NAV Lier", "NAV Drammen", True, "a.csv:6")


def test_aliases_tsv_by_suffix_and_by_content(tmp_path):
    for name in ("a.tsv", "a.txt"):
        table = read_alias_file(write(tmp_path, name, "Nav, Lier\tNAV Lier\n"))
        assert [(r.name, r.canonical) for r in table.rules] == [("Nav, Lier", "NAV Lier")]


def test_aliases_short_names_match_with_case_long_names_without():
    table = parse_aliases("LO,Landsorganisasjonen i Norge\nVelferdsetaten,Arbeids- og velferdsetaten\n", "x.csv")
    assert table.forced(ORGN, "LO") and not table.forced(ORGN, "Lo")
    assert table.forced(ORGN, "VELFERDSETATEN").canonical == "Arbeids- og velferdsetaten"
    assert table.forced(ORGN, "«Velferdsetaten»").canonical == "Arbeids- og velferdsetaten"  # quotes dropped


def test_aliases_type_limits_a_rule():
    table = parse_aliases("Dam,Stiftelsen Dam,Organisation\n", "x.csv")
    assert table.forced(ORGN, "Dam") and table.forced(PERSON, "Dam") is None


@pytest.mark.parametrize("text, line, reason", [
    ("a,b\nfoo\n", 2, "expected 2 or 3 columns"),
    ("a,b,Organisation,x\n", 1, "expected 2 or 3 columns"),
    ("name,canonical\n,Kari Nordmann\n", 2, "must not be empty"),
    ("Kari Nordmann,!\n", 1, "must not be empty"),
    ("Kari Nordmann,Kari  nordmann\n", 1, "alias of itself"),
    ("Kari,Kari Nordmann,Persn\n", 1, "unknown type 'Persn'"),
    ("Kari N,Kari Nordmann\nKari N,Kari Hansen\n", 2, "already an alias of 'Kari Nordmann'"),
    ("Kari N,Kari Nordmann\nKari N,!Kari Nordmann\n", 2, "forbids what x.csv:1 forces"),
    ("Kari N,Kari Nordmann\nKari Nordmann,Kari Nordmann-Berg\n", 1, "is itself an alias"),
    ('"Kari,Nordmann\n', 1, "expected 2 or 3 columns"),
])
def test_aliases_bad_line_names_file_and_line(tmp_path, text, line, reason):
    path = write(tmp_path, "x.csv", text)
    with pytest.raises(AliasFileError) as caught:
        read_alias_file(path)
    assert str(caught.value).startswith(f"{path}:{line}: ") and reason in str(caught.value)


def test_aliases_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b\nK\xe5re,Kari\n")
    with pytest.raises(AliasFileError, match=r"x\.csv:2: not UTF-8"):
        read_alias_file(path)


def test_aliases_cli_bad_file_is_one_line_error(tmp_path):
    bad = write(tmp_path, "aliases.csv", "name,canonical\nonly one column\n")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES / "hamar_dialogmote.txt"), "-o", str(tmp_path / "out"),
                                      "--aliases", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"Error: {bad}:2: expected 2 or 3 columns (name, canonical[, type]), found 1"]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_aliases_cli_forced_merge_shows_in_merges_csv(tmp_path):
    aliases = write(tmp_path, "aliases.tsv", "Hamar frivilligsentral\tFrivilligsentralen i Hamar\n")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES / "hamar_dialogmote.txt"), "-o", str(tmp_path),
                                      "--aliases", str(aliases), "--formats", "ttl", "-q"])
    assert result.exit_code == 0, result.output
    merges = (tmp_path / "merges.csv").read_text(encoding="utf-8")
    assert "alias aliases.tsv:1: 'Hamar frivilligsentral' is 'Frivilligsentralen i Hamar'" in merges


# --------------------------------------------------------------------------- effect on resolution


def test_aliases_force_merges_two_names_across_reports():
    table = parse_aliases("Velferdsetaten,Stiftelsen Velferd\n", "mine.csv")
    a = Extraction("a", [mention("a", 0, "Stiftelsen Velferd")])
    b = Extraction("b", [mention("b", 0, "Velferdsetaten")])
    resolution = resolve([a, b], table)
    assert list(resolution.entities) == ["organisation/stiftelsen-velferd"]
    assert resolution.entities["organisation/stiftelsen-velferd"].aliases == ["Velferdsetaten"]
    assert [m.reason for m in resolution.merges] == ["alias mine.csv:1: 'Velferdsetaten' is 'Stiftelsen Velferd'"]


def test_aliases_force_to_a_gazetteer_name_joins_the_gazetteer_entity():
    table = parse_aliases("Velferdsetaten,Arbeids- og velferdsetaten\n", "mine.csv")
    nav = mention("a", 0, "NAV", name="Arbeids- og velferdsetaten", attrs=(("gazetteer_id", "nav"),))
    resolution = resolve([Extraction("a", [nav]), Extraction("b", [mention("b", 0, "Velferdsetaten")])], table)
    (entity,) = resolution.entities.values()
    assert (entity.label, entity.attrs["gazetteer_id"], entity.aliases) == (
        "Arbeids- og velferdsetaten", "nav", ["NAV", "Velferdsetaten"])


def test_aliases_force_overrides_the_gazetteer_reading_of_a_mention():
    table = parse_aliases("Bufetat,Statens barnevern\n", "mine.csv")
    bufdir = "Barne-, ungdoms- og familiedirektoratet"
    x = Extraction("a", [mention("a", 0, "Bufetat", name=bufdir, attrs=(("gazetteer_id", "bufdir"), ("orgnr", "1")))])
    (entity,) = resolve([x], table).entities.values()
    assert (entity.label, entity.attrs) == ("Statens barnevern", {})


def test_aliases_forbid_splits_a_gazetteer_merge():
    bufdir = "Barne-, ungdoms- og familiedirektoratet"
    table = parse_aliases(f'Bufetat,"!{bufdir}"\n', "mine.csv")
    x = Extraction("a", [mention("a", 0, "Bufdir", name=bufdir, attrs=(("gazetteer_id", "bufdir"),)),
                         mention("a", 20, "Bufetat", name=bufdir, attrs=(("gazetteer_id", "bufdir"),))])
    assert len(resolve([x]).entities) == 1
    entities = resolve([x], table).entities
    assert sorted(e.label for e in entities.values()) == ["Barne-, ungdoms- og familiedirektoratet", "Bufetat"]
    split = next(e for e in entities.values() if e.label == "Bufetat")
    assert "gazetteer_id" not in split.attrs  # no orgnr of the body it was kept apart from


def test_aliases_forbid_stops_a_misspelling_match():
    table = parse_aliases("Siljvia Seres,!Silvija Seres,Person\n", "mine.csv")
    a = Extraction("a", [mention("a", 0, "Silvija Seres", PERSON), mention("a", 20, "Silvija Seres", PERSON)])
    b = Extraction("b", [mention("b", 0, "Siljvia Seres", PERSON)])
    assert len(resolve([a, b]).entities) == 1
    assert sorted(resolve([a, b], table).entities) == ["person/siljvia-seres", "person/silvija-seres"]


def test_aliases_user_rule_goes_before_the_shipped_table():
    table = parse_aliases("AVdir,Arbeidsdirektoratet\n", "mine.csv")
    resolution = resolve([Extraction("a", [mention("a", 0, "AVdir")])], table)
    assert [e.label for e in resolution.entities.values()] == ["Arbeidsdirektoratet"]


def test_aliases_shipped_table_joins_abbreviations_to_their_body():
    nav = mention("a", 0, "NAV", name="Arbeids- og velferdsetaten", attrs=(("gazetteer_id", "nav"),))
    resolution = resolve([Extraction("a", [nav]), Extraction("b", [mention("b", 0, "AVdir")])])
    (entity,) = resolution.entities.values()
    assert entity.key == "organisation/arbeids-og-velferdsetaten" and "AVdir" in entity.aliases
    reasons = {m.form: m.reason for m in resolution.merges}
    assert reasons["AVdir"].startswith("alias aliases.tsv:")
    assert reasons["NAV"] == "gazetteer: a name of Arbeids- og velferdsetaten (nav)"


def test_aliases_shipped_lexicon_forms_join_across_reports():
    a = Extraction("a", [mention("a", 0, "NHO")])
    b = Extraction("b", [mention("b", 0, "Næringslivets Hovedorganisasjon")])
    (entity,) = resolve([a, b]).entities.values()
    assert (entity.label, entity.aliases) == ("Næringslivets Hovedorganisasjon", ["NHO"])


def test_aliases_shipped_table_adds_only_what_the_gazetteer_lacks():
    from velferdsgraf.graph.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    table = shipped_aliases()
    assert table.forced(ORGN, "Helsedir").canonical == "Helsedirektoratet"
    own = [r for r in table.rules if r.origin.startswith("aliases.tsv")]
    assert own and all(gaz.organisation(r.name) is None for r in own)
