"""Advice from the knowledge base (feature `advice`, issue 17): roles ranked by one kind of
skill, how long it takes, AI and age. The answers are careers/advice.py's."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import advice_words, kb, skill_base
from actions._common import entity_values
from actions.detail import send
from actions.feedback import answered, asks_feedback
from actions.guidance import profile
from careers import advice, names


def _role(tracker: Tracker) -> str | None:
    named = [r for r in entity_values(tracker, names.ROLE) if r in kb().roles]
    if named:
        return named[0]
    value = tracker.get_slot(names.ROLE)
    return str(value) if value in kb().roles else None


@asks_feedback
class ActionRankBySkill(Action):
    def name(self) -> str:
        return "action_rank_by_skill"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = str(tracker.latest_message.get("text") or "")
        send(dispatcher, advice.skill_ranking(skill_base(), advice_words(), text))
        answered()
        return []


@asks_feedback
class ActionGiveAdvice(Action):
    """How long it takes, will AI replace a role, am I too old: by the intent asked."""

    def name(self) -> str:
        return "action_give_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        role_id, words = _role(tracker), advice_words()
        if intent == names.ASK_DURATION:
            send(dispatcher, advice.duration(skill_base(), words, profile(tracker), role_id))
        elif intent == names.ASK_AI_RISK:
            send(dispatcher, advice.ai_risk(skill_base(), words, role_id))
        else:
            send(dispatcher, advice.age(skill_base(), words, role_id))
        answered()
        return []
