"""NLU component: a few plain rules over the classifier's intent, using the entities found.

The linear classifier reads words; the knowledge-base matcher knows what the words *are*.
Cases where the second should correct the first, each seen in the held-out sets:

1. **Terse follow-ups** ("and school?", "money?"): a short message naming an aspect and no
   occupation is a question about that aspect, whatever else the classifier guessed (it has
   little to go on), unless it was sure the message is off-topic.
2. **A role named with an aspect** is not "just a role" (`inform_role`): "data science
   salaries?" asks about salary. Two roles and a comparison word ("vs", "compare") are a
   comparison. "Help me choose" naming one role ("is DS for me?") asks whether it fits.
3. **Everyday requests that are not ours** ("what does assiduous mean?", "who wrote Hamlet?"):
   a career intent the classifier is unsure of needs some evidence of a career question in the
   message (a role, an aspect, an occupation, a scope word, or a career word such as "job"),
   or it is out of scope.
4. **A place or an industry we have figures for** (issue 18): a role named with a BLS area or an
   industry ("data eng comp in Fort Worth") asks about pay there, or about jobs when it counts
   ("how many DBAs in Georgia"), whatever else an unsure classifier guessed; so does a short
   follow-up naming only the place ("what about Denver?", "and in NJ"). A profile statement
   ("I'm a data analyst in Ohio") stays one.

Runs after the intent classifier and before FallbackClassifier, on every message; a handful
of set look-ups, no model.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.base import Component
from careers import cues, names, reading

ASPECT_PREFIX = names.ASK_ROLE_PREFIX
OUT_OF_SCOPE = names.OUT_OF_SCOPE
# Intents that answer a career question: these need evidence when the classifier is unsure.
CAREER_INTENTS = {
    names.COMPARE_ROLES,
    names.INFORM_ROLE,
    names.ASK_SOURCES,
    names.START_PATH,
    names.ASK_OTHER_ROLE,
}
# Words that make a message about careers even with no role or aspect named.
CAREER_WORDS = {
    "career", "careers", "job", "jobs", "role", "roles", "profession", "position", "field", "path",
    "paths", "data", "ml", "ai", "analyst", "analytics", "engineer", "engineers", "engineering",
    "scientist", "scientists", "science", "tech", "they", "them", "their", "those", "these",
    "other", "one", "choose", "pick", "decide", "recommend", "suit", "fit", "sources", "source",
    "figures", "numbers", "statistics", "stats", "work", "working", "become", "learn",
}  # fmt: skip
# Words of a question about where jobs are, not about a kind of skill.
WHERE_WORDS = {
    "state",
    "states",
    "city",
    "cities",
    "metro",
    "metros",
    "where",
    "employs",
    "employ",
    "area",
    "areas",
}
# "why data scientist rather than ML engineer?" asks why not, whatever it sets side by side.
NOT_COMPARED = {names.COMPARE_ROLES, names.ASK_WHY_NOT}
# What a person says about themselves (feature `guidance`): kept when it names a skill.
PROFILE_INTENTS = {names.TELL_SKILLS, names.FORGET_SKILL, names.RESET_PROFILE, names.ASK_PROFILE}
FIRST_PERSON = {"i", "i'm", "me", "my", "myself"}
SHORT = 4  # words in a terse follow-up
SURE = 0.5  # an off-topic verdict at least this confident stands even with an aspect word in it
# Issue 18: pay and jobs by place.
PAY_INTENTS = {
    names.ask_role("salary"),
    names.ask_role("outlook"),
    names.ASK_JOBS_WHERE,
    names.COMPARE_ROLES,
    names.RANK_ROLES,
}
PLACE_FOLLOW_UP = 6  # words in a follow-up naming a place ("and what about Denver then?")
FOLLOW_UP_CUES = ("and", "what about", "how about", "what of", "same for", "same in", "now")
COUNT_WORDS = ("how many", "number of", "headcount", "employed", "employment")
# The classifier's confidence, at least, of a pay question the entities prove (above the
# FallbackClassifier's threshold: a role and a BLS area leave no doubt what is asked).
PROVEN = 0.5
# "what's a BI analyst?", "what is an MLE": asks what the role is.
DEFINITION = re.compile(r"^\s*(what'?s|whats|what is|what are|what r)\s+(an?\s+)?")
_WORD = re.compile(r"[a-z0-9+#']+")


@dataclass(frozen=True)
class Decision:
    intent: str
    confidence: float


# Words a terse follow-up wraps around a place, level, employer or year ("and what about in X?").
FOLLOW_UP_WORDS = {
    "and",
    "in",
    "at",
    "for",
    "what",
    "about",
    "how",
    "ok",
    "so",
    "then",
    "there",
    "the",
    "a",
    "an",
    "or",
}
SCOPE_KINDS = {names.PLACE, names.SENIORITY, names.EMPLOYER, names.YEAR}


def _only_a_scope_follow_up(entities: Sequence[Dict[str, Any]], text: str) -> bool:
    """Whether the message is nothing but a place (level, employer, year) and follow-up words."""
    scope = [e for e in entities if e.get("entity") in SCOPE_KINDS]
    if not scope or any(e.get("entity") not in SCOPE_KINDS for e in entities):
        return False
    rest = text.lower()
    for entity in sorted(scope, key=lambda e: -int(e.get("start", 0))):
        rest = rest[: int(entity.get("start", 0))] + " " + rest[int(entity.get("end", 0)) :]
    return set(_WORD.findall(rest)) <= FOLLOW_UP_WORDS


def decide(
    intent: str, confidence: float, entities: Sequence[Dict[str, Any]], text: str, threshold: float
) -> Decision | None:
    """The corrected intent, or None to keep the classifier's."""
    words = _WORD.findall(text.lower())
    kinds: dict[str, list[str]] = {}
    for entity in entities:
        kinds.setdefault(entity.get("entity", ""), []).append(str(entity.get("value")))
    roles, aspects = set(kinds.get("role", [])), kinds.get("aspect", [])
    if text.startswith("/"):
        return None  # a button payload: the intent is what the button says
    # "Help me choose between A and B", "A or B, which should I go for?": the guided questions
    # that separate the two (issue 17), not a comparison of their overviews.
    if intent == names.ASK_SKILL_RANKING and WHERE_WORDS & set(words):
        # "which states have the most data engineering jobs?" ranks places, not skills (issue 18).
        return Decision(names.ASK_JOBS_WHERE, confidence)
    if {"proxy", "proxies"} & set(words) and intent != names.ASK_SOURCES:
        # "is that the real AI engineer salary or some kind of proxy?" asks where a figure is from.
        return Decision(names.ASK_SOURCES, max(confidence, PROVEN))
    if len(roles) == 1 and not aspects and _defines(entities, text):
        return Decision(names.OVERVIEW_INTENT, max(confidence, PROVEN))  # "what's a BI analyst?"
    if cues.move_asked(intent, text, len(roles), False):  # "can ML engineers pivot to MLOps?"
        # "would MLE be a sensible next step after DS?": two roles and a move weighed leave no
        # doubt, where the model alone may stay under the fallback threshold.
        weighed = len(roles) == 2 and cues.weighs_a_move(text)
        return Decision(names.ASK_TRANSITION, max(confidence, PROVEN) if weighed else confidence)
    if cues.choosing_between(set(words), len(roles)):
        return Decision(names.START_PATH, confidence) if intent != names.START_PATH else None
    role_starts = [int(e.get("start", 0)) for e in entities if e.get("entity") == names.ROLE]
    comparing = cues.COMPARISON_WORDS & set(words) or cues.COMPARE_CUE.search(text.lower())
    if len(roles) >= 2 and comparing and intent != names.COMPARE_ROLES:
        return Decision(names.COMPARE_ROLES, confidence)
    # "what about compared with statisticians?", "how does that look next to dba": one role,
    # compared with the one in focus.
    if len(roles) == 1 and cues.sets_beside(text, role_starts) and intent not in NOT_COMPARED:
        return Decision(names.COMPARE_ROLES, confidence)
    # "forget SQL" names the skill to forget; "forget everything about me" names none.
    if intent == names.RESET_PROFILE and "skill" in kinds:
        return Decision(names.FORGET_SKILL, confidence)
    if intent == names.FORGET_SKILL and "skill" not in kinds:
        return Decision(names.RESET_PROFILE, confidence)
    # A role after "I'm a ..." is the person's background (addons/nlu/skill_reader.py), not a question.
    if "background" in kinds and intent == names.INFORM_ROLE:
        return Decision(names.TELL_SKILLS, confidence)
    if aspects and intent == names.INFORM_ROLE:
        return Decision(ASPECT_PREFIX + aspects[0], confidence)
    if len(roles) == 1 and intent == names.START_PATH:
        return Decision(ASPECT_PREFIX + "fit", confidence)  # "is DS for me?" asks about one role
    # "no statistics" names a skill the person lacks ("statistics" is an aspect keyword too);
    # "clear my skills" is about the person's own skills, not a role's.
    told = intent in PROFILE_INTENTS and ("skill" in kinds or bool(FIRST_PERSON & set(words)))
    terse = len(words) <= SHORT and aspects and not roles and "job" not in kinds and not told
    sure_off_topic = intent == OUT_OF_SCOPE and confidence >= SURE
    if (
        terse
        and not intent.startswith(ASPECT_PREFIX)
        and intent != names.COMPARE_ROLES
        and not sure_off_topic
    ):
        return Decision(ASPECT_PREFIX + aspects[0], confidence)
    if _only_a_scope_follow_up(entities, text) and not told:
        # "and in Brazil?", "in Germany?": the question before, asked of that place (or level,
        # employer, year): the role and aspect in focus answer it, with what the figures cover.
        return Decision(names.INFORM_ROLE, max(confidence, SURE)) if intent != names.INFORM_ROLE else None
    paid = _pay_by_place(intent, confidence, kinds, words, text, told)
    if paid is not None:
        return paid
    career = intent.startswith(ASPECT_PREFIX) or intent in CAREER_INTENTS
    evidence = roles or aspects or kinds.get("job")
    if career and confidence < threshold and not evidence and not CAREER_WORDS & set(words):
        return Decision(OUT_OF_SCOPE, 1.0 - confidence)
    return None


