"""The common starting points of knowledge_base/backgrounds.yml (issue 17): each names how people say
it, the skills it usually brings (skills.yml ids) and where that assumption comes from (a source of
sources.yml, or the project's labelled judgement); a broken entry is one clear error."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from careers import knowledge, skills, skills_kb
from careers.knowledge import KnowledgeBaseError

BASE = skills_kb.load()
BACKGROUNDS = list(BASE.backgrounds.values())


def role_phrases() -> dict[str, str]:
    return {
        phrase.lower(): role.id
        for role in BASE.kb.roles.values()
        for phrase in (role.name, role.plural, *role.aliases)
    }


def test_there_are_at_least_fifteen_backgrounds() -> None:
    assert len(BACKGROUNDS) >= 15


@pytest.mark.parametrize("background", BACKGROUNDS, ids=lambda b: b.id)
def test_each_background_is_complete_and_sourced(background: skills_kb.Background) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9_]*", background.id)
    assert background.name and background.aliases
    assert all(skill in BASE.skills for skill in background.usually_brings)
    assert background.source == skills_kb.JUDGEMENT or background.source in BASE.kb.sources
    assert background.note and "\n" not in background.note
    if background.source == skills_kb.JUDGEMENT:
        assert "judgement" in background.note.lower()


def test_an_onet_source_is_named_in_the_note_by_its_occupation_code() -> None:
    for background in BACKGROUNDS:
        if background.source.startswith("onet_"):
            code = BASE.kb.sources[background.source].title.split()[0]
            assert code in background.note, background.id


def test_no_alias_is_a_role_phrase_another_backgrounds_alias_or_a_skill_alias() -> None:
    roles = role_phrases()
    skill_aliases = {alias for skill in BASE.skills.values() for alias in skill.aliases}
    owner: dict[str, str] = {}
    for background in BACKGROUNDS:
        for alias in background.aliases:
            assert alias not in roles, f"{background.id}: {alias!r} is a phrase of role {roles.get(alias)}"
            assert alias not in skill_aliases, f"{background.id}: {alias!r} is a skill alias"
            assert owner.setdefault(alias, background.id) == background.id, (
                f"{alias!r} is an alias of both {owner[alias]} and {background.id}"
            )


@pytest.fixture(scope="module")
def reader() -> skills.SkillReader:
    return skills.SkillReader(BASE)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("I'm a high school teacher", "teacher"),
        ("I teach maths at a secondary school", "teacher"),
        ("I work as an RN in a hospital", "healthcare_worker"),
        ("I am a CPA", "accountant"),
        ("I used to be an investment banker", "finance_professional"),
        ("I'm a sales rep", "salesperson"),
        ("I was a store manager for five years", "retail_manager"),
        ("I'm a customer service agent", "customer_support"),
        ("I'm a journalist", "writer_journalist"),
        ("I'm a civil engineer", "engineer"),
        ("I'm a physicist", "natural_scientist"),
        ("I was in the army", "military_veteran"),
        ("I work as a project manager", "project_manager"),
        ("I'm a sysadmin", "sysadmin"),
        ("I'm a math teacher", "teacher"),  # not the maths skill: the longer phrase wins
    ],
)
def test_people_naming_their_job_get_that_background(
    reader: skills.SkillReader, text: str, background: str
) -> None:
    found = [m.value for m in reader.read(text) if m.kind == skills.BACKGROUND]
    assert found == [background]


@pytest.mark.parametrize("text", ["I'm interested in finance", "I've been teaching myself SQL"])
def test_a_field_of_interest_is_no_background(reader: skills.SkillReader, text: str) -> None:
    assert not [m for m in reader.read(text) if m.kind == skills.BACKGROUND]


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("I know python and sql, what am i missing for data engineer?", None),
        ("I've been looking for data analyst jobs", None),
        ("I'm trying to become a data scientist", None),
        ("am I a good fit as a data engineer?", None),
        ("so would I be a good fit as a data engineer?", None),
        ("what would I earn as a data engineer?", None),
        ("could I work as a data engineer with only SQL", None),
        ("I am a data engineer", "data_engineer"),
        ("I've been a data analyst for 3 years", "data_analyst"),
        # A question about what to do next, asked by someone who says what they are.
        ("What should I learn if I am a data analyst?", "data_analyst"),
        ("How can I get into ML when I'm a data analyst?", "data_analyst"),
        ("Which skills do I need since I'm a data analyst", "data_analyst"),
        ("Where I work now I am a data analyst", "data_analyst"),
        ("Is it normal that I feel stuck after 5 years as a data analyst", "data_analyst"),
        ("the thing is that i have worked for about five years now as a data analyst", "data_analyst"),
        ("I was promoted to data analyst last year", "data_analyst"),
        ("when I was a teacher I used Excel every day", "teacher"),
        ("when i worked as a nurse i did lots of charting", "healthcare_worker"),
        ("I want to retrain as a data analyst", None),
        ("am I employable as a DS yet?", None),
        # A role the person says they are not is no background; one they no longer are is.
        ("I'm not a data scientist, I'm a data analyst", "data_analyst"),
        ("im not a data scientist yet", None),
        ("I'm no longer a teacher, I want to be a data analyst", "teacher"),
        ("I am not a nurse anymore", "healthcare_worker"),
        ("I am not a nurse any more", "healthcare_worker"),
        ("I'm not just a data analyst, I also build models", "data_analyst"),
        ("I'm not only a teacher but also a tutor", "teacher"),
        ("I'm just not a data scientist, I'm a data analyst", "data_analyst"),
    ],
)
def test_a_role_sought_is_no_background_and_a_role_held_is(
    reader: skills.SkillReader, text: str, background: str | None
) -> None:
    found = [m.value for m in reader.read(text) if m.kind == skills.BACKGROUND]
    assert found == ([background] if background else [])


# A copy of the knowledge base with one background broken: the error names the file, the
# background and the field.


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, target)
    return target


def edit_background(kb: Path, background_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = kb / "backgrounds.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [entry] = [b for b in data["backgrounds"] if b["id"] == background_id]
    change(entry)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def index_of(background_id: str) -> int:
    return [b.id for b in BACKGROUNDS].index(background_id)


def test_an_unknown_source_is_a_clear_error(kb_copy: Path) -> None:
    edit_background(kb_copy, "teacher", lambda b: b.update(source="onet_99_9999"))
    i = index_of("teacher")
    with pytest.raises(
        KnowledgeBaseError,
        match=rf"backgrounds\.yml, background teacher, field backgrounds\[{i}\]\.source\): "
        r"'onet_99_9999' is neither a source id of sources\.yml nor 'judgement'",
    ):
        skills_kb.load(kb_copy)


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda b: b.pop("source"), "source", "missing or empty text"),
        (lambda b: b.pop("note"), "note", "missing or empty text"),
        (lambda b: b.update(note="first line\nsecond line"), "note", "the note is one line"),
        (lambda b: b.update(source="judgement"), "note", "says so in its note"),
        (lambda b: b.update(usually_brings=["teaching"]), "usually_brings", "'teaching' is not a skill id"),
        (lambda b: b.update(aliases=["teacher", "data analyst"]), "aliases", "also a name or alias of role"),
        (lambda b: b.update(aliases=["teacher", "student"]), "aliases", "of background student"),
        (lambda b: b.update(aliases=["teacher", "sql"]), "aliases", "of skill sql"),
    ],
)
def test_each_broken_field_names_file_background_and_field(
    kb_copy: Path, change: Callable[[dict[str, Any]], None], field: str, problem: str
) -> None:
    edit_background(kb_copy, "teacher", change)
    with pytest.raises(KnowledgeBaseError) as raised:
        skills_kb.load(kb_copy)
    message = str(raised.value)
    where = f"background teacher, field backgrounds[{index_of('teacher')}].{field}"
    assert "backgrounds.yml" in message and where in message and problem in message, message


def test_backgrounds_built_in_code_still_default_to_a_labelled_judgement() -> None:
    background = skills_kb.Background("someone", "Someone", ("someone",), ())
    assert background.source == skills_kb.JUDGEMENT and background.note == ""
