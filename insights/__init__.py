"""Learning from conversations (issue 19): what people ask and what fails (`make report`), the
messages to label (`make review`) and adopting them as training data (`make adopt`). The tracker
store's `events` table is read directly with SQLAlchemy, one conversation at a time."""
