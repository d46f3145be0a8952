"""Shared fixtures: paths to the repository's examples and to ../shared when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "reports"
EVALSET = REPO / "tests" / "data" / "evalset"


@pytest.fixture(scope="session")
def shared_samples() -> Path:
    """../shared/samples (the five real reports and their gold); skips when absent."""
    samples = SHARED / "samples"
    if not (samples / "gold").is_dir():
        pytest.skip(f"needs the sample reports in {samples} (../shared beside the repository)")
    return samples
