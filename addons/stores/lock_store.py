"""Rasa's Redis lock store, with each change of a lock made atomically across Rasa servers.

Named in endpoints.cluster.yml by its module path (`type: addons.stores.lock_store.AtomicRedisLockStore`),
Rasa's extension point for lock stores; it takes the same keys as `type: redis`.

Why: rasa 3.6's `RedisLockStore` changes a conversation's ticket lock by reading it, changing it
in Python and writing it back. Within one server that is safe (nothing awaits in between); two
servers receiving messages of one conversation at the same moment can both read the same lock,
issue the same ticket number and both run, or one can delete a lock that the other has just
added a ticket to. Here every read-change-write is a Redis transaction on the lock's key
(WATCH/MULTI/EXEC, retried when another server changed the key in between).

Two more changes to how a message waits for its turn:
- A waiting message renews its own ticket each time it looks. Stock Rasa lets a ticket expire
  TICKET_LOCK_LIFETIME seconds after it was issued, waiting or not: when the message ahead of it
  outlived that (its server was killed mid-turn), the waiting ticket expired with it and the
  message waited until the channel gave up (seen: 60 s, then an empty answer).
- It looks every 0.1 s instead of every second, so messages of one conversation sent at once
  follow each other without a second's gap.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
POLL_SECONDS = 0.1
Change = Callable[[TicketLock | None], tuple[TicketLock | None, T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)

    def _change(self, conversation_id: str, change: Change[T]) -> T:
        """Applies `change` to the stored lock in one transaction; a `None` lock is deleted."""
        key = self.key_prefix + conversation_id

        def transaction(pipe: Any) -> T:
            serialised = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(serialised)) if serialised else None
            changed, result = change(lock)
            pipe.multi()
            if changed is None:
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps())
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as error:  # as the stock store: any failure is a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def remove_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, remove_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._finish(conversation_id, ticket_number, delete_when_unused=False)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self._finish(conversation_id, ticket_number, delete_when_unused=True)

    def _finish(self, conversation_id: str, ticket_number: int, delete_when_unused: bool) -> None:
        def remove(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            if delete_when_unused and not lock.is_someone_waiting():
                return None, None
            return lock, None

        self._change(conversation_id, remove)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = POLL_SECONDS,
    ) -> AsyncGenerator[TicketLock, None]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._wait_for_turn(conversation_id, ticket, lock_lifetime, wait_time_in_seconds)
        finally:
            self.cleanup(conversation_id, ticket)

    async def _wait_for_turn(
        self, conversation_id: str, ticket: int, lifetime: float, poll_seconds: float
    ) -> TicketLock:
        def renew(lock: TicketLock | None) -> tuple[TicketLock, TicketLock]:
            lock = lock or TicketLock(conversation_id)
            lock.remove_expired_tickets()
            numbers = [t.number for t in lock.tickets]
            expires = time.time() + lifetime
            if ticket in numbers:
                lock.tickets[numbers.index(ticket)].expires = expires
            else:  # expired all the same (this server stalled), or Redis lost it: queue again
                lock.tickets.insert(bisect.bisect(numbers, ticket), Ticket(ticket, expires))
            return lock, lock

        while True:
            lock = self._change(conversation_id, renew)
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(poll_seconds)