def _defines(entities: Sequence[Dict[str, Any]], text: str) -> bool:
    """ "what's a BI analyst?": the question is the role's name and nothing else."""
    opening = DEFINITION.match(text.lower())
    role = next((e for e in entities if e.get("entity") == names.ROLE), None)
    return (
        opening is not None
        and role is not None
        and opening.end() == int(role["start"])
        and not text[int(role["end"]) :].strip(" ?!.")
    )


def _pay_by_place(
    intent: str, confidence: float, kinds: Dict[str, List[str]], words: List[str], text: str, told: bool
) -> Decision | None:
    """Rule 4 (see the module docstring)."""
    areas = [v for v in kinds.get("place", []) if v.startswith("area:")] + kinds.get("industry", [])
    if not areas or "background" in kinds or "skill" in kinds or told:
        return None
    roles = kinds.get("role", [])
    padded = f" {' '.join(words)} "
    counting = any(f" {w} " in padded for w in COUNT_WORDS)
    wanted = names.ASK_JOBS_WHERE if counting else names.ask_role("salary")
    first_person = bool(FIRST_PERSON & set(words)) and "?" not in text
    cue = padded.lstrip().startswith(tuple(f"{c} " for c in FOLLOW_UP_CUES))
    sure_off_topic = intent == OUT_OF_SCOPE and confidence >= SURE
    follow_up = (
        not roles and len(words) <= PLACE_FOLLOW_UP and not first_person and (cue or not sure_off_topic)
    )
    if intent in PAY_INTENTS:
        # A pay question the classifier is unsure of: the role or the follow-up is the evidence.
        return Decision(intent, max(confidence, PROVEN)) if roles or follow_up else None
    if intent.startswith(ASPECT_PREFIX) and not counting:
        return None  # "what skills do data scientists need in Texas?" asks about skills
    if (roles and not first_person) or follow_up:
        return Decision(wanted, max(confidence, PROVEN))
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentRules(Component):
    """Applies `decide` to each message's intent (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # Below this confidence a career intent needs evidence in the message (BENCHMARKS.md).
        return {"evidence_threshold": 0.6}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.threshold = float(config["evidence_threshold"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if not intent.get("name"):
                continue
            decision = decide(
                intent["name"],
                float(intent.get("confidence") or 0.0),
                message.get(ENTITIES) or [],
                message.get(TEXT) or "",
                self.threshold,
            )
            if decision is None:
                continue
            chosen = {"name": decision.intent, "confidence": decision.confidence}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != decision.intent]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        for message in messages:
            self._correct_clauses(message)
        return messages

    def _correct_clauses(self, message: Message) -> None:
        """The same rules for each clause of a message of several, over its own entities."""
        clauses = message.get(reading.CLAUSES)
        if not clauses:
            return
        entities = message.get(ENTITIES) or []
        corrected = []
        for clause in clauses:
            own = [e for e in entities if clause.start <= int(e.get("start", -1)) < clause.end]
            decision = decide(clause.intent, clause.confidence, own, clause.text, self.threshold)
            corrected.append(
                clause if decision is None else dataclasses.replace(clause, intent=decision.intent)
            )
        message.set(reading.CLAUSES, corrected)
