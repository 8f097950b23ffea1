"""The one apology a person gets when part of the assistant is down (the action server, the
tracker store, the lock store): sent instead of silence, and the next message tries again."""

APOLOGY = "Sorry, I can't answer that right now: part of me is not responding. Please try again in a moment."
