"""Scores the reading of whole messages (careers/reading.py through the trained NLU) on the
held-out set tests/nlu/heldout_whole_message.yml, written before any tuning by someone who had
not read data/: each annotated part (profile statements, corrections, questions with their roles
and aspects, references to what came before) answered, messages with every part answered, no
part answered twice, and no English message taken for another language. Used by
tests/nlu/test_reading.py (the floors) and bench/run.py (the figures in BENCHMARKS.md)."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection, Sequence

import yaml
from rasa.core.agent import Agent

from careers import names, reading
from harness.understanding import ROOT, parse_all, quiet

HELDOUT = ROOT / "tests" / "nlu" / "heldout_whole_message.yml"
# The sets written after the tuning began, each by a helper that had read neither data/ nor the
# code, and what each is worth now (a set tuned on no longer measures new messages).
FRESH = ROOT / "tests" / "nlu" / "heldout_whole_message_fresh.yml"
THIRD = ROOT / "tests" / "nlu" / "heldout_whole_message_third.yml"
FOURTH = ROOT / "tests" / "nlu" / "heldout_whole_message_fourth.yml"
FIFTH = ROOT / "tests" / "nlu" / "heldout_whole_message_fifth.yml"
SIXTH = ROOT / "tests" / "nlu" / "heldout_whole_message_sixth.yml"
SEVENTH = ROOT / "tests" / "nlu" / "heldout_whole_message_seventh.yml"
EIGHTH = ROOT / "tests" / "nlu" / "heldout_whole_message_eighth.yml"
LATER = {
    FRESH: "fresh set, written after the first tuning, tuned on since",
    THIRD: "third set, measured untouched at 0.827 / 0.754, tuned on since (third session)",
    FOURTH: "fourth set, measured untouched at 0.829 / 0.739, tuned on since (third session)",
    FIFTH: "fifth set, measured untouched at 0.768 / 0.638 and 0.790 / 0.674, tuned on since (third session)",
    SIXTH: "sixth set, written by two more helpers while the fifth was tuned on; measured untouched at "
    "0.755 / 0.618 (0.760 / 0.632 once the fifth was tuned on), 0.801 / 0.689 once the intent model read "
    "meaning too (addons/nlu/minilm.py), tuned on since (fourth session)",
    SEVENTH: "seventh set, written by two more helpers (fourth session); measured untouched at "
    "0.894 / 0.847; its misses never read",
    EIGHTH: "eighth set, written by two more helpers (fifth session); measured untouched at 0.935 / 0.894 "
    "(0.916 / 0.862 before seven of its annotations were corrected: see its header); its misses never read",
}
SETS = (HELDOUT, *LATER)
NEWEST = EIGHTH  # the newest set nobody tuned on (the seventh neither)
PART_TARGET, MESSAGE_TARGET = 0.90, 0.85  # issue 17's targets (tests/nlu/test_reading.py has the floors)

# The intents that answer each kind of question of the annotation.
ANSWERED_BY = {
    "compare": {names.COMPARE_ROLES},
    "rank": {names.RANK_ROLES, names.ask_role("salary"), names.ask_role("outlook")},
    "gap": {names.ASK_SKILL_GAP},
    "readiness": {names.ASK_SKILL_GAP, names.ask_role("fit"), names.ASK_CLOSEST_ROLE},
    "roadmap": {names.ASK_ROADMAP},
    "start": {names.ASK_ROADMAP, names.ASK_SKILL_GAP},
    "closest": {names.ASK_CLOSEST_ROLE},
    "options": {names.ASK_CLOSEST_ROLE, names.START_PATH},
    "move": {names.ASK_TRANSITION},
    "choose_between": {names.START_PATH},
    "why_not": {names.ASK_WHY_NOT},
    "source": {names.ASK_SOURCES},
    "duration": {names.ASK_DURATION},
    "ai_risk": {names.ASK_AI_RISK},
    "age": {names.ASK_AGE},
    "skill_ranking": {names.ASK_SKILL_RANKING},
}


# Intents whose answer takes what is missing from the conversation: the aspect in focus (an
# aspect-only or role-only follow-up, a comparison), the figures of the answer before (sources),
# the recommendation (why not), the other role of the last comparison.
CARRIES_ASPECT = {names.INFORM_ROLE, names.ASK_OTHER_ROLE, names.COMPARE_ROLES}
# Intents whose action, with no role named, takes the role in focus: the last one asked about,
# the guided path's recommendation or the closest role answered (the `role` slot; actions/advice.py
# and actions/guidance.py's target_role).
TAKES_ROLE_IN_FOCUS = {
    names.ASK_DURATION, names.ASK_AI_RISK, names.ASK_AGE, names.ASK_SKILL_GAP, names.ASK_ROADMAP,
    names.ASK_TRANSITION,
}  # fmt: skip


# The kinds of question (of the annotation) that a role named alone asks again: those whose
# intents are in actions/roles.py's CARRIED (readiness and a start are answered by the gap).
CARRIED_KINDS = {"gap", "roadmap", "move", "duration", "ai_risk", "start", "readiness"}


def resolved_references(questions: Sequence[dict[str, Any]]) -> set[str]:
    """The kinds of reference to the conversation that the questions read leave to it, so that
    the actions resolve them from the slots: a question missing its role ("what do they earn?",
    a comparison naming one role), missing its aspect ("what about DBAs?"), about the figures
    before ("source?"), the recommendation ("why not X?"), or the other role."""
    found: set[str] = set()
    for question in questions:
        intent, roles = str(question.get("intent") or ""), list(question.get("roles") or [])
        if (intent == names.COMPARE_ROLES and len(roles) < 2) or (
            not roles and (intent.startswith(names.ASK_ROLE_PREFIX) or intent in CARRIES_ASPECT)
        ):
            found.add("previous_role")
        if not roles and intent in TAKES_ROLE_IN_FOCUS:
            found |= {"previous_role", "recommendation"}
        if intent in CARRIES_ASPECT and not question.get("aspects"):
            found.add("previous_aspect")
        if intent == names.ASK_SOURCES:
            found.add("previous_figure")
        if intent == names.ASK_WHY_NOT:
            found.add("recommendation")
        if intent == names.ASK_OTHER_ROLE:
            found.add("other_role")
    return found


@dataclass
class ReadingScore:
    parts: int = 0
    answered: int = 0
    messages: int = 0
    complete: int = 0
    twice: int = 0
    english: int = 0
    english_as_other: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_kind_answered: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def part_rate(self) -> float:
        return self.answered / self.parts if self.parts else 0.0

    @property
    def message_rate(self) -> float:
        return self.complete / self.messages if self.messages else 0.0


def _found(parse: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
    found = parse.get(reading.READING) or {}
    return list(found.get("parts") or []), str(found.get("language") or "en")


def _questions(parse: dict[str, Any], parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The questions read: the parts, or the message's own intent when it holds one part."""
    questions = [p for p in parts if p["kind"] == "question"]
    intent = str((parse.get("intent") or {}).get("name") or "")
    if not questions and intent not in (names.SAY_SEVERAL, names.TELL_SKILLS, ""):
        entities = parse.get("entities") or []
        roles = [e["value"] for e in entities if e["entity"] == names.ROLE]
        aspects = [e["value"] for e in entities if e["entity"] == names.ASPECT]
        questions = [
            {"kind": "question", "intent": intent, "roles": roles, "aspects": aspects, "entities": entities}
        ]
    return questions


