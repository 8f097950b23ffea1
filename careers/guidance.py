"""Personal guidance (feature `guidance`): the person's profile, their gap to a role, a roadmap,
the closest roles, moving between roles and related roles.

Everything is computed from the skills lists of the knowledge base (skills.yml, each role's
`skills:` block, backgrounds.yml), never written per pair of roles. Readiness is a count of core
skills covered ("4 of 7 core skills"), never a probability of being hired; roadmaps have no
durations, salaries or success rates. Each answer is chat-sized (careers/answer.py)
and offers its detail behind buttons: the one `Answer` and `Button` of every chat-size
answer (careers/answer.py), which actions/detail.py sends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from careers import names
from careers.answer import Answer, Button, fit
from careers.render import join_names, source_label
from careers.skills import HAS, HEDGED, LACKS
from careers.skills_kb import JOB_PREFIX, SkillBase

MIN_STAGES, MAX_STAGES = 3, 5


@dataclass(frozen=True)
class Profile:
    """What the person said about themselves (slots skills_had, skills_hedged, skills_lacked,
    background)."""

    had: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()
    lacked: tuple[str, ...] = ()
    background: str | None = None

    def is_empty(self) -> bool:
        return not (self.had or self.hedged or self.lacked or self.background)


# -- the profile ------------------------------------------------------------------------------


def tell(profile: Profile, said: Mapping[str, str], background: str | None = None) -> Profile:
    """The profile after a message: each skill named moves to the list of its polarity (the
    latest word wins: "actually I don't know R"); a background named replaces the old one."""
    lists = {HAS: list(profile.had), HEDGED: list(profile.hedged), LACKS: list(profile.lacked)}
    for skill_id, polarity in said.items():
        for items in lists.values():
            if skill_id in items:
                items.remove(skill_id)
        lists[polarity].append(skill_id)
    return Profile(
        had=tuple(lists[HAS]),
        hedged=tuple(lists[HEDGED]),
        lacked=tuple(lists[LACKS]),
        background=background or profile.background,
    )


def forget(profile: Profile, skill_ids: Iterable[str]) -> Profile:
    gone = set(skill_ids)
    return replace(
        profile,
        had=tuple(s for s in profile.had if s not in gone),
        hedged=tuple(s for s in profile.hedged if s not in gone),
        lacked=tuple(s for s in profile.lacked if s not in gone),
    )


def assumed(base: SkillBase, profile: Profile) -> tuple[str, ...]:
    """Skills assumed from the background, minus those the person said anything about."""
    said = {*profile.had, *profile.hedged, *profile.lacked}
    if not profile.background:
        return ()
    return tuple(s for s in base.starting_skills(profile.background) if s not in said)


def covered(base: SkillBase, profile: Profile, extra: Iterable[str] = ()) -> set[str]:
    """Skills that count as had: said, assumed from the background, and what those imply."""
    have = {*profile.had, *assumed(base, profile), *extra} - set(profile.lacked)
    for skill_id in list(have):
        have.update(base.skills[skill_id].implies)
    return have - set(profile.lacked)


def skill_names(base: SkillBase, skill_ids: Iterable[str]) -> str:
    return join_names([base.name(s) for s in skill_ids])


def describe_profile(base: SkillBase, profile: Profile) -> Answer:
    if profile.is_empty():
        return Answer(
            "I don't know anything about you yet. Tell me what you know and what you don't "
            '("I know Python and SQL, but no statistics") or what you do ("I\'m a software '
            "developer\"), and I'll work out your gap to any role.",
        )
    lines = ["Here's what I know about you:"]
    if profile.background:
        lines.append(f"- Background: {base.background_name(profile.background)}")
        brought = assumed(base, profile)
        if brought:
            lines.append(f"- Assumed from it (correct me if wrong): {skill_names(base, brought)}")
    if profile.had:
        lines.append(f"- You know: {skill_names(base, profile.had)}")
    if profile.hedged:
        lines.append(f"- You have a start in: {skill_names(base, profile.hedged)}")
    if profile.lacked:
        lines.append(f"- Not yet: {skill_names(base, profile.lacked)}")
    lines.append('Correct me any time ("forget SQL", "actually I don\'t know R") or say "start fresh".')
    return Answer(
        "\n".join(lines),
        (
            Button("Which role am I closest to?", names.ASK_CLOSEST_ROLE),
            Button("Start fresh", names.RESET_PROFILE),
        ),
    )


def acknowledge(
    base: SkillBase,
    said: Mapping[str, str],
    background: str | None,
    unknown: Iterable[str],
    has_any: bool = False,
) -> Answer:
    """The reply to "I know Python but not SQL": what was noted, said plainly, and next steps."""
    unknown = list(dict.fromkeys(unknown))
    parts = []
    if background and background.startswith(JOB_PREFIX):
        parts.append(
            f"Noted: you work as {indefinite(background[len(JOB_PREFIX) :])}, a job outside the data family, "
            "so I'll treat you as a career changer and assume no data skills until you tell me them."
        )
        if not said:
            parts.append('Which skills do you have? For example "I know Excel and a bit of SQL".')
    elif background:
        parts.append(f"Noted: your background is {base.background_name(background)}.")
        brought = base.starting_skills(background)
        if brought and background in base.backgrounds:
            parts.append(f"I'll assume you bring {skill_names(base, brought)}; correct me if not.")
    by = {p: [s for s, q in said.items() if q == p] for p in (HAS, HEDGED, LACKS)}
    if by[HAS]:
        parts.append(f"You know {skill_names(base, by[HAS])}.")
    if by[HEDGED]:
        parts.append(f"You have a start in {skill_names(base, by[HEDGED])}.")
    if by[LACKS]:
        parts.append(f"Not yet: {skill_names(base, by[LACKS])}.")
    if said and not by[HAS] and not by[HEDGED] and not background and not has_any:
        parts.append("Everyone starts somewhere: that's fine, I'll show you where to begin.")
    if unknown:
        parts.append(
            f"I don't have {join_names(unknown)} in my list of data skills, so it doesn't count "
            "toward a role here."
        )
    if not said and not background and not unknown:
        parts.append(
            "I didn't catch a skill there. Try naming them, for example \"I know Python and SQL, "
            'a bit of statistics, no cloud".'
        )
    offers = (
        Button("Which role am I closest to?", names.ASK_CLOSEST_ROLE),
        Button("What do you know about me?", names.ASK_PROFILE),
    )
    return Answer(" ".join(parts), offers)


# -- gap, roadmap, closest and related roles --------------------------------------------------


@dataclass(frozen=True)
class Gap:
    role: str
    have: tuple[str, ...]  # core skills covered, in the role's order
    missing: tuple[str, ...]  # core skills to learn, in the order to learn them
    started: tuple[str, ...]  # of `missing`, those the person has a start in
    helpful: tuple[str, ...]  # helpful skills not covered yet
    total: int  # core skills of the role

    @property
    def readiness(self) -> str:
        return f"{len(self.have)} of {self.total} core skills"


def gap(base: SkillBase, profile: Profile, role_id: str, extra: Iterable[str] = ()) -> Gap:
    skills = base.roles[role_id]
    have = covered(base, profile, extra)
    missing = tuple(s for s in skills.core if s not in have)
    return Gap(
        role=role_id,
        have=tuple(s for s in skills.core if s in have),
        missing=missing,
        started=tuple(s for s in missing if s in profile.hedged),
        helpful=tuple(s for s in skills.helpful if s not in have),
        total=len(skills.core),
    )


def _sources(base: SkillBase, role_id: str) -> str:
    return "; ".join(source_label(base.kb.sources[s]) for s in base.roles[role_id].sources)


def _role_offers(role_id: str) -> tuple[Button, ...]:
    entity = {"role": role_id}
    return (
        Button("Roadmap", names.ASK_ROADMAP, entity),
        Button("What 'enough to start' means", names.ASK_SKILL_GAP, {**entity, "detail": "start"}),
        Button("Closest roles for me", names.ASK_CLOSEST_ROLE),
        Button("What do you know about me?", names.ASK_PROFILE),
    )


def _started_names(base: SkillBase, skill_ids: Iterable[str], started: Iterable[str]) -> str:
    started = set(started)
    return join_names([base.name(s) + (" (you have a start)" if s in started else "") for s in skill_ids])


def _skill_list(base: SkillBase, skill_ids: Iterable[str], started: Iterable[str] = ()) -> str:
    started = set(started)
    return ", ".join(base.name(s) + (" (you have a start)" if s in started else "") for s in skill_ids)


def describe_gap(base: SkillBase, profile: Profile, role_id: str) -> Answer:
    found = gap(base, profile, role_id)
    role = base.kb.roles[role_id].name
    lines = []
    if profile.is_empty():
        lines.append("You haven't told me your skills yet, so this is the whole list.")
    known = f" ({skill_names(base, found.have)})." if found.have else "."
    lines.append(f"{role}: you have {found.readiness}{known}")
    if found.missing:
        lines.append("Core to learn, in order: " + _skill_list(base, found.missing, found.started) + ".")
    else:
        lines.append("You have every core skill: the helpful ones make the difference now.")
    if found.helpful:
        lines.append(f"Helpful after: {skill_names(base, found.helpful[:4])}.")
    lines.append(f"(Skills list: {_sources(base, role_id)}.)")
    return Answer(fit("\n".join(lines)), _role_offers(role_id))


def describe_starts(base: SkillBase, profile: Profile, role_id: str) -> Answer:
    """The detail behind a gap: what "enough to start" means for each skill still to learn."""
    found = gap(base, profile, role_id)
    todo = found.missing or found.helpful
    lines = [f"{base.kb.roles[role_id].name}, enough to start:"]
    lines += [f"- {base.name(s)}: {base.skills[s].start}" for s in todo]
    return Answer("\n".join(lines), (Button("Roadmap", names.ASK_ROADMAP, {"role": role_id}),))


@dataclass(frozen=True)
class Stage:
    goal: str
    skills: tuple[str, ...]
    milestone: str


def roadmap(base: SkillBase, profile: Profile, role_id: str, extra: Iterable[str] = ()) -> list[Stage]:
    """The gap as 3 to 5 stages: one per category of missing core skills, foundations first (the
    category order of skills.yml), each proved by that category's milestone project; then the
    helpful skills; then one project that puts the role's core skills together."""
    found = gap(base, profile, role_id, extra)
    by_category: dict[str, list[str]] = {}
    for skill_id in found.missing:
        by_category.setdefault(base.skills[skill_id].category, []).append(skill_id)
    stages = [
        Stage(
            goal=f"{base.categories[c].name}: get {_started_names(base, by_category[c], found.started)}"
            " to 'enough to start'",
            skills=tuple(by_category[c]),
            milestone=base.categories[c].milestone,
        )
        for c in base.categories
        if c in by_category
    ]
    while len(stages) > MAX_STAGES - 1:  # the last stage is the capstone
        last = stages.pop()
        before = stages.pop()
        merged = before.skills + last.skills
        stages.append(
            Stage(f"Then: {skill_names(base, merged)}", merged, f"{before.milestone}; then {last.milestone}")
        )
    role = base.kb.roles[role_id].name
    if len(stages) < MIN_STAGES - 1 and found.helpful:
        helpful = found.helpful[:3]
        stages.append(
            Stage(
                f"Round it off with helpful skills: {skill_names(base, helpful)}",
                helpful,
                f"add {base.name(helpful[0])} to one of your projects and write down what it changed",
            )
        )
    core = base.roles[role_id].core
    stages.append(
        Stage(
            f"Put it together as {indefinite(role)} would",
            core,
            f"one end-to-end project using {skill_names(base, core[:4])}, "
            "published with its code and a short write-up",
        )
    )
    while len(stages) < MIN_STAGES:
        stages.insert(
            0,
            Stage(
                "Refresh the core skills you have", found.have, "explain each of them with a small example"
            ),
        )
    return stages


