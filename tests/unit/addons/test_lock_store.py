"""addons/stores/lock_store.py: two Rasa servers sharing one Redis never get the same ticket, and
finishing one message never drops another's ticket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from addons.stores.lock_store import AtomicRedisLockStore
from harness.redis import redis_server


@pytest.fixture(scope="module")
def replicas() -> Iterator[list[AtomicRedisLockStore]]:
    with redis_server() as port:
        config = EndpointConfig(
            url="127.0.0.1", port=port, db=1, type="addons.stores.lock_store.AtomicRedisLockStore"
        )
        created = LockStore.create(config)
        assert isinstance(created, AtomicRedisLockStore)  # Rasa loads it by module path
        yield [created, AtomicRedisLockStore(config)]


def test_tickets_issued_at_once_by_two_servers_are_all_different(
    replicas: list[AtomicRedisLockStore],
) -> None:
    with ThreadPoolExecutor(8) as pool:
        tickets = list(pool.map(lambda i: replicas[i % 2].issue_ticket("busy"), range(40)))
    assert sorted(tickets) == list(range(40))
    lock = replicas[0].get_lock("busy")
    assert lock is not None and lock.last_issued == 39


def test_finishing_a_message_keeps_the_others_waiting_and_the_last_removes_the_lock(
    replicas: list[AtomicRedisLockStore],
) -> None:
    first, second = (replicas[i].issue_ticket("pair") for i in (0, 1))
    replicas[0].cleanup("pair", first)
    lock = replicas[1].get_lock("pair")
    assert lock is not None and not lock.is_locked(second)  # the second may run now
    replicas[1].cleanup("pair", second)
    assert replicas[0].get_lock("pair") is None


async def test_a_message_waiting_behind_a_killed_server_gets_its_turn_when_that_ticket_expires(
    replicas: list[AtomicRedisLockStore],
) -> None:
    replicas[0].issue_ticket("orphan", lock_lifetime=0.5)  # its server dies: never cleaned up

    async def wait_for_turn() -> float:
        began = time.monotonic()
        async with replicas[1].lock("orphan", lock_lifetime=0.5) as lock:
            assert lock.now_serving == 1
            return time.monotonic() - began

    # Stock Rasa: this ticket expired with the orphan, and the message waited forever.
    assert 0.4 < await asyncio.wait_for(wait_for_turn(), timeout=10) < 3
    assert replicas[0].get_lock("orphan") is None