def _skills(part: dict[str, Any], polarities: set[str]) -> set[str]:
    return {
        str(e["value"])
        for e in part.get("entities") or []
        if e.get("entity") == names.SKILL and (e.get("polarity") or "has") in polarities
    }


def _answers_question(
    expected: dict[str, Any],
    question: dict[str, Any],
    referring: bool,
    message_roles: set[str],
    carried: Collection[Any] = (),
    own_roles: Collection[str] = (),
) -> bool:
    asks, intent = expected["asks"], str(question.get("intent") or "")
    if asks == "aspect":
        wanted = expected.get("aspect")
        ok = names.aspect_of(intent) == wanted if wanted else names.aspect_of(intent) is not None
        ok = ok or (
            wanted in question.get("aspects", []) and intent in ANSWERED_BY["rank"] | {names.INFORM_ROLE}
        )
        # "same q for data engineers": the aspect in focus, taken from the conversation.
        ok = ok or ("previous_aspect" in carried and intent in CARRIES_ASPECT and not question.get("aspects"))
    elif asks == "compare" and "previous_role" in carried and not question.get("roles"):
        # "and on education?" after a comparison: the roles of the comparison, on that aspect
        # (actions/roles.py answers an aspect with no role in focus for the roles compared).
        wanted = expected.get("aspect")
        ok = intent in ANSWERED_BY["compare"] or (
            names.aspect_of(intent) is not None and (wanted is None or names.aspect_of(intent) == wanted)
        )
    elif (
        asks in CARRIED_KINDS
        and "previous_aspect" in carried
        and intent == names.INFORM_ROLE
        and len(question.get("roles") or []) == 1
        and not question.get("aspects")
    ):
        # "and to ML engineer?" after a gap question: actions/roles.py asks the same again.
        ok = True
    elif asks == "uncovered_role":
        jobs = {str(e["value"]) for e in question.get("entities") or [] if e.get("entity") == names.JOB}
        ok = bool(jobs)
    else:
        ok = intent in ANSWERED_BY.get(asks, set())
    # Roles named elsewhere in the message count: "what do they earn" after "statisticians".
    found_roles = set(question.get("roles") or []) or message_roles
    expected_roles = set(expected.get("roles") or [])
    if asks == "move":
        # A move from the role the writer works in starts there whether the question names it
        # or not (actions/guidance.py: the background is the start): the sets annotate it both
        # ways, [to] (the first three) and [from, to] (from the fourth on).
        found_roles |= set(own_roles)
        expected_roles -= set(own_roles) - set(question.get("roles") or [])
    # "why did you say BI analyst and not data analyst": the action tells the recommended role
    # from the other one (careers/path.py's why_not), so naming both is no other question.
    extra = set(question.get("roles") or []) - expected_roles - (set(own_roles) if asks == "move" else set())
    if extra and not (asks == "why_not" and len(extra) == 1):
        return False
    if (
        not referring
        and asks not in ("why_not", "options", "closest", "source")
        and not expected_roles <= found_roles
    ):
        return False
    return ok


