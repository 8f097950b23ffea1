"""NLU component: finds roles, aspects, other occupations and scope words in a message, from the
knowledge base.

The names, aliases and keywords are read from `knowledge_base/` when the model is loaded, not
when it is trained, so a new alias or a new role file needs no retraining: restart the server.
Matching is a spaCy `PhraseMatcher` on lower-cased tokens of a blank English pipeline (no
model download), so "ML Engineers?" and "ml engineers" are the same mention.

People misspell: after the exact pass, a fuzzy pass (careers.spelling) finds role names and
aspect keywords typed with one or two typos ("data scietist", "salery"). Scope words
(scope.yml: seniority, employers) and years are tagged too, so that an answer can say first what
its figures do not cover (careers/scope.py).

Places are careers/places.py's reading (BLS areas by name, postal code, nickname, city, typo):
`place` is `area:<BLS code>` for a place in the US, the plain name for one abroad ("Brazil"),
and "one of:<code>+<code>..." for a name several areas share ("Springfield"). Industries are
knowledge_base/industries.yml's words: `industry` is the OEWS industry code ("in insurance" →
524000), and an employer word inside it ("a bank") is the industry, not an employer. Level words
(careers/wages.py LEVELS: "entry level", "the 25th percentile") are `seniority` too.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from addons.nlu.base import Component
from careers import knowledge, levels, names, places, places_kb, scope, spelling, wages, wages_kb
from careers.wages_kb import IndustryWords

ROLE = "role"
ASPECT = "aspect"
JOB = "job"
ENTITY_TYPES = (ROLE, ASPECT, JOB, *scope.SCOPE_ENTITIES)
LEVEL_PHRASES = sorted({p for level in levels.LEVELS for p in level.phrases})


def role_phrases(role: knowledge.Role) -> list[str]:
    return sorted({role.name.lower(), role.plural.lower(), *role.aliases})


def plurals(job: str) -> set[str]:
    """Simple English plurals of an occupation's last word: "nurses", "secretaries", "coaches"."""
    head, _, last = job.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = {last[:-1] + "ies"}
    elif last.endswith(("s", "sh", "ch", "x")):
        forms = {last + "es"}
    elif last.endswith("man"):
        forms = {last[:-3] + "men"}
    else:
        forms = {last + "s"}
    return {prefix + form for form in forms}