def describe_roadmap(base: SkillBase, profile: Profile, role_id: str, extra: Iterable[str] = ()) -> Answer:
    stages = roadmap(base, profile, role_id, extra)
    found = gap(base, profile, role_id, extra)
    role = base.kb.roles[role_id].name
    lines = [f"Roadmap to {role} ({found.readiness} now; no timings, they depend on you):"]
    lines += [f"{i}. {stage.goal}" for i, stage in enumerate(stages, 1)]
    lines.append("Each stage ends with a small project that proves it: tap Milestones.")
    offers = (
        Button("Milestones", names.ASK_ROADMAP, {"role": role_id, "detail": "milestones"}),
        Button("My gap in detail", names.ASK_SKILL_GAP, {"role": role_id}),
        Button("Closest roles for me", names.ASK_CLOSEST_ROLE),
    )
    return Answer(fit("\n".join(lines)), offers)


def describe_milestones(base: SkillBase, profile: Profile, role_id: str) -> Answer:
    stages = roadmap(base, profile, role_id)
    lines = [f"Roadmap to {base.kb.roles[role_id].name}, with a milestone per stage:"]
    lines += [f"{i}. {stage.goal}. Milestone: {stage.milestone}." for i, stage in enumerate(stages, 1)]
    lines.append(f"Skills behind it: {_sources(base, role_id)}.")
    return Answer("\n".join(lines), (Button("My gap in detail", names.ASK_SKILL_GAP, {"role": role_id}),))


