"""What the report and the review may show of a person: no sender id, no contact details."""

from __future__ import annotations

import hashlib
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|co|uk|de)(?:/\S*)?\b"
)
# A phone number: an optional +, then digits with spaces, dots, dashes or brackets between them.
# Nine digits at least, so that years ("2022-2032") and salaries ("120,000") stay readable.
PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{7,}\d(?![\w])")


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return "[phone]" if digits >= 9 or (match.group(0).startswith("+") and digits >= 7) else match.group(0)


def mask(text: str) -> str:
    """`text` with e-mail addresses, URLs and phone numbers replaced by [email], [url], [phone]."""
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[url]", text)
    return PHONE.sub(_phone, text)


def hashed(sender_id: str, salt: str = "") -> str:
    """A short, stable stand-in for a sender id: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(f"{salt}{sender_id}".encode()).hexdigest()[:12]
