"""`import velferdsgraf.input` stays light; each heavy library loads only with its file type."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ["trafilatura", "pypdf", "docx", "charset_normalizer", "lxml"]
FIXTURES = Path(__file__).parent / "fixtures" / "input"


def loaded_after(code: str) -> list[str]:
    """The heavy modules present in a fresh interpreter after running ``code``."""
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def test_imports_package_is_light() -> None:
    assert loaded_after("import velferdsgraf.input") == []


def test_imports_utf8_text_needs_nothing_heavy() -> None:
    code = f"from velferdsgraf.input import read_file\nread_file({str(FIXTURES / 'bom.txt')!r})"
    assert loaded_after(code) == []


def test_imports_cp1252_text_loads_only_charset_normalizer() -> None:
    code = f"from velferdsgraf.input import read_file\nread_file({str(FIXTURES / 'cp1252.txt')!r})"
    assert loaded_after(code) == ["charset_normalizer"]
