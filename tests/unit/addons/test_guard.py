"""addons/channels/guard.py (with addons/patches/tracker_store_errors.py): a message that meets a
store that is down gets the apology."""

from __future__ import annotations

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError

from addons import patches
from addons.apology import APOLOGY
from addons.channels.guard import apologising


class Down(InMemoryTrackerStore):
    async def retrieve(self, sender_id: str) -> None:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise OperationalError("INSERT", {}, Exception("connection refused"))


async def test_the_agents_tracker_store_raises_the_stores_errors_instead_of_forgetting() -> None:
    patches.install()
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
    async def failing(_message: UserMessage) -> None:
        raise problem

    out = CollectingOutputChannel()
    await apologising(failing)(UserMessage("hi", out, "me"))
    assert out.messages == [{"recipient_id": "me", "text": APOLOGY}]


async def test_other_errors_are_not_hidden() -> None:
    async def failing(_message: UserMessage) -> None:
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        await apologising(failing)(UserMessage("hi", CollectingOutputChannel(), "me"))
