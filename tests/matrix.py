"""Every first question a person can ask, as button payloads: every intent × role × aspect.

Roles and aspects come from the knowledge base and intents from the domain, so a new role file
or intent is covered without a change here. Used by the answer-size test (REST) and by the
Slack limits test.
"""

from __future__ import annotations

import json

import yaml

from careers import knowledge
from careers.knowledge import Figure
from harness.servers import ROOT

KB = knowledge.load()
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
ROLE_INTENTS = [i for i in DOMAIN["intents"] if i.startswith("ask_role_") or i == "inform_role"]


def payload(intent: str, **entities: object) -> str:
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def first_questions() -> list[tuple[str, list[Figure]]]:
    """(message, the figures the knowledge base holds for what it asks)."""
    asked: list[tuple[str, list[Figure]]] = []
    for role in KB.roles.values():
        for intent in ROLE_INTENTS:
            aspect = intent.removeprefix("ask_role_") if intent != "inform_role" else "overview"
            asked.append((payload(intent, role=role.id), list(role.section(aspect).figures)))
    # A comparison of the two founding roles on each aspect (with no roles named, the family is
    # ranked instead: rank_roles below).
    pair = ["data_scientist", "machine_learning_engineer"]
    for aspect in [*KB.aspects, None]:
        figures = [f for r in pair for f in KB.roles[r].section(aspect).figures] if aspect else []
        asked.append((payload("compare_roles", role=pair, **({"aspect": aspect} if aspect else {})), figures))
    others = [i for i in DOMAIN["intents"] if i not in ROLE_INTENTS and i != "compare_roles"]
    asked += [(payload(intent), []) for intent in others]
    return asked