def closest(base: SkillBase, profile: Profile) -> list[Gap]:
    """Every role, the best covered first (share of core skills, then count, then fewest missing)."""
    gaps = [gap(base, profile, role_id) for role_id in base.roles]
    return sorted(gaps, key=lambda g: (-len(g.have) / g.total, -len(g.have), len(g.missing), g.role))


def describe_closest(base: SkillBase, profile: Profile) -> Answer:
    ranked = closest(base, profile)
    if not covered(base, profile):
        start = sorted(ranked, key=lambda g: (g.total, g.role))[:2]
        text = (
            "You haven't told me any skill you have yet, so no role is closer than another. "
            "The roles with the fewest core skills to learn are "
            + join_names([f"{base.kb.roles[g.role].name} ({g.total})" for g in start])
            + '. Tell me what you know ("I know Excel and some SQL") and I\'ll rank them for you.'
        )
        return Answer(
            text,
            tuple(
                Button(f"Gap to {base.kb.roles[g.role].name}", names.ASK_SKILL_GAP, {"role": g.role})
                for g in start
            ),
        )
    lines = ["Closest roles by the core skills you have:"]
    for found in ranked[:2]:
        role = base.kb.roles[found.role].name
        next_up = f"; next: {base.name(found.missing[0])}" if found.missing else ""
        lines.append(f"- {role}: {found.readiness} (you have {skill_names(base, found.have)}{next_up})")
    rest = [f"{base.kb.roles[g.role].name} {len(g.have)}/{g.total}" for g in ranked[2:5]]
    lines.append("Then: " + ", ".join(rest) + ".")
    offers = tuple(
        Button(f"Gap to {base.kb.roles[g.role].name}", names.ASK_SKILL_GAP, {"role": g.role})
        for g in ranked[:2]
    ) + (Button("What do you know about me?", names.ASK_PROFILE),)
    return Answer(fit("\n".join(lines)), offers)


