"""Where people go: the guided path's funnel, the recommendations and what people did next, and
the feedback they gave on each kind of answer (as careers/feedback.py records it).

What marks each step, as the path's actions write it (actions/path.py):
- started: the action `action_start_path` ran;
- a question reached: the assistant said "Question N of M: <the question of knowledge_base/path.yml>";
- a result: the slot `path_result` was set to a role (by `action_recommend_path`);
- left: a path that ended without a result (the conversation stopped, or the path was started
  again); it is counted at the last question it reached.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from careers import names
from insights.masking import mask

ROOT = Path(__file__).resolve().parent.parent
START_ACTION = "action_start_path"
RESULT_SLOT = "path_result"
FEEDBACK_SLOT = "feedback"
FEEDBACK_INTENT = "feedback"
QUESTION = re.compile(r"^Question (\d+) of (\d+): (.*)", re.DOTALL)
BEFORE_FIRST = "before the first question"
LEFT = "left"
# What a person did right after a recommendation, by the intent of their next message.
NEXT_STEPS = {
    names.ASK_SKILL_GAP: "asked the gap",
    names.COMPARE_ROLES: "compared",
    names.ASK_WHY_NOT: "asked why not another",
    names.START_PATH: "started over",
    names.START_OVER: "started over",
}
OTHER = "asked something else"


@cache
def questions(path_file: Path = ROOT / "knowledge_base" / "path.yml") -> tuple[tuple[str, str], ...]:
    """(id, question) of the guided path, in the file's order."""
    data = yaml.safe_load(path_file.read_text(encoding="utf-8"))
    return tuple((str(q["id"]), str(q["ask"])) for q in data["questions"])


def question_id(text: str) -> tuple[int, str] | None:
    """The number and id of the path question a bot message asks, if it asks one."""
    found = QUESTION.match(text)
    if not found:
        return None
    asked = found.group(3)
    for qid, ask in questions():
        if asked.startswith(ask):
            return int(found.group(1)), qid
    return int(found.group(1)), "(unknown question)"


@dataclass
class Journeys:
    started: int = 0
    reached: Counter[int] = field(default_factory=Counter)  # question number → runs reaching it
    reached_ids: Counter[str] = field(default_factory=Counter)
    reached_ids_at: dict[int, Counter[str]] = field(default_factory=dict)  # number → question ids
    results: int = 0
    left_at: Counter[str] = field(default_factory=Counter)  # last question id before leaving
    recommendations: Counter[str] = field(default_factory=Counter)
    next_steps: Counter[str] = field(default_factory=Counter)
    feedback: dict[str, Counter[str]] = field(default_factory=dict)  # kind → up/down
    missing: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, masked text)

    def add(self, events: list[dict[str, Any]]) -> None:
        self._path(events)
        self._feedback(events)

    def _path(self, events: list[dict[str, Any]]) -> None:
        running = False
        numbers: set[int] = set()
        last = BEFORE_FIRST
        awaiting_next = False
        for event in events:
            kind = event.get("event")
            if kind == "action" and event.get("name") == START_ACTION:
                if running:
                    self.left_at[last] += 1
                running, numbers, last = True, set(), BEFORE_FIRST
                self.started += 1
            elif kind == "bot" and running:
                asked = question_id(str(event.get("text") or ""))
                if asked and asked[0] not in numbers:
                    numbers.add(asked[0])
                    self.reached[asked[0]] += 1
                    self.reached_ids[asked[1]] += 1
                    self.reached_ids_at.setdefault(asked[0], Counter())[asked[1]] += 1
                    last = asked[1]
            elif kind == "slot" and event.get("name") == RESULT_SLOT and event.get("value"):
                if running:
                    self.results += 1
                    running = False
                self.recommendations[str(event["value"])] += 1
                awaiting_next = True
            elif kind == "user" and awaiting_next:
                intent = str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
                if intent != FEEDBACK_INTENT:
                    self.next_steps[NEXT_STEPS.get(intent, OTHER)] += 1
                    awaiting_next = False
        if running:
            self.left_at[last] += 1
        if awaiting_next:
            self.next_steps[LEFT] += 1

    def _feedback(self, events: list[dict[str, Any]]) -> None:
        # The rated answer is the latest run of the action named by `kind`: a later value for
        # the same run (the "what was missing?" follow-up, or a changed mind) replaces the first.
        runs: Counter[str] = Counter()
        latest: dict[tuple[str, int], dict[str, Any]] = {}
        for event in events:
            if event.get("event") == "action" and event.get("name"):
                runs[str(event["name"])] += 1
            elif event.get("event") == "slot" and event.get("name") == FEEDBACK_SLOT:
                value = event.get("value")
                if isinstance(value, dict) and value.get("kind") and value.get("rating") in {"up", "down"}:
                    kind = str(value["kind"])
                    latest[(kind, runs[kind])] = value
        for (kind, _), value in latest.items():
            self.feedback.setdefault(kind, Counter())[str(value["rating"])] += 1
            if value.get("missing"):
                self.missing[(kind, mask(str(value["missing"]).strip()))] += 1
