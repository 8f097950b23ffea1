"""Reading what a person says about their skills and background (feature `guidance`).

"I know Python but not SQL", "no stats background", "a bit of R", "never used the cloud":
skills are found by a spaCy `PhraseMatcher` on the taxonomy's aliases (knowledge_base/skills.yml,
"pandas" → Python), then the typo-tolerant pass the roles get (careers.spelling), and each
mention gets a polarity from a small window of spaCy tokens around it:

- `lacks`: a negation before it in the same clause ("not", "n't", "no", "never", "zero") or a
  "no" right after it ("R no");
- `hedged`: a hedge ("a bit of", "some", "basic", "learning", "not much", "rusty", "roughly");
- `has`: otherwise.

A clause ends at a comma, "but", "though" and the like, so "Python but not SQL" keeps Python.
A skill named as a goal ("move into ML", "become ...") is not a claim and is left out. A role
or a background after "I'm a", "I work as", "used to be a" is the person's background, and so is a
background alias that is itself in the first person ("I teach", "I work in healthcare"); not a
role sought ("what am I missing for data engineer", "I've been looking for data analyst jobs") nor
one asked about ("would I be a good fit as a data engineer?").

Pure Python + spaCy's blank English tokenizer: the NLU component (addons/nlu/skill_reader.py) and
the unit tests use the same `SkillReader`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import spacy
from spacy.lang.en.lex_attrs import like_num
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from careers import clauses, spelling, words
from careers.skills_kb import SkillBase

HAS, HEDGED, LACKS = "has", "hedged", "lacks"
POLARITIES = (HAS, HEDGED, LACKS)
SKILL, BACKGROUND, UNKNOWN = "skill", "background", "unknown_skill"

WINDOW_BEFORE = 6  # tokens looked at before a mention, within its clause
WINDOW_AFTER = 3
CLAUSE_ENDS = {
    ",", ";", ".", "!", "?", ":", "but", "though", "although", "however", "while", "whereas",
    "yet", "except",
}  # fmt: skip
NEGATIONS = words.NEGATIONS | {
    "zero", "nothing", "none", "neither", "lack", "lacking", "struggle", "struggling", "cannot", "0",
    "terrible", "awful", "hopeless", "bad",
}  # fmt: skip
# "not much", "don't know much": a negated amount is a hedge, not a lack.
SOFTENERS = {"much", "great", "very", "lot", "too", "super", "so", "that", "enough", "strong"}
HEDGES = {
    "bit", "little", "some", "basic", "basics", "learning", "beginner", "rusty", "somewhat",
    "limited", "dabbled", "dabble", "dabbling", "ok", "okay", "slightly", "intro", "introductory",
    "studying", "weak", "roughly", "starting", "decent", "superficial", "ish",
}  # fmt: skip
AFTER_HEDGES = {
    "roughly", "weak", "rusty", "basics", "bit", "somewhat", "ish", "poor", "so-so", "meh", "shaky",
}  # fmt: skip
GOALS = {"become", "into", "switch", "towards", "transition", "move"}
# "I'm a", "I work as a", "used to be a": what follows is the person's background.
BACKGROUND_CUES = {"'m", "m", "am", "im", "i'm", "as", "was", "been"}  # "im a" is "i", "m", "a"
BACKGROUND_WINDOW = 4
# Between a cue and a role, these make the role a goal: "what am I missing for data engineer",
# "I've been looking for data analyst jobs", "I'm trying to become a data scientist".
GOAL_AFTER_CUE = GOALS | {"for", "to", "missing", "need", "needed", "looking", "want", "wanna", "aiming"}
# A cue right after these is the writer speaking of themselves: "I am", "I was", "I've been".
FIRST_PERSON_BEFORE_CUE = {"i", "'ve", "i've", "ive", "have", "had"}
FIRST_PERSON_CUES = {"'m", "m", "im", "i'm"}
# With these a negated role is one the person holds or held: "I'm not just a data analyst", "I'm
# no longer a teacher", "not a nurse anymore" (or "any more").
_NOT_ONLY = {"just", "only", "merely", "simply"}
_NO_LONGER = {"longer", "anymore"}
# "as a <role>" after AIMING_AS is where the person wants to go ("retrain as a data analyst"),
# after EXPERIENCE what they have done ("5 years as a data analyst").
AIMING_AS = words.AIMING_AS
EXPERIENCE = {"years", "yrs", "year", "months", "decade", "decades"}
# With spaCy's like_num ("5", "five", "twelve"): how much of it ("a few years as ...").
COUNT_WORDS = {"a", "few", "several"}
# Verbs after which an unknown word is probably a skill we do not list ("I know COBOL").
KNOW_VERBS = {
    "know", "use", "using", "used", "learned", "learnt", "fluent", "proficient", "skilled",
    "expert", "code", "program", "write",
}  # fmt: skip
MIN_FUZZY_ALIAS = 6  # shorter single-word aliases ("shell", "stats") only match exactly


@dataclass(frozen=True)
class Mention:
    kind: str  # SKILL, BACKGROUND or UNKNOWN
    value: str  # a skill id, a background or role id, or the unknown word as typed
    polarity: str  # HAS / HEDGED / LACKS for skills, HAS otherwise
    start: int  # character offsets in the message
    end: int


def merge(mentions: Iterable[Mention]) -> dict[str, str]:
    """Skill id → polarity for one message. The same skill named twice with two polarities
    ("Docker, but never Kubernetes") keeps the stronger claim: has, then hedged, then lacks."""
    merged: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != SKILL:
            continue
        old = merged.get(mention.value)
        if old is None or POLARITIES.index(mention.polarity) < POLARITIES.index(old):
            merged[mention.value] = mention.polarity
    return merged


def _role_phrases(base: SkillBase) -> dict[str, str]:
    phrases: dict[str, str] = {}
    for role in base.kb.roles.values():
        for phrase in (role.name, role.plural, *role.aliases):
            phrases[phrase.lower()] = role.id
    return phrases


class SkillReader:
    """Finds skills (with polarity), a background and unknown skill words in a message."""

    def __init__(self, base: SkillBase) -> None:
        self.base = base
        self.nlp = spacy.blank("en")
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for skill in base.skills.values():
            self.lower.add(f"{SKILL}:{skill.id}", [self.nlp.make_doc(a) for a in skill.aliases])
            if skill.exact_case:
                self.exact.add(f"{SKILL}:{skill.id}", [self.nlp.make_doc(a) for a in skill.exact_case])
        # Roles are matched so that "ML engineer" is a role, not the skill ML, and so that
        # "I'm a data analyst" is a background.
        roles = _role_phrases(base)
        for phrase, role_id in roles.items():
            self.lower.add(f"{BACKGROUND}:{role_id}", [self.nlp.make_doc(phrase)])
        for background in base.backgrounds.values():
            phrases = [a for a in background.aliases if a not in roles]
            self.lower.add(f"{BACKGROUND}:{background.id}", [self.nlp.make_doc(a) for a in phrases])
        self.fuzzy = spelling.FuzzyMatcher(
            targets=[
                (SKILL, skill.id, alias)
                for skill in base.skills.values()
                for alias in skill.aliases
                if " " in alias or len(alias) >= MIN_FUZZY_ALIAS
            ],
            known_words=spelling.vocabulary(base.kb)
            | {w for s in base.skills.values() for a in s.aliases for w in a.split()}
            | {w for b in base.backgrounds.values() for a in b.aliases for w in a.split()},
        )
        self.known_words = {w for s in base.skills.values() for a in s.aliases for w in a.split()}

    def read(self, text: str) -> list[Mention]:
        doc = self.nlp.make_doc(text)
        spans = self._spans(doc)
        found: list[Mention] = []
        background_found = False
        for span in spans:
            kind, value = span.label_.split(":", 1)
            if kind == BACKGROUND:
                if not background_found and self._stated_as_background(doc, span):
                    found.append(Mention(BACKGROUND, value, HAS, span.start_char, span.end_char))
                    background_found = True
                continue
            polarity = self._polarity(doc, span)
            if polarity is not None:
                found.append(Mention(SKILL, value, polarity, span.start_char, span.end_char))
        found += self._unknown(doc, spans)
        return sorted(found, key=lambda m: m.start)

    def _spans(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=self.nlp.vocab.strings[match_id]))
        taken = {i for span in spans for i in range(span.start, span.end)}
        for entity, value, start, end in self.fuzzy.find([t.lower_ for t in doc], taken):
            spans.append(Span(doc, start, end, label=f"{entity}:{value}"))
        # Longest wins: "machine learning engineer" is a role, "github actions" is CI/CD, not Git.
        return sorted(filter_spans(spans), key=lambda s: s.start)

    @staticmethod
    def _clause_before(doc: Doc, span: Span, size: int) -> list[str]:
        words: list[str] = []
        for token in reversed(doc[max(0, span.start - size) : span.start]):
            if token.lower_ in CLAUSE_ENDS:
                break
            words.insert(0, token.lower_)
        return words

    def _polarity(self, doc: Doc, span: Span) -> str | None:
        before = self._clause_before(doc, span, WINDOW_BEFORE)
        after: list[str] = []
        for token in doc[span.end : span.end + WINDOW_AFTER]:
            if token.lower_ in CLAUSE_ENDS:
                break
            after.append(token.lower_)
        if GOALS & set(before):
            return None  # "move into ML": a goal, not a claim either way
        if "learn" in before and before[before.index("learn") - 1 : before.index("learn")] == ["to"]:
            return LACKS  # "I want to learn SQL"
        negated = bool(NEGATIONS & set(before)) or after[:1] == ["no"] or after[:2] == ["is", "not"]
        if negated:
            return HEDGED if SOFTENERS & set(before + after) else LACKS
        if after[:1] == ["yes"]:
            return HAS
        if HEDGES & set(before) or AFTER_HEDGES & set(after):
            return HEDGED
        return HAS

    def _stated_as_background(self, doc: Doc, span: Span) -> bool:
        if doc[span.start].lower_ == "i":
            return True  # a first-person alias says it all: "I teach", "I work in healthcare"
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        if after[:1] == ["here"]:
            return True  # "Financial analyst here, ..."
        opening = [t.lower_ for t in doc[: span.start]] in ([], ["currently"], ["former"], ["a"], ["an"])
        if opening and after[:1] in ([","], ["with"], ["for"], ["-"]):
            return True  # "DBA with 10 years of SQL Server", "economist, heavy Stata user"
        before = [t.lower_ for t in doc[max(0, span.start - BACKGROUND_WINDOW) : span.start]]
        cues = [i for i, word in enumerate(before) if word in BACKGROUND_CUES]
        if cues:
            cue = cues[-1]
            between = before[cue + 1 :]
            if "promoted" not in between and (between[:1] == ["i"] or GOAL_AFTER_CUE & set(between)):
                return False  # "what am I missing for ...": a question; "been looking for ...": a goal
            if (
                words.NEGATIONS & set(between)
                and not any(
                    n in words.NEGATIONS and w in _NOT_ONLY
                    for n, w in zip(between, between[1:], strict=False)
                )
                and not _NO_LONGER & {*between, *after}
                and after != ["any", "more"]
            ):
                return False  # "I'm not a data scientist (yet)"; "no longer a teacher" still was one
            if before[cue] in FIRST_PERSON_CUES or before[cue - 1 : cue] in (
                [w] for w in FIRST_PERSON_BEFORE_CUE
            ):
                return True  # "I'm a", "I was a", "I've been a"
            # "as a data engineer", with no "I" before it: one's own role ("I work as a data
            # engineer", "when I worked as a nurse"), unless a question asks about being it.
            return not self._asks_about_the_role(doc, span)
        return "used" in before and "be" in before  # "I used to be a marketing analyst"

    def _asks_about_the_role(self, doc: Doc, span: Span) -> bool:
        """ "would I be a good fit as a data engineer?", "am I employable as a DS?", "I want to
        retrain as a data analyst": the role sought; not "when I worked as a nurse" (a wh-word
        before "I" opens a statement) nor "I feel stuck after 5 years as a data analyst"."""
        said = [w for w in self._clause_before(doc, span, span.start) if w not in clauses.FILLERS]
        if not said:
            return False
        if AIMING_AS & set(said):
            return True
        if any(
            w in EXPERIENCE and (like_num(n) or n in COUNT_WORDS)
            for n, w in zip(said, said[1:], strict=False)
        ):
            return False
        return said[0] in clauses.QUESTION_OPENERS and not (
            said[0] in clauses.WH_WORDS and said[1:2] == ["i"]
        )

    def _unknown(self, doc: Doc, spans: Sequence[Span]) -> list[Mention]:
        """A word right after "I know" / "I use" that is no skill we list ("I know COBOL")."""
        covered = {i for span in spans for i in range(span.start, span.end)}
        found = []
        for token in doc:
            if token.lower_ not in KNOW_VERBS:
                continue
            for nxt in doc[token.i + 1 : token.i + 5]:
                word = nxt.lower_
                if word in STOP_WORDS or word in HEDGES or word in NEGATIONS or not nxt.is_alpha:
                    if nxt.i in covered or word in CLAUSE_ENDS:
                        break
                    continue
                if nxt.i not in covered and word not in self.known_words and len(word) > 1:
                    found.append(Mention(UNKNOWN, nxt.text, HAS, nxt.idx, nxt.idx + len(nxt)))
                break
        return found