def score(annotations: Sequence[dict[str, Any]], parses: Sequence[dict[str, Any]]) -> ReadingScore:
    result = ReadingScore()
    for message, parse in zip(annotations, parses, strict=True):
        parts, language = _found(parse)
        expected_parts = message.get("parts") or []
        english = message.get("language", "en") == "en"
        if english:
            result.english += 1
            result.english_as_other += language != "en"
        questions = _questions(parse, parts)
        # The same question twice: same intent, roles and aspects (a ranking on pay and one on
        # growth are two questions; so are two kinds of skill, told apart by their clause).
        keys = [
            (
                q.get("intent"),
                tuple(sorted(q.get("roles") or [])),
                tuple(sorted(q.get("aspects") or [])),
                q.get("start") if q.get("intent") == names.ASK_SKILL_RANKING else None,
            )
            for q in questions
        ]
        result.twice += len(keys) - len(set(keys))
        message_roles = {
            str(e["value"]) for e in parse.get("entities") or [] if e.get("entity") == names.ROLE
        }
        # The role the writer works in, said in the message (a background that is a role).
        own_roles = {
            str(e["value"])
            for p in parts
            if p["kind"] == "profile"
            for e in p.get("entities") or []
            if e.get("entity") == names.BACKGROUND and str(e["value"]) in message_roles
        }
        found_references = resolved_references(questions)
        referring = any(p["kind"] == "reference" for p in expected_parts)
        carried = {p.get("refers_to") for p in expected_parts if p["kind"] == "reference"}
        used: set[int] = set()
        all_answered = True
        for expected in expected_parts:
            kind = expected["kind"] if expected["kind"] != "question" else expected["asks"]
            result.parts += 1
            result.by_kind[kind] += 1
            if expected["kind"] == "question" and expected["asks"] == "other_language":
                ok = language != "en"
            elif expected["kind"] == "question":
                match = next(
                    (
                        i
                        for i, q in enumerate(questions)
                        if i not in used
                        and _answers_question(expected, q, referring, message_roles, carried, own_roles)
                    ),
                    None,
                )
                ok = match is not None
                if match is not None:
                    used.add(match)
            elif expected["kind"] == "profile":
                profiles = [p for p in parts if p["kind"] == "profile"]
                if not profiles and str((parse.get("intent") or {}).get("name")) == names.TELL_SKILLS:
                    profiles = [{"entities": parse.get("entities") or []}]
                has = set().union(*(_skills(p, {"has", "hedged"}) for p in profiles)) if profiles else set()
                lacks = set().union(*(_skills(p, {"lacks"}) for p in profiles)) if profiles else set()
                entities = [e for p in profiles for e in p.get("entities") or []]
                backgrounds = {str(e["value"]) for e in entities if e.get("entity") == names.BACKGROUND}
                jobs = {str(e["value"]) for e in entities if e.get("entity") == names.JOB}
                # Heard: at least half of what was said (each skill, and the background or job as
                # one more item), and something noted. A skill we do not list cannot be read;
                # backgrounds.yml has grown since the set was written ("accountant" is now its own
                # background), so a background or job counts when one is kept.
                wanted = set(expected.get("skills_has") or []) | set(expected.get("skills_lacks") or [])
                heard = len(wanted & (has | lacks))
                if expected.get("background") or expected.get("job"):
                    wanted.add("(background)")
                    heard += bool(jobs or backgrounds)
                ok = bool(profiles) and 2 * heard >= len(wanted)
            elif expected["kind"] == "correction":
                corrections = [p for p in parts if p["kind"] == "correction"]
                intent = str((parse.get("intent") or {}).get("name") or "")
                removed = {
                    str(e["value"])
                    for p in corrections
                    for e in p.get("entities") or []
                    if e.get("entity") == names.SKILL
                }
                if intent == names.FORGET_SKILL:
                    removed |= {
                        str(e["value"]) for e in parse.get("entities") or [] if e.get("entity") == names.SKILL
                    }
                # "oh wait, I don't know git": read as a lack, which takes it out of what they know.
                removed |= set().union(
                    set(), *(_skills(p, {"lacks"}) for p in parts if p["kind"] == "profile")
                )
                if intent == names.TELL_SKILLS:
                    removed |= _skills({"entities": parse.get("entities") or []}, {"lacks"})
                ok = set(expected.get("skills_removed") or []) <= removed and bool(removed)
            else:  # reference
                ok = expected["refers_to"] in found_references
            if ok:
                result.answered += 1
                result.by_kind_answered[kind] += 1
            else:
                all_answered = False
                read = [(parse.get("intent") or {}).get("name"), *(q.get("intent") for q in questions)]
                result.misses.append(f"{kind}: {message['text']!r} -> {read}")
        result.messages += 1
        result.complete += all_answered
    return result


def messages(path: Path = HELDOUT) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["messages"])


def evaluate(model: Path | Agent, path: Path = HELDOUT) -> ReadingScore:
    quiet()
    annotations = messages(path)
    agent = model if isinstance(model, Agent) else Agent.load(str(model))
    parses = asyncio.run(parse_all(agent, [m["text"] for m in annotations]))
    return score(annotations, parses)


def report(result: ReadingScore, name: str = "held-out set") -> str:
    lines = [
        f"Whole-message reading, {name} ({result.messages} messages, {result.parts} parts):",
        f"- parts answered: {result.part_rate:.3f} (issue 17 asks {PART_TARGET})",
        f"- messages with every part answered: {result.message_rate:.3f} (issue 17 asks {MESSAGE_TARGET})",
        f"- parts answered twice: {result.twice}",
        f"- English messages taken for another language: {result.english_as_other} of {result.english}",
        "- by kind: "
        + ", ".join(f"{k} {result.by_kind_answered[k]}/{n}" for k, n in sorted(result.by_kind.items())),
    ]
    return "\n".join(lines)
