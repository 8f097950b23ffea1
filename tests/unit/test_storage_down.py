"""addons/storage_down.py: a message that meets a store that is down gets the apology."""

from __future__ import annotations

import inspect

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError

from addons.action_timeout import APOLOGY
from addons.storage_down import _apologise_when_storage_is_down


def test_agent_handle_message_is_wrapped_and_still_what_was_wrapped() -> None:
    # Fails loudly if rasa changes the function this module wraps.
    assert getattr(Agent.handle_message, "wrapped_by_career_guide", False)
    original = Agent.handle_message.__wrapped__
    assert list(inspect.signature(original).parameters) == ["self", "message"]
    assert "self.lock_store.lock(message.sender_id)" in inspect.getsource(original)


class Down(InMemoryTrackerStore):
    async def retrieve(self, sender_id: str) -> None:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise OperationalError("INSERT", {}, Exception("connection refused"))


async def test_the_agents_tracker_store_raises_the_stores_errors_instead_of_forgetting() -> None:
    # Stock rasa: a failed load looks like a new conversation, a failed save goes to memory.
    store = Agent._create_tracker_store(Down(Domain.empty()), Domain.empty())
    assert isinstance(store, FailSafeTrackerStore)
    with pytest.raises(OperationalError):
        await store.retrieve("me")
    with pytest.raises(OperationalError):
        await store.save(DialogueStateTracker("me", []))


@pytest.mark.parametrize(
    "problem",
    [OperationalError("SELECT", {}, Exception("connection refused")), RedisConnectionError("refused")],
)
async def test_a_store_that_is_down_gets_the_apology(problem: Exception) -> None:
    async def failing(_agent: object, _message: UserMessage) -> None:
        raise problem

    out = CollectingOutputChannel()
    await _apologise_when_storage_is_down(failing)(object(), UserMessage("hi", out, "me"))
    assert out.messages == [{"recipient_id": "me", "text": APOLOGY}]


async def test_other_errors_are_not_hidden() -> None:
    async def failing(_agent: object, _message: UserMessage) -> None:
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        await _apologise_when_storage_is_down(failing)(
            object(), UserMessage("hi", CollectingOutputChannel(), "me")
        )
