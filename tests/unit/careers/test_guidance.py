"""Personal guidance computed from skills lists (careers/guidance.py, careers/skills_kb.py).

Gap, ordering, readiness, closest roles and transitions use a small fixture: three real role ids
with skill lists made up for the test, so the figures below follow from the fixture alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from careers import guidance, knowledge, skills_kb
from careers.answer import MAX_CHARS
from careers.guidance import Profile
from careers.knowledge import KnowledgeBaseError
from careers.skills_kb import Background, RoleSkills, SkillBase

REAL = skills_kb.default()
DA, DE, DS = "data_analyst", "data_engineer", "data_scientist"


@pytest.fixture(scope="module")
def base() -> SkillBase:
    roles = {
        DA: RoleSkills(
            DA, ("excel", "sql", "statistics", "data_visualisation"), ("r",), ("roadmap_sh_data_analyst",)
        ),
        DE: RoleSkills(
            DE, ("sql", "python", "data_pipelines", "cloud"), ("git",), ("roadmap_sh_data_engineer",)
        ),
        DS: RoleSkills(
            DS, ("python", "statistics", "machine_learning"), ("r", "bi_tools"), ("blockchain_council_2024",)
        ),
    }
    developer = Background("software_developer", "Software developer", ("developer",), ("git", "python"))
    student = Background("student", "Student or beginner with no experience", ("student",), ())
    backgrounds = {"software_developer": developer, "student": student}
    return SkillBase(
        kb=REAL.kb, categories=REAL.categories, skills=REAL.skills, roles=roles, backgrounds=backgrounds
    )


def test_gap_names_what_you_have_and_lists_the_missing_core_in_the_roles_order(base: SkillBase) -> None:
    person = Profile(had=("statistics", "r"), hedged=("cloud",))
    gap = guidance.gap(base, person, DE)
    assert gap.have == ()
    assert gap.missing == ("sql", "python", "data_pipelines", "cloud")
    assert gap.started == ("cloud",)
    assert gap.readiness == "0 of 4 core skills"
    text = guidance.describe_gap(base, Profile(had=("sql", "python")), DE).text
    assert text.startswith("Data Engineer: you have 2 of 4 core skills (SQL and Python for data work).")
    assert "Core to learn, in order: Data pipelines (ETL, orchestration), Cloud platforms" in text
    assert "Helpful after: Git and version control." in text
    assert "%" not in text and "chance" not in text  # readiness is a count, never a probability


def test_a_skill_implied_by_another_counts_and_a_lacked_one_never_does(base: SkillBase) -> None:
    person = Profile(had=("python",), lacked=("git",), background="software_developer")
    assert "programming_basics" in guidance.covered(base, person)
    assert "git" not in guidance.covered(base, person)  # the person's word beats the assumption


def test_closest_roles_rank_by_share_of_core_skills_with_a_reason_for_the_top_two(base: SkillBase) -> None:
    person = Profile(had=("python", "statistics"))
    assert [g.role for g in guidance.closest(base, person)] == [DS, DA, DE]
    text = guidance.describe_closest(base, person).text
    assert "- Data Scientist: 2 of 3 core skills (you have Python for data work and Statistics" in text
    assert "next: Machine learning" in text
    assert "- Data Analyst: 1 of 4 core skills" in text


def test_closest_roles_with_nothing_told_says_so_and_still_helps(base: SkillBase) -> None:
    answer = guidance.describe_closest(base, Profile(lacked=("python",)))
    assert answer.text.startswith("You haven't told me any skill you have yet")
    assert [o.intent for o in answer.buttons] == ["ask_skill_gap", "ask_skill_gap"]


def test_a_roadmap_has_three_to_five_ordered_stages_each_with_a_milestone(base: SkillBase) -> None:
    for role in (DA, DE, DS):
        for person in (Profile(), Profile(had=("sql", "python", "statistics"))):
            stages = guidance.roadmap(base, person, role)
            assert 3 <= len(stages) <= 5
            assert all(stage.milestone and stage.goal for stage in stages)
    stages = guidance.roadmap(base, Profile(), DE)
    # Foundations first: the category order of skills.yml, then the capstone.
    assert stages[0].skills == ("sql", "python")
    assert stages[-1].goal == "Put it together as a Data Engineer would"
    text = guidance.describe_roadmap(base, Profile(hedged=("python",)), DE).text
    assert "no timings" in text and "$" not in text
    assert "1. Programming: get SQL and Python for data work (you have a start) to 'enough to start'" in text


def test_every_real_roadmap_fits_the_rules(base: SkillBase) -> None:
    for role in REAL.roles:
        for start in (*REAL.backgrounds, *REAL.roles):
            person = Profile(background=start)
            assert 3 <= len(guidance.roadmap(REAL, person, role)) <= 5
            answer = guidance.describe_transition(REAL, person, start, role)
            assert len(answer.text) <= MAX_CHARS, (start, role)


def test_a_move_from_a_role_says_what_carries_over_and_what_is_new(base: SkillBase) -> None:
    text = guidance.describe_transition(base, Profile(), DA, DE).text
    assert text.startswith("From Data Analyst to Data Engineer: 1 of 4 core skills carry over: SQL.")
    assert "New for you: Python for data work, Data pipelines (ETL, orchestration), Cloud platforms" in text
    assert (
        "Roadmap: Python for data work → Data pipelines → Cloud platforms → one Data Engineer project" in text
    )


def test_a_move_from_a_background_marks_its_skills_as_an_assumption(base: SkillBase) -> None:
    text = guidance.describe_transition(base, Profile(), "software_developer", DS).text
    assert "1 of 3 core skills carry over (assumed for a typical software developer): Python" in text
    beginner = guidance.describe_transition(base, Profile(), "student", DS).text
    assert beginner.startswith(
        "From Student or beginner with no experience to Data Scientist: you start at 0 of 3"
    )


def test_related_roles_are_the_ones_sharing_most_core_skills(base: SkillBase) -> None:
    assert guidance.related(base, DS) == [(DA, ("statistics",)), (DE, ("python",))]
    assert guidance.related(REAL, "data_analyst")[0][0] == "data_scientist"


def test_telling_correcting_and_forgetting(base: SkillBase) -> None:
    person = guidance.tell(Profile(), {"python": "has", "r": "has", "sql": "lacks"}, "student")
    person = guidance.tell(person, {"r": "lacks"})  # "actually I don't know R"
    assert person == Profile(had=("python",), lacked=("sql", "r"), background="student")
    person = guidance.forget(person, ["sql"])
    assert person.lacked == ("r",)
    text = guidance.describe_profile(base, person).text
    assert "- You know: Python for data work" in text and "- Not yet: R" in text


def test_odd_input_is_said_plainly(base: SkillBase) -> None:
    nothing = guidance.acknowledge(base, {}, None, [])
    assert "I didn't catch a skill there" in nothing.text
    negated = guidance.acknowledge(base, {"python": "lacks", "sql": "lacks"}, None, [])
    assert (
        "Not yet: Python for data work and SQL." in negated.text
        and "Everyone starts somewhere" in negated.text
    )
    unknown = guidance.acknowledge(base, {"python": "has"}, None, ["COBOL"])
    assert "I don't have COBOL in my list of data skills" in unknown.text
    assert guidance.describe_profile(base, Profile()).text.startswith("I don't know anything about you yet")


def test_every_answer_is_chat_sized() -> None:
    person = Profile(had=("python", "sql"), hedged=("statistics",), background="academic_researcher")
    for role in REAL.roles:
        for answer in (
            guidance.describe_gap(REAL, person, role),
            guidance.describe_roadmap(REAL, person, role),
            guidance.describe_related(REAL, role),
        ):
            assert len(answer.text) <= MAX_CHARS and answer.buttons
    assert len(guidance.describe_closest(REAL, person).text) <= MAX_CHARS


def test_every_role_has_core_skills_from_its_own_sources() -> None:
    for role_id, role_skills in REAL.roles.items():
        assert role_skills.core
        role = REAL.kb.roles[role_id]
        assert set(role_skills.sources) <= {s for a in ("skills", "tools") for s in role.sections[a].sources}


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, target)
    return target


def edit(path: Path, key: str, value: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["skills"][key] = value
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("core", ["python", "quantum_typing"], "'quantum_typing' is not a skill id"),
        ("core", [], "a role needs at least one core skill"),
        ("helpful", ["python"], "either core or helpful"),
        ("sources", ["nowhere"], "'nowhere' is not in sources.yml"),
    ],
)
def test_a_broken_skills_block_names_file_role_and_field(
    kb_copy: Path, key: str, value: object, problem: str
) -> None:
    edit(kb_copy / "roles" / "data_scientist.yml", key, value)
    with pytest.raises(KnowledgeBaseError) as error:
        skills_kb.load(kb_copy)
    assert "data_scientist.yml" in str(error.value) and "role data_scientist" in str(error.value)
    assert f"skills.{key}" in str(error.value) and problem in str(error.value)


def test_the_skill_reader_runs_after_the_knowledge_base_matcher() -> None:
    config = yaml.safe_load((Path(__file__).resolve().parents[3] / "config.yml").read_text(encoding="utf-8"))
    names = [c["name"] for c in config["pipeline"]]
    assert (
        names.index("addons.nlu.skill_reader.SkillReader")
        == names.index("addons.nlu.kb_entities.KnowledgeBaseEntityMatcher") + 1
    )


STATS = [{"entity": "skill", "value": "statistics"}, {"entity": "aspect", "value": "skills"}]
ANALYST = [{"entity": "role", "value": "data_analyst"}, {"entity": "background", "value": "data_analyst"}]


@pytest.mark.parametrize(
    ("intent", "entities", "text", "expected"),
    [
        ("tell_skills", STATS, "no statistics", None),
        ("reset_profile", [], "clear my skills", None),
        ("reset_profile", [{"entity": "skill", "value": "sql"}], "clear sql from my skills", "forget_skill"),
        ("forget_skill", [], "forget everything about me", "reset_profile"),
        ("inform_role", ANALYST, "I'm a data analyst", "tell_skills"),
    ],
)  # fmt: skip
def test_intent_rules_keep_what_a_person_says_about_themselves(
    intent: str, entities: list[dict[str, str]], text: str, expected: str | None
) -> None:
    from addons.nlu.intent_rules import decide

    decision = decide(intent, 0.9, entities, text, 0.6)
    assert (decision.intent if decision else None) == expected


def test_the_article_fits_the_name() -> None:
    assert [guidance.indefinite(n) for n in ("MLOps Engineer", "AI Engineer", "Data Analyst", "actuary")] == [
        "an MLOps Engineer",
        "an AI Engineer",
        "a Data Analyst",
        "an actuary",
    ]
