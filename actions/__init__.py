"""Custom actions: thin adapters from Rasa to the pure `careers` package.

The knowledge base (KNOWLEDGE_BASE_DIR or the project's) is loaded and validated when the action
server imports this package at start-up: a broken knowledge-base file stops the server with one
clear error, instead of failing in the middle of a conversation. Every action reads it through
`kb()`, `skill_base()`, `gazetteer()`, `wages()` and `place_names()`, so a test can hand the
actions another one (`use`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Not `from careers import advice`: importing the submodule actions.advice binds the name
# `advice` in this package to it, and load() would then call actions.advice.load.
from careers import advice as careers_advice
from careers import knowledge, places, places_kb, scope, skills_kb, wages_kb
from careers.advice import Advice
from careers.knowledge import KnowledgeBase
from careers.scope import Gazetteer
from careers.skills_kb import SkillBase
from careers.wages_kb import Wages


@dataclass(frozen=True)
class Knowledge:
    kb: KnowledgeBase
    skills: SkillBase
    gazetteer: Gazetteer
    advice: Advice
    wages: Wages  # the imported BLS OEWS figures (issue 18)
    places: places.Gazetteer  # the BLS areas' names


def load(directory: Path | str | None = None) -> Knowledge:
    """Every file of the knowledge base in `directory` (default: the configured one), validated."""
    directory = Path(directory or knowledge.configured_dir())
    kb = knowledge.load(directory)
    base = skills_kb.load(directory, kb)
    figures = wages_kb.load(directory, kb)
    return Knowledge(
        kb=kb,
        skills=base,
        gazetteer=scope.load(directory),
        advice=careers_advice.load(directory, base),
        wages=figures,
        places=places_kb.load(directory, figures.areas, kb),
    )


_current: Knowledge | None = None


def use(loaded: Knowledge | None) -> None:
    """Makes the actions answer from `loaded` (None: the configured knowledge base again)."""
    global _current
    _current = loaded


def current() -> Knowledge:
    global _current
    if _current is None:
        _current = load()
    return _current


def kb() -> KnowledgeBase:
    return current().kb


def skill_base() -> SkillBase:
    return current().skills


def gazetteer() -> Gazetteer:
    return current().gazetteer


def advice_words() -> Advice:
    return current().advice


def wages() -> Wages:
    return current().wages


def place_names() -> places.Gazetteer:
    return current().places


current()  # at the action server's start: a broken knowledge base stops it here
