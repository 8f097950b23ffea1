"""The messages that could not be answered, grouped by similarity (scikit-learn).

Texts are compared by TF-IDF over character n-grams (robust to typos and word forms), then
grouped by average-linkage agglomerative clustering on cosine distance, cut at a distance
threshold so that the number of groups follows the data. That needs the full distance matrix,
so only the `MAX_TEXTS` most frequent distinct texts are grouped (4 million distances, about
32 MB); the report says how many messages that leaves out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from insights.figures import Unanswered

MAX_TEXTS = 2000
# Cosine distance under which two texts join a group: 0.6 keeps "whats the weather" and
# "what is the weather today" together and "weather" apart from "tell me a joke".
DISTANCE = 0.6
NUMBER = re.compile(r"\d+")


def _without_numbers(text: str) -> str:
    """Lower case, every number alike: "flights to 1095" and "flights to 77" ask the same."""
    return NUMBER.sub("0", text.lower())


@dataclass(frozen=True)
class Group:
    count: int  # messages
    texts: int  # distinct texts
    conversations: int
    example: str  # the most frequent text
    reasons: Counter[str]
    guesses: Counter[str]


@dataclass(frozen=True)
class Grouping:
    groups: list[Group]
    left_out_texts: int  # distinct texts beyond MAX_TEXTS
    left_out_messages: int


def _group(members: list[Unanswered]) -> Group:
    members = sorted(members, key=lambda m: (-m.count, m.text))
    reasons: Counter[str] = Counter()
    guesses: Counter[str] = Counter()
    senders: set[str] = set()
    for member in members:
        reasons.update(member.reasons)
        guesses.update(member.guesses)
        senders |= member.senders
    return Group(sum(m.count for m in members), len(members), len(senders), members[0].text, reasons, guesses)


def group(unanswered: Iterable[Unanswered], max_texts: int = MAX_TEXTS) -> Grouping:
    ranked = sorted(unanswered, key=lambda u: (-u.count, u.text))
    kept, rest = ranked[:max_texts], ranked[max_texts:]
    left_out = (len(rest), sum(u.count for u in rest))
    if len(kept) < 2:
        return Grouping([_group([u]) for u in kept], *left_out)

    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    vectors = TfidfVectorizer(
        preprocessor=_without_numbers,
        analyzer="char_wb",
        ngram_range=(3, 5),
        sublinear_tf=True,
    ).fit_transform([u.text for u in kept])
    labels = AgglomerativeClustering(
        n_clusters=None, affinity="precomputed", linkage="average", distance_threshold=DISTANCE
    ).fit_predict(cosine_distances(vectors))
    members: dict[int, list[Unanswered]] = {}
    for label, item in zip(labels, kept, strict=True):
        members.setdefault(int(label), []).append(item)
    groups = sorted((_group(m) for m in members.values()), key=lambda g: (-g.count, g.example))
    return Grouping(groups, *left_out)
