"""Reading words typed with a typo or two: "data scietist", "machin learning enginer", "salery".

A phrase (a role name or alias, an aspect keyword) is found in a run of words when every word
is either exact or, for words of five letters or more, within a small edit distance (one edit,
two from eight letters; a swap of two letters counts as one). Short words never bend: "DS"
and "MLE" are matched exactly or not at all, and so is any phrase made only of short words.

Three guards keep a real word from being read as a typo of ours:
- a word the knowledge base itself uses ("learning", "lead") is taken as spelt right;
- the first letter must match (a typo there is rare; "learns" is not "earns");
- an occupation we do not cover ("dentist") that is as close as one of ours blocks the match,
  so an uncovered job never turns into a covered role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz.distance import OSA

from careers.knowledge import KnowledgeBase

MIN_FUZZY_LENGTH = 5
TWO_EDITS_FROM = 8
_WORD = re.compile(r"[a-z][a-z'-]*")


def allowed_edits(word: str) -> int:
    if len(word) < MIN_FUZZY_LENGTH:
        return 0
    return 2 if len(word) >= TWO_EDITS_FROM else 1


def vocabulary(kb: KnowledgeBase) -> frozenset[str]:
    """Every word the knowledge base's own text uses: these are spelt right by definition."""
    texts: list[str] = [*kb.other_jobs, kb.path.intro]
    for role in kb.roles.values():
        texts += [role.name, role.plural, *role.aliases]
        for section in role.sections.values():
            texts += [section.summary, *section.points, section.note or ""]
            texts += [f.what for f in section.figures]
    for aspect in kb.aspects.values():
        texts += [aspect.title, *aspect.keywords]
    for question in kb.path.questions:
        texts += [question.ask, question.why]
        for option in question.options:
            texts += [option.title, option.reason, *option.synonyms]
    return frozenset(w for text in texts for w in _WORD.findall(text.lower()))


@dataclass(frozen=True)
class _Target:
    entity: str
    value: str
    words: tuple[str, ...]
    blocker: bool = False


class FuzzyMatcher:
    """Finds `(entity, value, phrase)` targets typed with typos, in a list of lower-cased tokens."""

    def __init__(
        self,
        targets: Iterable[tuple[str, str, str]],
        blockers: Iterable[str] = (),
        known_words: Iterable[str] = (),
    ) -> None:
        self.known = frozenset(known_words)
        found = [_Target(e, v, tuple(p.lower().split())) for e, v, p in targets]
        found += [_Target("", "", tuple(p.lower().split()), blocker=True) for p in blockers]
        # A phrase of short words only can never match with a typo: leave it to the exact pass.
        # Indexed by (number of words, first letter): the first letter never bends.
        self.targets: dict[tuple[int, str], list[_Target]] = {}
        for target in found:
            if any(allowed_edits(w) for w in target.words):
                self.targets.setdefault((len(target.words), target.words[0][:1]), []).append(target)
        self.lengths = sorted({length for length, _ in self.targets}, reverse=True)

    def _distance(self, typed: Sequence[str], target: _Target) -> int | None:
        """Total edits to read `typed` as `target`, or None when a word is too far off."""
        total = 0
        for word, wanted in zip(typed, target.words, strict=True):
            if word == wanted:
                continue
            edits = allowed_edits(wanted)
            if not edits or word in self.known or word[:1] != wanted[:1]:
                return None
            distance = OSA.distance(word, wanted, score_cutoff=edits)
            if distance > edits:
                return None
            total += distance
        return total

    def find(self, tokens: Sequence[str], taken: set[int]) -> list[tuple[str, str, int, int]]:
        """(entity, value, start, end) token spans, longest phrases first, none overlapping
        `taken` or each other, and none where the typed words are all spelt right already."""
        found: list[tuple[str, str, int, int]] = []
        used = set(taken)
        for length in self.lengths:
            for start in range(len(tokens) - length + 1):
                span = range(start, start + length)
                if not used.isdisjoint(span):
                    continue
                typed = tokens[start : start + length]
                if not any(w.isalpha() and len(w) >= MIN_FUZZY_LENGTH - 1 for w in typed):
                    continue
                best: tuple[int, _Target] | None = None
                for target in self.targets.get((length, typed[0][:1]), ()):
                    distance = self._distance(typed, target)
                    if distance and (
                        best is None or distance < best[0] or (distance == best[0] and target.blocker)
                    ):
                        best = (distance, target)
                if best is None or best[1].blocker:
                    continue
                found.append((best[1].entity, best[1].value, start, start + length))
                used.update(span)
        return found
