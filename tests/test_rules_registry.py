"""The rule table (data/rules.tsv) and the rule ids in the code stay in step."""
import re
from importlib.resources import files
from pathlib import Path

import velferdsgraf

PACKAGE = Path(velferdsgraf.__file__).parent
_ID = re.compile(r'rule=f?"([a-z-]+\.[a-z-]+)"|"((?:role|affiliation|participation|located-in|event|initiative|'
                 r'organisation)\.[a-z-]+)"')


def _registered() -> set[str]:
    text = files("velferdsgraf.graph").joinpath("data/rules.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["id", "produces", "reads", "what it states"]
    assert all(len(r) == 4 and all(cell.strip() for cell in r) for r in rows[1:])
    return {r[0] for r in rows[1:]}


def _used() -> set[str]:
    found = set()
    for path in (PACKAGE / "graph").rglob("*.py"):
        for m in _ID.finditer(path.read_text(encoding="utf-8")):
            found.add(m.group(1) or m.group(2))
    return found


def test_every_rule_in_the_code_is_registered():
    assert _used() - _registered() == set()


def test_every_registered_rule_is_used():
    assert _registered() - _used() == set()
