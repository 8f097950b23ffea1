"""Extensions loaded by the Rasa server itself (see each module's docstring).

Imported for their effect: custom actions time out into an apology instead of silence
(action_timeout), and per-turn costs that grow with a conversation are removed (speedups).
"""

from addons import action_timeout, speedups  # noqa: F401
