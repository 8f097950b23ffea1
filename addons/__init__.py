"""Extensions loaded by the Rasa server itself (see each module's docstring).

Imported for their effect: custom actions time out into an apology instead of silence
(action_timeout), so does a message arriving while PostgreSQL or Redis is down (storage_down),
and per-turn costs that grow with a conversation are removed (speedups). The tracker store
(tracker_store) and the lock store (lock_store) are named in the endpoints files instead.
"""

from addons import action_timeout, speedups, storage_down  # noqa: F401
