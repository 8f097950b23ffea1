"""Learning from conversations: the report, the review queue and adopting what people said (issue 19)."""
