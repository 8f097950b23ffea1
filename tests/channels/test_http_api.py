"""The Rasa HTTP API: off by default; when switched on, closed to calls without the token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from harness.servers import Stack, running_stack

TOKEN = "a-long-random-test-token"


@pytest.fixture(scope="module")
def api_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(
        tmp_path_factory.mktemp("api"), rasa_args=("--enable-api", "--auth-token", TOKEN)
    ) as stack:
        yield stack


def test_the_http_api_is_off_by_default(stack: Stack) -> None:
    assert requests.get(f"{stack.url}/status", timeout=10).status_code == 404
    assert requests.get(f"{stack.url}/conversations/someone/tracker", timeout=10).status_code == 404


@pytest.mark.parametrize("path", ["/status", "/conversations/someone/tracker", "/domain"])
def test_calls_without_the_token_are_refused(api_stack: Stack, path: str) -> None:
    assert requests.get(f"{api_stack.url}{path}", timeout=10).status_code in (401, 403)
    wrong = requests.get(f"{api_stack.url}{path}", params={"token": "guess"}, timeout=10)
    assert wrong.status_code in (401, 403)


def test_calls_with_the_token_are_answered(api_stack: Stack) -> None:
    status = requests.get(f"{api_stack.url}/status", params={"token": TOKEN}, timeout=10)
    assert status.status_code == 200
    assert status.json()["model_file"].endswith("career-guide.tar.gz")