def related(base: SkillBase, role_id: str, count: int = 3) -> list[tuple[str, tuple[str, ...]]]:
    """The roles sharing the most core skills with `role_id` (by overlap of the two core lists)."""
    core = set(base.roles[role_id].core)
    scored = []
    for other, skills in base.roles.items():
        if other == role_id:
            continue
        shared = tuple(s for s in skills.core if s in core)
        overlap = len(shared) / len(core | set(skills.core))
        scored.append((-overlap, other, shared))
    scored.sort()
    return [(other, shared) for _, other, shared in scored[:count] if shared]


def describe_related(base: SkillBase, role_id: str) -> Answer:
    role = base.kb.roles[role_id].name
    found = related(base, role_id)
    if not found:
        return Answer(f"No role of the family shares core skills with {role}.")
    lines = [f"Roles closest to {role} by shared core skills:"]
    lines += [f"- {base.kb.roles[o].name}: shares {skill_names(base, shared)}" for o, shared in found]
    offers = tuple(
        Button(f"{role} → {base.kb.roles[o].name}", names.ASK_TRANSITION, {"role": o, "background": role_id})
        for o, _ in found[:2]
    )
    return Answer(fit("\n".join(lines)), offers)


def describe_transition(base: SkillBase, profile: Profile, source: str, target: str) -> Answer:
    """From a role or a background to a role: what carries over, what is new, the roadmap."""
    if source == target:
        return describe_gap(base, profile, target)
    moved = replace(profile, background=source)
    found = gap(base, moved, target)
    origin, role = base.background_name(source), base.kb.roles[target].name
    assumption = f" (assumed for a typical {origin.lower()})" if source in base.backgrounds else ""
    if found.have:
        lines = [
            f"From {origin} to {role}: {found.readiness} carry over{assumption}: "
            f"{skill_names(base, found.have)}."
        ]
    else:
        lines = [f"From {origin} to {role}: you start at 0 of {found.total} core skills, and that's fine."]
    if found.missing:
        lines.append("New for you: " + _skill_list(base, found.missing, found.started) + ".")
    stages = roadmap(base, moved, target)
    steps = [short_names(base, s.skills) for s in stages[:-1]] + [f"one {role} project end to end"]
    lines.append("Roadmap: " + " → ".join(steps) + ".")
    offers = (
        Button("Milestones", names.ASK_ROADMAP, {"role": target, "detail": "milestones"}),
        Button("My gap in detail", names.ASK_SKILL_GAP, {"role": target}),
        Button(f"Roles like {role}", names.ASK_RELATED_ROLES, {"role": target}),
    )
    return Answer(fit("\n".join(lines)), offers)


def short_names(base: SkillBase, skill_ids: Iterable[str]) -> str:
    """ "Deep learning" for "Deep learning (PyTorch, TensorFlow)": for one-line roadmaps."""
    return join_names([base.name(s).split(" (")[0] for s in skill_ids])


def indefinite(name: str) -> str:
    """ "an AI Engineer", "an MLOps Engineer" (said "em-el"), "a Data Engineer"."""
    return f"{'an' if name[:1].upper() in 'AEIOU' or name.startswith('ML') else 'a'} {name}"
