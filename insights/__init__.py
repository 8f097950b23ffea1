"""What people ask and what fails, read from the tracker store (issue 19): `make report` and
`make review`. Reads Rasa's `events` table directly with SQLAlchemy, one conversation at a time."""
