"""Load and validate the skills side of the knowledge base: the taxonomy (skills.yml), each role's
core and helpful skills (the `skills:` block of its file) and the common backgrounds
(backgrounds.yml). Kept apart from careers/knowledge.py, which loads the rest, so that each
loader stays one concept; errors are the same `KnowledgeBaseError` naming file, role and field.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from careers import knowledge
from careers.knowledge import KnowledgeBase, KnowledgeBaseError, _read_yaml, _Reader


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    milestone: str  # the small project that proves a roadmap stage of this category


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    start: str  # what "enough to start" means, one line
    exact_case: tuple[str, ...] = ()  # aliases matched only as typed ("Go", not "go")
    implies: tuple[str, ...] = ()  # skills that having this one brings (Python → programming)


@dataclass(frozen=True)
class RoleSkills:
    role: str
    core: tuple[str, ...]  # in the order to learn them
    helpful: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None = None


# A background's `source` when no source of sources.yml backs it: its note says it is the
# project's own labelled judgement.
JUDGEMENT = "judgement"
# A background outside backgrounds.yml and the family, kept as said ("job:pharmacist"): a career
# changer from that job, with no skills assumed.
JOB_PREFIX = "job:"


def is_background(base: SkillBase, value: object) -> bool:
    """A listed background, a role of the family, or a job kept as said."""
    return isinstance(value, str) and (
        value in base.backgrounds or value in base.roles or (value.startswith(JOB_PREFIX) and len(value) > 4)
    )


@dataclass(frozen=True)
class Background:
    id: str
    name: str
    aliases: tuple[str, ...]
    usually_brings: tuple[str, ...]  # an assumption about a typical person, said as such
    source: str = JUDGEMENT  # a source id of sources.yml, or JUDGEMENT
    note: str = ""  # one line: why these skills, and what was read on the source


@dataclass(frozen=True)
class SkillBase:
    kb: KnowledgeBase
    categories: Mapping[str, Category]  # in roadmap order
    skills: Mapping[str, Skill]
    roles: Mapping[str, RoleSkills]
    backgrounds: Mapping[str, Background]

    def name(self, skill_id: str) -> str:
        return self.skills[skill_id].name

    def starting_skills(self, background: str) -> tuple[str, ...]:
        """What a background (a listed background or a role of the family) usually brings."""
        if background in self.backgrounds:
            return self.backgrounds[background].usually_brings
        if background in self.roles:
            return self.roles[background].core
        return ()

    def background_name(self, background: str) -> str:
        if background in self.backgrounds:
            return self.backgrounds[background].name
        if background.startswith(JOB_PREFIX):  # a job we know nothing about (issue 17)
            job = background[len(JOB_PREFIX) :]
            return f"{job[:1].upper()}{job[1:]} (career changer)"  # "From Plumber (career changer) to ..."
        role = self.kb.role(background)
        return role.name if role else background


def _ids(reader: _Reader, key: str, known: Mapping[str, object], what: str) -> tuple[str, ...]:
    # An empty list is allowed here: a beginner usually brings no skill of the family.
    ids = reader.texts(key, optional=True) if reader.data.get(key) else ()
    for skill_id in ids:
        if skill_id not in known:
            raise reader.error(key, f"{skill_id!r} is not a {what}")
    if len(set(ids)) != len(ids):
        raise reader.error(key, "lists a skill twice")
    return ids


def _load_taxonomy(file: Path) -> tuple[dict[str, Category], dict[str, Skill]]:
    reader = _Reader(file, _read_yaml(file))
    categories = {
        c.text("id"): Category(id=c.text("id"), name=c.text("name"), milestone=c.text("milestone"))
        for c in reader.children("categories")
    }
    skills: dict[str, Skill] = {}
    alias_owner: dict[str, str] = {}
    for item in reader.children("skills"):
        skill_id = item.text("id")
        if skill_id in skills:
            raise item.error("id", f"duplicate skill id {skill_id!r}")
        category = item.text("category")
        if category not in categories:
            raise item.error("category", f"{category!r} is not a category of {file.name}")
        aliases = tuple(a.lower() for a in item.texts("aliases"))
        for alias in aliases:
            if alias_owner.setdefault(alias, skill_id) != skill_id:
                raise item.error("aliases", f"alias {alias!r} is also used by skill {alias_owner[alias]}")
        skills[skill_id] = Skill(
            id=skill_id,
            name=item.text("name"),
            category=category,
            aliases=aliases,
            start=item.text("start"),
            exact_case=item.texts("exact_case", optional=True) if "exact_case" in item.data else (),
            implies=item.texts("implies", optional=True) if "implies" in item.data else (),
        )
    for skill in skills.values():
        for implied in skill.implies:
            if implied not in skills:
                raise KnowledgeBaseError(
                    file, f"implies unknown skill {implied!r}", field=f"{skill.id}.implies"
                )
    return categories, skills


def _load_role_skills(file: Path, kb: KnowledgeBase, skills: Mapping[str, Skill]) -> RoleSkills:
    data = _read_yaml(file)
    role_id = file.stem
    if not isinstance(data, dict) or "skills" not in data:
        raise KnowledgeBaseError(file, "no skills block (core and helpful skill ids)", role_id, "skills")
    reader = _Reader(file, data, role_id).child("skills")
    core = _ids(reader, "core", skills, "skill id of skills.yml")
    if not core:
        raise reader.error("core", "a role needs at least one core skill")
    helpful = _ids(reader, "helpful", skills, "skill id of skills.yml")
    if set(core) & set(helpful):
        raise reader.error("helpful", "a skill is either core or helpful, not both")
    sources = reader.texts("sources")
    for source in sources:
        if source not in kb.sources:
            raise reader.error("sources", f"{source!r} is not in sources.yml")
    note = reader.text("note", optional=True) if "note" in reader.data else None
    return RoleSkills(role=role_id, core=core, helpful=helpful, sources=sources, note=note)


class _BackgroundReader(_Reader):
    """One entry of backgrounds.yml: its errors name the background as well as the field."""

    def __init__(self, item: _Reader, background: str) -> None:
        super().__init__(item.file, item.data, None, item.prefix)
        self.background = background

    def error(self, key: str, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(self.file, problem, field=self._field(key), background=self.background)


def _phrase_owners(kb: KnowledgeBase, skills: Mapping[str, Skill]) -> dict[str, str]:
    """Every phrase the skill reader already matches, with what it names: a background alias that
    is also one of these would make "I'm a ..." ambiguous."""
    owners = {alias: f"skill {skill.id}" for skill in skills.values() for alias in skill.aliases}
    for role in kb.roles.values():
        for phrase in (role.name, role.plural, *role.aliases):
            owners[phrase.lower()] = f"role {role.id}"
    return owners


def _load_background(
    item: _BackgroundReader, kb: KnowledgeBase, skills: Mapping[str, Skill], background_id: str
) -> Background:
    source = item.text("source")
    if source != JUDGEMENT and source not in kb.sources:
        raise item.error("source", f"{source!r} is neither a source id of sources.yml nor {JUDGEMENT!r}")
    note = item.text("note")
    if "\n" in note:
        raise item.error("note", "the note is one line")
    if source == JUDGEMENT and JUDGEMENT not in note.lower():
        raise item.error("note", f"a background whose source is {JUDGEMENT!r} says so in its note")
    return Background(
        id=background_id,
        name=item.text("name"),
        aliases=tuple(a.lower() for a in item.texts("aliases")),
        usually_brings=_ids(item, "usually_brings", skills, "skill id of skills.yml"),
        source=source,
        note=note,
    )


def _load_backgrounds(file: Path, kb: KnowledgeBase, skills: Mapping[str, Skill]) -> dict[str, Background]:
    reader = _Reader(file, _read_yaml(file))
    backgrounds: dict[str, Background] = {}
    owners = _phrase_owners(kb, skills)
    for entry in reader.children("backgrounds"):
        background_id = entry.text("id")
        item = _BackgroundReader(entry, background_id)
        if background_id in backgrounds or background_id in kb.roles:
            raise item.error("id", f"{background_id!r} is already a background or a role")
        background = _load_background(item, kb, skills, background_id)
        for alias in background.aliases:
            owner = owners.setdefault(alias, f"background {background_id}")
            if owner != f"background {background_id}":
                raise item.error("aliases", f"alias {alias!r} is also a name or alias of {owner}")
        backgrounds[background_id] = background
    return backgrounds


def load(directory: Path | str | None = None, kb: KnowledgeBase | None = None) -> SkillBase:
    directory = Path(directory or knowledge.configured_dir())
    kb = kb or knowledge.load(directory)
    categories, skills = _load_taxonomy(directory / "skills.yml")
    roles = {
        role_id: _load_role_skills(directory / "roles" / f"{role_id}.yml", kb, skills) for role_id in kb.roles
    }
    return SkillBase(
        kb=kb,
        categories=categories,
        skills=skills,
        roles=roles,
        backgrounds=_load_backgrounds(directory / "backgrounds.yml", kb, skills),
    )


@functools.cache
def default() -> SkillBase:
    """The project's skills, loaded once per process."""
    return load(knowledge.configured_dir(), knowledge.default())
