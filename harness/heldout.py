"""The held-out phrasings, and what "the same phrasing" means when checking that none of them is
trained on (tests/nlu, and `make adopt` before it adds people's labelled messages to data/).

A held-out phrasing in data/ would measure memory, not understanding: the figures would rise
while people are understood no better. Two texts are the same phrasing when they differ only in
case and spacing (insights.adopt.normalise); a text within NEAR_COPY (difflib ratio) of a
held-out one is a copy with a word changed.
"""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from harness import pay_places, reading_eval, understanding
from insights.adopt import normalise

NEAR_COPY = 0.9
ADVICE = understanding.ROOT / "tests" / "nlu" / "heldout_advice.yml"
# The held-out sets in Rasa's NLU format; the whole-message and pay-places sets have their own.
NLU_SETS = (
    understanding.HELDOUT,
    understanding.OFF_TOPIC,
    understanding.HARD,
    understanding.OFF_TOPIC_EVERYDAY,
    understanding.FAMILY,
    understanding.RANK,
    ADVICE,
)


def training_texts(data: Path = understanding.ROOT / "data" / "nlu") -> dict[str, Path]:
    """Each training example of `data` (normalised) and the file it is in."""
    found: dict[str, Path] = {}
    for file in sorted(data.rglob("*.yml")):
        for message in load_data(str(file)).intent_examples:
            found.setdefault(normalise(message.get("text")), file)
    return found


def whole_messages() -> list[tuple[str, Path]]:
    """The texts of both whole-message sets, with the set each is in."""
    return [(m["text"], path) for path in reading_eval.SETS for m in reading_eval.messages(path)]


def texts() -> dict[str, Path]:
    """Every held-out phrasing (normalised) and the set it belongs to."""
    found: dict[str, Path] = {}
    for path in NLU_SETS:
        found.update((normalise(e.text), path) for e in understanding.examples(path))
    found.update((normalise(t), path) for t, path in whole_messages())
    found.update((normalise(q.text), pay_places.PAY_PLACES) for q in pay_places.questions())
    return found


def near_copy(text: str, held_out: list[str]) -> str | None:
    """The held-out phrasing `text` copies with a word changed, if any (both normalised)."""
    close = get_close_matches(text, held_out, n=1, cutoff=NEAR_COPY)
    return close[0] if close else None