class PhraseIndex:
    """Phrase → (entity, value) lookups over a blank spaCy pipeline."""

    def __init__(
        self,
        kb: knowledge.KnowledgeBase,
        gazetteer: scope.Gazetteer | None = None,
        place_names: places.Gazetteer | None = None,
        industries: Sequence[IndustryWords] | None = None,
    ) -> None:
        gazetteer = gazetteer or scope.default()
        self.places = place_names or places_kb.load(
            knowledge.configured_dir(), wages_kb.load_areas(knowledge.configured_dir()), kb
        )
        self.industries = list(
            industries
            if industries is not None
            else wages_kb.load_industry_words_raw(knowledge.configured_dir())
        )
        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.case_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for role in kb.roles.values():
            self.matcher.add(f"{ROLE}:{role.id}", [self.nlp.make_doc(p) for p in role_phrases(role)])
            if role.abbreviations:
                self.case_matcher.add(f"{ROLE}:{role.id}", [self.nlp.make_doc(a) for a in role.abbreviations])
        for aspect in kb.aspects.values():
            self.matcher.add(f"{ASPECT}:{aspect.id}", [self.nlp.make_doc(k) for k in aspect.keywords])
        for job in kb.other_jobs:
            self.matcher.add(f"{JOB}:{job}", [self.nlp.make_doc(p) for p in sorted({job, *plurals(job)})])
        for entity, words in gazetteer.phrases().items():
            for word in words:
                self.matcher.add(f"{entity}:{word}", [self.nlp.make_doc(word)])
        for phrase in LEVEL_PHRASES:
            self.matcher.add(f"{scope.SENIORITY}:{phrase}", [self.nlp.make_doc(phrase)])
        self.fuzzy = spelling.FuzzyMatcher(
            targets=[
                *((ROLE, role.id, phrase) for role in kb.roles.values() for phrase in role_phrases(role)),
                *(
                    (ASPECT, aspect.id, keyword)
                    for aspect in kb.aspects.values()
                    for keyword in aspect.keywords
                ),
            ],
            blockers=[p for job in kb.other_jobs for p in (job, *plurals(job))],
            known_words=spelling.vocabulary(kb),
        )

    def find(self, text: str) -> List[Dict[str, Any]]:
        doc = self.nlp.make_doc(text)
        spans: Dict[str, list] = {entity: [] for entity in ENTITY_TYPES}
        for match_id, start, end in [*self.matcher(doc), *self.case_matcher(doc)]:
            entity, value = self.nlp.vocab.strings[match_id].split(":", 1)
            span = doc[start:end]
            span.label_ = value
            spans[entity].append(span)
        # Typos only where nothing matched exactly: a word already read as a role, an aspect, a
        # job or a place is what it is.
        exact = {i for found in spans.values() for span in found for i in range(span.start, span.end)}
        for entity, value, start, end in self.fuzzy.find([t.lower_ for t in doc], exact):
            span = doc[start:end]
            span.label_ = value
            spans[entity].append(span)
        for match in scope.YEAR_PATTERN.finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is not None:
                span.label_ = match.group(0)
                spans[scope.YEAR].append(span)
        # A job inside a role's name is that role ("scientist" in "data scientist").
        role_tokens = {i for span in spans[ROLE] for i in range(span.start, span.end)}
        spans[JOB] = [s for s in spans[JOB] if role_tokens.isdisjoint(range(s.start, s.end))]
        found = [_entity(p.entity_value, p.start, p.end, names.PLACE) for p in self.places.find(text)]
        industry = wages.industry_span(self.industries, text)
        if industry is not None:
            entry, start, end = industry
            found.append(_entity(entry.code, start, end, names.INDUSTRY))
            # "at a bank" is an industry here, not an employer: the two never overlap.
            spans[scope.EMPLOYER] = [
                s for s in spans[scope.EMPLOYER] if s.end_char <= start or s.start_char >= end
            ]
        # Longest match wins within one entity type ("ml engineers" over "ml"), but a role and
        # an aspect may overlap ("data science skills" names both).
        for entity, candidates in spans.items():
            for span in filter_spans(candidates):
                found.append(_entity(span.label_, span.start_char, span.end_char, entity))
        return sorted(found, key=lambda e: e["start"])


def _entity(value: str, start: int, end: int, entity: str) -> Dict[str, Any]:
    return {"entity": entity, "value": value, "start": start, "end": end, "confidence_entity": 1.0}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class KnowledgeBaseEntityMatcher(Component, EntityExtractorMixin):
    """Adds `role` and `aspect` entities (knowledge-base ids), `job` entities (occupations from
    other_jobs.yml, by their singular name), `place` entities (careers/places.py), `industry`
    entities (OEWS industry codes) and `seniority`, `employer` and `year` entities (scope.yml
    words, level words, four-digit years) to each message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # None: KNOWLEDGE_BASE_DIR or the project's, read when the model is loaded.
        return {"knowledge_base": None}

    def __init__(self, config: Dict[str, Any]) -> None:
        directory = config.get("knowledge_base") or knowledge.configured_dir()
        kb = knowledge.load(directory)
        # The areas' names and the industries' words only: no figures in the Rasa server.
        self.index = PhraseIndex(
            kb,
            scope.load(directory),
            places_kb.load(directory, wages_kb.load_areas(directory), kb),
            wages_kb.load_industry_words_raw(directory),
        )

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text:
                continue
            found = self.add_extractor_name(self.index.find(text))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
