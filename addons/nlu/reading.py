"""NLU component: one reading of the whole message (careers/reading.py), in the parse data.

Runs after the intent rules. It adds `reading` to the message: its language and its parts
(profile statements, corrections, questions with their roles and aspects), which the actions
read from `tracker.latest_message["reading"]`. The message's intent changes in two cases only:

- several parts: `say_several`, whose one rule runs `action_answer_parts` (actions/reading.py),
  which answers each part in order;
- another language (careers/language.py): `other_language`.

A message with one part keeps the intent it had, so single questions are read as before. The
language models are loaded when the model loads (about 70 MB, measured in BENCHMARKS.md).
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.base import Component
from careers import language, names, reading, stated

# An off-topic verdict this sure stands, as in the intent rules (addons/nlu/intent_rules.py).
SURE_OFF_TOPIC = 0.5


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class WholeMessageReader(Component):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    def __init__(self, config: Dict[str, Any]) -> None:
        language.load()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue  # a button payload says what it is
            self._read(message, text)
        return messages

    def _read(self, message: Message, text: str) -> None:
        intent = message.get(INTENT) or {}
        verdict = language.detect(text)
        if not verdict.english:
            message.set(
                reading.READING,
                {"language": verdict.language, "language_name": verdict.name, "parts": []},
                add_to_output=True,
            )
            self._set_intent(message, names.OTHER_LANGUAGE, 1.0)
            return
        if (
            intent.get("name") == names.OUT_OF_SCOPE
            and float(intent.get("confidence") or 0.0) >= SURE_OFF_TOPIC
        ):
            # "how do I reverse a list in python": naming a skill does not make it a career message.
            message.set(reading.READING, {"language": verdict.language, "parts": []}, add_to_output=True)
            return
        clauses = message.get(reading.CLAUSES) or [
            reading.Clause(
                0, len(text), text, str(intent.get("name") or ""), float(intent.get("confidence") or 0)
            )
        ]
        found = list(message.get(ENTITIES) or [])
        entities = self._with_stated_job(text, found)
        if entities is not found:  # a job said as one's own: the actions read it from the entities
            message.set(ENTITIES, entities, add_to_output=True)
        parts = reading.assemble(text, clauses, entities)
        message.set(
            reading.READING,
            {"language": verdict.language, "parts": [p.as_dict() for p in parts]},
            add_to_output=True,
        )
        choosing = next((p for p in parts if p.intent == names.START_PATH), None)
        if choosing is not None:
            # "... A or B, which should I go for?": the guided path between them, a form of its
            # own (actions/path.py reads the roles from this part).
            self._set_intent(message, names.START_PATH, float(intent.get("confidence") or 0.0))
        elif (
            len(parts) == 1
            and intent.get("name") != parts[0].intent
            and intent.get("name") != names.SAY_SEVERAL
        ):
            # One thing, read otherwise than the model guessed: only something about the person
            # ("I work as a pharmacist": noted, not a question), or the question the reading
            # corrected ("what role for me" is the guided path).
            confidence = float(intent.get("confidence") or 0.0)
            # A statement about oneself is sure enough; a corrected question keeps the model's
            # confidence, so that the fallback still catches what it barely understood.
            self._set_intent(
                message, parts[0].intent, confidence if parts[0].kind == "question" else max(confidence, 0.5)
            )
        elif reading.several(parts):
            confidence = (
                min(c.confidence for c in clauses) if len(clauses) > 1 else intent.get("confidence", 0)
            )
            self._set_intent(message, names.SAY_SEVERAL, max(float(confidence or 0.0), 0.5))
        elif intent.get("name") in (names.SAY_SEVERAL, names.OTHER_LANGUAGE):
            # Learnt from examples, but the reading found one thing in English: the next best.
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent.get("name")
            ]
            if parts and parts[0].intent:
                self._set_intent(message, parts[0].intent, float(intent.get("confidence") or 0.0))
            elif ranking:
                self._set_intent(message, str(ranking[0]["name"]), float(ranking[0]["confidence"]))

    @staticmethod
    def _with_stated_job(text: str, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """ "I've been a plumber for 12 years": a job no list names, kept as the person's job."""
        found = stated.stated_job(text)
        if found is None:
            return entities
        start, end, job = found
        taken = (names.ROLE, names.JOB, names.BACKGROUND)
        if any(e.get("entity") in taken and e["start"] < end and start < e["end"] for e in entities):
            return entities
        job_said = {"entity": names.JOB, "value": job, "start": start, "end": end, "extractor": "reading"}
        return sorted([*entities, job_said], key=lambda e: int(e.get("start", 0)))

    @staticmethod
    def _set_intent(message: Message, name: str, confidence: float) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
        # Above every other guess, or FallbackClassifier reads the ranking as ambiguous.
        best_other = max((float(r.get("confidence") or 0.0) for r in ranking), default=0.0)
        chosen = {"name": name, "confidence": min(1.0, max(confidence, best_other + 1e-6))}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
