"""The report's figures, added up one conversation at a time into a plain dataclass."""

from __future__ import annotations

import datetime
import functools
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from careers import names
from insights import journeys
from insights.masking import hashed, mask
from insights.store import Conversation
from insights.unanswered import FELL_BACK, LOW_CONFIDENCE, OUT_OF_SCOPE, messages

# The channels people use, by the `input_channel` Rasa records for them.
CHANNELS = {"rest": "REST", "socketio": "widget", "slack": "Slack", "cmdline": "shell"}
ANSWERED = "answered"
OUTCOMES = (ANSWERED, OUT_OF_SCOPE, FELL_BACK, LOW_CONFIDENCE)


def channel_name(input_channel: str) -> str:
    return CHANNELS.get(input_channel, input_channel or "unknown")


def day(timestamp: float) -> str:
    """The UTC date of a timestamp, YYYY-MM-DD (computed once per day: it is asked per message)."""
    return _day(int(timestamp // 86400))


@functools.lru_cache(maxsize=4096)
def _day(number: int) -> str:
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=number)).isoformat()


@dataclass
class Unanswered:
    """Every message with the same (masked) text that could not be answered."""

    text: str
    count: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    guesses: Counter[str] = field(default_factory=Counter)
    senders: set[str] = field(default_factory=set)  # hashed: a group said by many people weighs more


@dataclass
class Figures:
    since: float
    until: float
    conversations: int = 0
    messages: int = 0
    conversations_per_day: Counter[str] = field(default_factory=Counter)
    messages_per_day: Counter[str] = field(default_factory=Counter)
    conversations_per_channel: Counter[str] = field(default_factory=Counter)
    messages_per_channel: Counter[str] = field(default_factory=Counter)
    intents: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    aspects: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    unanswered: dict[str, Unanswered] = field(default_factory=dict)
    path: journeys.Journeys = field(default_factory=journeys.Journeys)
    # Sender ids are only ever held hashed, with a salt of this run: not even a list of known ids
    # hashed the same way can tell who is who.
    salt: str = field(default_factory=lambda: secrets.token_hex(8))

    def add(self, conversation: Conversation) -> None:
        typed = list(messages(conversation.events))
        if not typed:
            return
        first = typed[0]
        self.conversations += 1
        self.conversations_per_day[day(first.timestamp)] += 1
        self.conversations_per_channel[channel_name(first.channel)] += 1
        for message in typed:
            self.messages += 1
            self.messages_per_day[day(message.timestamp)] += 1
            self.messages_per_channel[channel_name(message.channel)] += 1
            self.intents[message.intent or "(none)"] += 1
            self._asked(message.intent, message.entities)
            self.outcomes[message.reason or ANSWERED] += 1
            if message.reason is not None:
                text = mask(message.text.strip())
                group = self.unanswered.setdefault(text, Unanswered(text))
                group.count += 1
                group.reasons[message.reason] += 1
                group.guesses[message.guess] += 1
                group.senders.add(hashed(conversation.sender_id, self.salt))
        self.path.add(conversation.events)

    def _asked(self, intent: str, entities: list[dict[str, Any]]) -> None:
        found: dict[str, set[str]] = {names.ROLE: set(), names.ASPECT: set(), names.PLACE: set()}
        for entity in entities:
            if entity.get("entity") in found and entity.get("value") is not None:
                found[str(entity["entity"])].add(str(entity["value"]))
        aspect = names.aspect_of(intent)
        if aspect:
            found[names.ASPECT].add(aspect)
        self.roles.update(found[names.ROLE])
        self.aspects.update(found[names.ASPECT])
        self.places.update(found[names.PLACE])


def collect(conversations: Iterable[Conversation], since: float, until: float) -> Figures:
    figures = Figures(since, until)
    for conversation in conversations:
        figures.add(conversation)
    return figures
