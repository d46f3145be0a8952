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


# hypothesis profiles (tests/test_properties.py): "ci", the default, is short enough for every
# run of the suite; "long" runs at least 10,000 examples per property (README, "Reliability"):
#   python -m pytest -p no:cacheprovider tests/test_properties.py --hypothesis-profile=long
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the property tests skip themselves without hypothesis
    pass
else:
    _SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=_SLOW_OK)
    settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=_SLOW_OK)
    settings.load_profile("ci")
