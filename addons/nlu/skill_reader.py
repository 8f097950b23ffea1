"""NLU component: what a person says about their skills and background (feature `guidance`).

Adds `skill` entities (a skill id of knowledge_base/skills.yml, with a `polarity`: has, hedged
or lacks), a `background` entity (a background of backgrounds.yml or a role id, when stated as
"I'm a ...", "I work as ...") and `unknown_skill` entities ("I know COBOL": a word we do not list,
as typed). The reading itself is careers.skills.SkillReader, tested without Rasa.

Like the knowledge-base matcher it reads the knowledge base when the model is loaded, so a new
skill alias needs a restart, not a retrain. Listed in config.yml after that matcher.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.base import Component
from careers import skills, skills_kb


def entities(reader: skills.SkillReader, text: str) -> List[Dict[str, Any]]:
    return [
        {
            "entity": mention.kind,
            "value": mention.value,
            "start": mention.start,
            "end": mention.end,
            "confidence_entity": 1.0,
            # Kept in the message's parse data, where actions/guidance.py reads it.
            "polarity": mention.polarity,
        }
        for mention in reader.read(text)
    ]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SkillReader(Component, EntityExtractorMixin):
    """Adds `skill`, `background` and `unknown_skill` entities to each message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # None: KNOWLEDGE_BASE_DIR or the project's, read when the model is loaded.
        return {"knowledge_base": None}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.reader = skills.SkillReader(skills_kb.load(config["knowledge_base"]))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text or text.startswith("/"):
                continue
            found = self.add_extractor_name(entities(self.reader, text))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
