"""Pay levels as people ask them ("entry level", "senior", "the 25th percentile"), read as the
percentiles of the BLS OEWS figures that answer them, with an honest label: the 10th percentile
is what the lowest-paid tenth of the occupation earn, never a starting salary, and the 90th is
not the pay of a senior title or of a year of experience (BLS publishes no pay by level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

PERCENTILES = ("p10", "p25", "median", "p75", "p90")


@dataclass(frozen=True)
class Level:
    id: str
    percentiles: tuple[str, ...]
    words: tuple[str, ...]  # what people ask, said as a level
    # The same, found in a whole message (no bare "top": "top states"); None: the same as `words`.
    in_text: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.in_text is None:
            object.__setattr__(self, "in_text", self.words)

    @property
    def phrases(self) -> tuple[str, ...]:
        """What a whole message says of this level."""
        return self.in_text if self.in_text is not None else self.words


LEVELS = (
    # One percentile named as such: "the 25th percentile", "the top 10%", "the upper quartile".
    Level(
        "p10",
        ("p10",),
        words=("10th percentile", "bottom 10%", "bottom 10 percent", "lowest 10%", "lowest 10 percent",
               "lowest-paid 10%", "lowest paid 10%", "bottom decile", "bottom tenth"),
    ),
    Level(
        "p25",
        ("p25",),
        words=("25th percentile", "lower quartile", "bottom quartile", "bottom 25%", "bottom 25 percent",
               "lowest 25%", "lowest paid 25%", "lowest-paid 25%", "bottom quarter"),
    ),
    Level(
        "p75",
        ("p75",),
        words=("75th percentile", "upper quartile", "top quartile", "top 25%", "top 25 percent",
               "highest 25%", "best paid 25%", "best-paid 25%", "top quarter"),
    ),
    Level(
        "p90",
        ("p90",),
        words=("90th percentile", "top 10%", "top 10 percent", "highest 10%", "highest 10 percent",
               "highest-paid 10%", "best paid 10%", "best-paid 10%", "top decile", "top tenth"),
    ),
    # What people say of a level of experience: said back as the percentiles, never as its pay.
    Level(
        "low",
        ("p10", "p25"),
        words=("starting", "start", "entry level", "entry-level", "entry", "junior", "beginner", "graduate",
               "new grad", "fresher", "intern", "lowest paid", "lowest-paid", "low end", "bottom", "minimum",
               "starting salary", "starting pay", "fresh graduate", "recent graduate", "recent grad"),
        in_text=("starting", "entry level", "entry-level", "junior", "juniors", "beginner", "beginners",
                 "graduate", "graduates", "new grad", "new grads", "fresher", "freshers", "lowest paid",
                 "lowest-paid", "low end", "first job", "starting out", "just starting", "fresh graduate",
                 "fresh graduates", "recent graduate", "recent graduates", "recent grad", "recent grads",
                 "out of college", "out of school", "just graduated", "no experience"),
    ),
    Level(
        "high",
        ("p75", "p90"),
        words=("top", "senior", "highest paid", "highest-paid", "best paid", "top paid", "top-paid",
               "top end", "high end", "experienced", "lead", "principal", "staff", "maximum"),
        in_text=("senior", "seniors", "highest paid", "highest-paid", "best paid", "best-paid", "top paid",
                 "top-paid", "top earners", "top pay", "top salary", "top salaries", "top end",
                 "high end", "experienced", "principal", "staff", "lead"),
    ),
    Level(
        "middle",
        ("p25", "median", "p75"),
        words=("mid level", "mid-level", "midlevel", "mid career", "mid-career", "middle"),
        in_text=("mid level", "mid-level", "midlevel", "mid career", "mid-career"),
    ),
    # Not a level: every percentile BLS publishes (the detail behind a pay answer).
    Level("all", PERCENTILES, words=()),
)  # fmt: skip
LEVEL_NOTE = (
    "These are percentiles of the whole occupation's pay, not a starting salary or the pay of a "
    "title or a year of experience: BLS publishes no pay by level."
)


def _key(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


def level(word: str) -> Level | None:
    """The level a word (or a level's id) names ("entry level", "Senior", "top", "25th
    percentile", "low"), or None."""
    key = _key(word)
    for found in LEVELS:
        if key == found.id:
            return found
    for found in LEVELS:
        if key in {_key(w) for w in found.words + found.phrases}:
            return found
    return None


def level_in(text: str) -> Level | None:
    """The first level a whole message asks about: "what do junior data analysts make?"; of two
    at one place, the longer ("lowest paid 25%" over "lowest paid")."""
    lowered = " " + " ".join(re.findall(r"[a-z0-9%]+(?:-[a-z]+)?", text.lower())) + " "
    best: tuple[int, int, Level] | None = None
    for found in LEVELS:
        for phrase in found.phrases:
            at = lowered.find(f" {phrase} ")
            if at >= 0 and (best is None or (at, -len(phrase)) < best[:2]):
                best = (at, -len(phrase), found)
    return best[2] if best else None


def level_of(words: Sequence[str], text: str = "") -> Level | None:
    """The level a message asks about, from the level words the NLU found in it, else from its
    whole text."""
    for word in words:
        found = level(word)
        if found is not None:
            return found
    return level_in(text) if text else None


def percentile_phrase(statistic: str, amount: str) -> str:
    """What a percentile means, with its amount: "the lowest-paid 10% earn less than $67,240"."""
    return {
        "p10": f"the lowest-paid 10% earn less than {amount}",
        "p25": f"the lowest-paid 25% earn less than {amount}",
        "median": f"half earn more than {amount} and half less",
        "p75": f"the best-paid 25% earn more than {amount}",
        "p90": f"the best-paid 10% earn more than {amount}",
    }[statistic]
