"""Advice the knowledge base can give honestly (feature `advice`, issue 17): the roles ranked by
one kind of skill, how long it takes, worries about AI and about age.

The words live in knowledge_base/advice.yml; every figure comes from a role file with its source
and period (careers/render.py). Nothing here invents a duration, a probability or a prediction:
where no source answers the question, the first sentence says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from careers import guidance, names, render
from careers.answer import Answer, Button, fit
from careers.detail import headline_figures
from careers.knowledge import _read_yaml, _Reader, configured_dir
from careers.skills_kb import SkillBase

LESS_WORDS = {"least", "less", "fewest", "lightest", "light", "lighter", "minimal", "little"}


@dataclass(frozen=True)
class Advice:
    ranking_says: str
    category_words: Mapping[str, tuple[str, ...]]
    duration_says: str
    duration_unknown_start: str
    ai_says: str
    ai_after: str
    age_says: str
    age_after: str


def load(directory: Path | str | None = None, base: SkillBase | None = None) -> Advice:
    file = Path(directory or configured_dir()) / "advice.yml"
    reader = _Reader(file, _read_yaml(file))
    ranking = reader.child("skill_ranking")
    categories = ranking.child("categories")
    for category in categories.data:
        if base is not None and category not in base.categories:
            raise categories.error(category, "no such category in skills.yml")
    duration, ai, age = reader.child("duration"), reader.child("ai_risk"), reader.child("age")
    return Advice(
        ranking_says=ranking.text("says"),
        category_words={c: categories.texts(c) for c in categories.data},
        duration_says=duration.text("says"),
        duration_unknown_start=duration.text("unknown_start"),
        ai_says=ai.text("says"),
        ai_after=ai.text("after"),
        age_says=age.text("says"),
        age_after=age.text("after"),
    )


def category_in(advice: Advice, text: str) -> str | None:
    """The skill category a question names ("maths" → maths_statistics), the first found."""
    lowered = f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "
    found = [
        (lowered.find(f" {word} "), category)
        for category, words in advice.category_words.items()
        for word in words
        if f" {word} " in lowered
    ]
    return min(found)[1] if found else None


def skill_ranking(base: SkillBase, advice: Advice, text: str) -> Answer:
    """The roles ranked by how many of their core skills fall in the category asked about."""
    category = category_in(advice, text)
    if category is None:
        return Answer(
            "Which kind of skill? I can rank the roles by their core skills in "
            + render.join_names([c.name.lower() for c in base.categories.values()])
            + '. Ask for example "which role needs the most maths?"'
        )
    least = bool(LESS_WORDS & set(re.findall(r"[a-z]+", text.lower())))
    counts = {
        role_id: sum(1 for s in skills.core if base.skills[s].category == category)
        for role_id, skills in base.roles.items()
    }
    order = sorted(counts, key=lambda r: (counts[r] if least else -counts[r], base.kb.roles[r].name))
    name = base.categories[category].name.lower()
    lines = [advice.ranking_says.format(category=name)]
    for role_id in order[:6]:
        total = len(base.roles[role_id].core)
        lines.append(f"- {base.kb.roles[role_id].name}: {counts[role_id]} of {total} core skills")
    lines.append(f"Sources: each role's skills list ({render.join_names(_skill_sources(base, order[:6]))}).")
    buttons = tuple(
        Button(f"{base.kb.roles[r].name}: skills", names.ask_role("skills"), {"role": r}) for r in order[:2]
    )
    return Answer(fit("\n".join(lines)), buttons)


def _skill_sources(base: SkillBase, role_ids: list[str]) -> list[str]:
    ids = dict.fromkeys(s for r in role_ids for s in base.roles[r].sources)
    return [base.kb.sources[s].name for s in ids if s in base.kb.sources][:3]


def duration(base: SkillBase, advice: Advice, person: guidance.Profile, role_id: str | None) -> Answer:
    """No duration is ever given: what it depends on, how far the person is, and the roadmap."""
    if role_id is None:
        return Answer(
            advice.duration_says.format(role="a data professional") + " " + advice.duration_unknown_start,
            (Button("Which role am I closest to?", names.ASK_CLOSEST_ROLE),),
        )
    role = base.kb.roles[role_id]
    article = "an" if role.name[0].lower() in "aeiou" or role.name.startswith(("MLOps", "ML ")) else "a"
    lines = [advice.duration_says.format(role=f"{article} {role.name}")]
    told = person.had or person.hedged or person.lacked or person.background
    if told:
        found = guidance.gap(base, person, role_id)
        lines.append(f"Where you stand: you have {found.readiness} of a {role.name}.")
        stages = guidance.roadmap(base, person, role_id)
        if stages:
            lines.append(f"First stage of your roadmap: {guidance.short_names(base, stages[0].skills)}.")
    else:
        lines.append(advice.duration_unknown_start)
    buttons = (
        Button("My roadmap", names.ASK_ROADMAP, {"role": role_id}),
        Button("My gap", names.ASK_SKILL_GAP, {"role": role_id}),
    )
    return Answer(fit("\n".join(lines)), buttons)


def _outlook_lines(base: SkillBase, role_id: str) -> list[str]:
    section = base.kb.roles[role_id].section("outlook")
    return [render.figure_line(f, base.kb) for f in headline_figures(section.figures)]


def ai_risk(base: SkillBase, advice: Advice, role_id: str | None) -> Answer:
    return _outlook_answer(base, role_id, advice.ai_says, advice.ai_after)


def age(base: SkillBase, advice: Advice, role_id: str | None) -> Answer:
    return _outlook_answer(base, role_id, advice.age_says, advice.age_after)


def _outlook_answer(base: SkillBase, role_id: str | None, says: str, after: str) -> Answer:
    if role_id is None:
        lines = [says.format(plural="data professionals").split(" What ")[0], after]
        return Answer(
            fit("\n".join(lines)),
            (Button("Which is growing fastest?", names.RANK_ROLES, {"aspect": "outlook"}),),
        )
    role = base.kb.roles[role_id]
    lines = [says.format(plural=role.plural), *_outlook_lines(base, role_id), after]
    buttons = (
        Button(f"{role.plural}: job outlook", names.ask_role("outlook"), {"role": role_id}),
        Button("Which is growing fastest?", names.RANK_ROLES, {"aspect": "outlook"}),
    )
    return Answer(fit("\n".join(lines)), buttons)
