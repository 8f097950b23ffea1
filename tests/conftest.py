from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.servers import MODEL, Stack, running_stack

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real action server and Rasa server, shared by the tests that talk to them."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make model` (make test trains it first)")
    with running_stack(tmp_path_factory.mktemp("stack")) as running:
        yield running


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave files for people to look at (reports, screenshots)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
