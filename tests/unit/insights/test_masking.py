"""Contact details never reach the report or the review; sender ids are hashed."""

from __future__ import annotations

import pytest

from insights.masking import hashed, mask


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("write to ann.lee+jobs@example.co.uk please", "write to [email] please"),
        ("see https://example.com/jobs?id=3 and www.example.org", "see [url] and [url]"),
        ("my site is annlee.dev", "my site is [url]"),
        ("call +1 (415) 555-0100 or 020 7946 0958", "call [phone] or [phone]"),
        ("call +49 30 1234567", "call [phone]"),
        # What people say about careers stays readable: years, ranges, salaries, ages.
        ("growth 2022-2032 for $120,000 at 35", "growth 2022-2032 for $120,000 at 35"),
        ("I earn 85000 in 2024", "I earn 85000 in 2024"),
    ],
)
def test_contact_details_are_masked(said: str, shown: str) -> None:
    assert mask(said) == shown


def test_sender_ids_are_hashed_stably_and_unrecognisably() -> None:
    assert hashed("+14155550100") == hashed("+14155550100") != hashed("+14155550101")
    assert "4155550100" not in hashed("+14155550100") and len(hashed("x")) == 12
    assert hashed("x", salt="a") != hashed("x", salt="b")
