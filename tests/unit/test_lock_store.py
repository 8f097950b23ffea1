"""addons/lock_store.py: two Rasa servers sharing one Redis never get the same ticket, and
finishing one message never drops another's ticket."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from addons.lock_store import AtomicRedisLockStore
from tests.redis import redis_server


@pytest.fixture(scope="module")
def replicas() -> Iterator[list[AtomicRedisLockStore]]:
    with redis_server() as port:
        config = EndpointConfig(
            url="127.0.0.1", port=port, db=1, type="addons.lock_store.AtomicRedisLockStore"
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
