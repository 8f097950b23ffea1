"""Extensions loaded by the Rasa server itself (see each module's docstring)."""

# Imported for its effect: custom actions time out into an apology instead of silence.
from addons import action_timeout  # noqa: F401
