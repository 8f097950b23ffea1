"""careers/reading.py: the parts read from a message's clauses (no model: the clauses are given)."""

from __future__ import annotations

from careers import reading


def test_a_skill_in_a_question_is_not_a_profile_statement() -> None:
    text = "does a data engineer need SQL?"
    sql = {"entity": "skill", "value": "sql", "start": 25, "end": 28, "polarity": "has"}
    parts = reading.assemble(text, [reading.Clause(0, len(text), text, "ask_role_skills", 0.9)], [sql])
    assert [p.kind for p in parts] == ["question"]


def test_the_same_question_twice_is_answered_once() -> None:
    text = "what do they earn? how much do they make?"
    clauses = [
        reading.Clause(0, 18, text[:18], "ask_role_salary", 0.9),
        reading.Clause(18, 41, text[18:], "ask_role_salary", 0.9),
    ]
    assert len(reading.assemble(text, clauses, [])) == 1


def clause(text: str, intent: str, start: int = 0, end: int | None = None) -> reading.Clause:
    end = len(text) if end is None else end
    return reading.Clause(start, end, text[start:end], intent, 0.9)


def entity(text: str, kind: str, value: str, phrase: str, polarity: str | None = None) -> dict[str, object]:
    start = text.index(phrase)
    found: dict[str, object] = {"entity": kind, "value": value, "start": start, "end": start + len(phrase)}
    if polarity:
        found["polarity"] = polarity
    return found


def test_a_correction_in_any_wording_takes_the_skill_back() -> None:
    for text in ("scratch the communication bit, i'm terrible at presenting", "hmm take out sql please"):
        skill = "communication" if "communication" in text else "sql"
        found = entity(text, "skill", skill, skill, "has")
        parts = reading.assemble(text, [clause(text, "tell_skills")], [found])
        assert [(p.kind, p.intent) for p in parts] == [("correction", "forget_skill")], text


def test_a_statement_the_model_took_for_a_correction_is_a_profile() -> None:
    text = "I know Python and a fair bit of statistics from my degree."
    python = entity(text, "skill", "python", "Python", "has")
    parts = reading.assemble(text, [clause(text, "forget_skill")], [python])
    assert [p.kind for p in parts] == ["profile"]


def test_saying_what_one_is_asks_nothing() -> None:
    text = "I'm a junior data engineer. How do I get to MLOps from here?"
    cut = text.index("How")
    entities = [
        entity(text, "role", "data_engineer", "data engineer"),
        entity(text, "background", "data_engineer", "data engineer", "has"),
        entity(text, "role", "mlops_engineer", "MLOps"),
    ]
    parts = reading.assemble(
        text, [clause(text, "ask_age", 0, cut), clause(text, "ask_roadmap", cut)], entities
    )
    assert [(p.kind, p.intent) for p in parts] == [("profile", "tell_skills"), ("question", "ask_roadmap")]


def test_questions_after_telling_ones_skills_are_about_the_person() -> None:
    text = "So far I've learned SQL. What else should a BI analyst know?"
    cut = text.index("What")
    entities = [
        entity(text, "skill", "sql", "SQL", "has"),
        entity(text, "role", "business_intelligence_analyst", "BI analyst"),
    ]
    parts = reading.assemble(
        text, [clause(text, "tell_skills", 0, cut), clause(text, "ask_role_skills", cut)], entities
    )
    assert [p.intent for p in parts] == ["tell_skills", "ask_skill_gap"]
    # Without "else" the role's skills are asked as they are.
    plain = text.replace("What else should", "What should")
    parts = reading.assemble(
        plain,
        [clause(plain, "tell_skills", 0, cut), clause(plain, "ask_role_skills", cut)],
        [entity(plain, "skill", "sql", "SQL", "has")],
    )
    assert [p.intent for p in parts] == ["tell_skills", "ask_role_skills"]


def test_a_comparison_with_one_role_compares_with_the_role_asked_before() -> None:
    text = "what is an AI engineer exactly and how is it different from an ML engineer"
    cut = text.index("and how")
    entities = [
        entity(text, "role", "ai_engineer", "AI engineer"),
        entity(text, "role", "machine_learning_engineer", "ML engineer"),
    ]
    parts = reading.assemble(
        text, [clause(text, "ask_role_overview", 0, cut), clause(text, "compare_roles", cut)], entities
    )
    assert parts[-1].intent == "compare_roles"
    assert parts[-1].roles == ("ai_engineer", "machine_learning_engineer")


def test_which_role_fits_me_is_the_guided_path_unless_it_points_at_one() -> None:
    text = "what role for me"
    assert [p.intent for p in reading.assemble(text, [clause(text, "ask_role_fit")], [])] == ["start_path"]
    text = "and is it a fit for me?"
    assert [p.intent for p in reading.assemble(text, [clause(text, "ask_role_fit")], [])] == ["ask_role_fit"]


def test_where_to_start_is_the_roadmap_and_which_tool_is_the_tools() -> None:
    text = "where would I start?"
    assert [p.intent for p in reading.assemble(text, [clause(text, "start_path")], [])] == ["ask_roadmap"]
    text = "and which cloud platform should I learn?"
    platform = entity(text, "aspect", "tools", "platform")
    parts = reading.assemble(text, [clause(text, "start_path")], [platform])
    assert [p.intent for p in parts] == ["ask_role_tools"]


def test_a_denied_job_is_no_background() -> None:
    text = "i like talking to people, i'm not a hardcore programmer."
    found = entity(text, "background", "software_developer", "programmer", "has")
    assert reading.assemble(text, [clause(text, "tell_skills")], [found]) == []


def test_statements_beside_a_personal_question_are_about_the_person() -> None:
    text = "good at talking to stakeholders, decent in excel, no python yet. gap to bi analyst?"
    cut = text.index("gap")
    entities = [
        entity(text, "skill", "excel", "excel", "hedged"),
        entity(text, "skill", "python", "python", "lacks"),
        entity(text, "role", "business_intelligence_analyst", "bi analyst"),
    ]
    parts = reading.assemble(
        text, [clause(text, "tell_skills", 0, cut), clause(text, "ask_skill_gap", cut)], entities
    )
    assert [(p.kind, p.intent) for p in parts] == [("profile", "tell_skills"), ("question", "ask_skill_gap")]


def test_likes_and_dislikes_then_which_fits_is_the_guided_path() -> None:
    text = "i like digging into data more than building software. what would fit me best?"
    cut = text.index("what")
    parts = reading.assemble(
        text, [clause(text, "ask_role_tools", 0, cut), clause(text, "ask_closest_role", cut)], []
    )
    assert [p.intent for p in parts] == ["start_path"]


def test_after_telling_ones_skills_readiness_first_steps_and_a_choice_are_personal() -> None:
    profile = "I know pandas and sql."
    for question, asked, meant in (
        (" where do I stand for a data scientist job?", "ask_role_overview", "ask_skill_gap"),
        (" what should i learn first for data analyst", "ask_role_skills", "ask_roadmap"),
        (" research scientist or ml engineer?", "compare_roles", "start_path"),
        (" could I still learn it at 40?", "ask_ai_risk", "ask_age"),
    ):
        text = profile + question
        cut = len(profile)
        entities = [entity(text, "skill", "sql", "sql", "has")]
        for name, role in (
            ("data scientist", "data_scientist"),
            ("data analyst", "data_analyst"),
            ("research scientist", "research_scientist"),
            ("ml engineer", "machine_learning_engineer"),
        ):
            if name in text:
                entities.append(entity(text, "role", role, name))
        parts = reading.assemble(
            text, [clause(text, "tell_skills", 0, cut), clause(text, asked, cut)], entities
        )
        assert [p.intent for p in parts] == ["tell_skills", meant], question


def test_a_role_said_as_a_goal_is_the_role_of_the_question_after_it() -> None:
    text = "Software engineer, 6 yrs of Go. Thinking about MLOps. Am I ready or what should I pick up first?"
    aim, question = text.index("Thinking"), text.index("Am I")
    entities = [
        entity(text, "skill", "systems_language", "Go", "has"),
        entity(text, "role", "mlops_engineer", "MLOps"),
    ]
    clauses = [
        clause(text, "tell_skills", 0, aim),
        clause(text, "inform_role", aim, question),
        clause(text, "ask_skill_gap", question),
    ]
    parts = reading.assemble(text, clauses, entities)
    assert [(p.kind, p.intent, p.roles) for p in parts] == [
        ("profile", "tell_skills", ()),
        ("question", "ask_skill_gap", ("mlops_engineer",)),
    ]


def test_a_question_about_each_of_two_roles_compares_them() -> None:
    text = (
        "which has better growth, ai engineer or research scientist, and what would a new grad earn in each"
    )
    cut = text.index("and what")
    entities = [
        entity(text, "aspect", "outlook", "growth"),
        entity(text, "role", "ai_engineer", "ai engineer"),
        entity(text, "role", "research_scientist", "research scientist"),
        entity(text, "aspect", "salary", "earn"),
    ]
    parts = reading.assemble(
        text, [clause(text, "compare_roles", 0, cut), clause(text, "ask_role_salary", cut)], entities
    )
    assert [(p.intent, p.roles, p.aspects) for p in parts] == [
        ("compare_roles", ("ai_engineer", "research_scientist"), ("outlook",)),
        ("compare_roles", ("ai_engineer", "research_scientist"), ("salary",)),
    ]


def test_the_role_one_works_in_is_no_choice() -> None:
    text = "me: 2 years as a data analyst, python, sql. could i jump straight to ml engineer or is that dumb"
    cut = text.index("could")
    entities = [
        entity(text, "role", "data_analyst", "data analyst"),
        entity(text, "background", "data_analyst", "data analyst", "has"),
        entity(text, "skill", "python", "python", "has"),
        entity(text, "role", "machine_learning_engineer", "ml engineer"),
    ]
    parts = reading.assemble(
        text, [clause(text, "tell_skills", 0, cut), clause(text, "start_path", cut)], entities
    )
    assert [(p.intent, p.roles) for p in parts] == [
        ("tell_skills", ()),
        ("ask_transition", ("machine_learning_engineer",)),
    ]


def test_a_comparison_naming_one_role_and_one_aspect_asks_about_that_role() -> None:
    text = "is database administration a dying job?"
    entities = [
        entity(text, "role", "database_administrator", "database administration"),
        entity(text, "aspect", "outlook", "dying"),
    ]
    parts = reading.assemble(text, [clause(text, "compare_roles")], entities)
    assert [p.intent for p in parts] == ["ask_role_outlook"]


def test_a_question_without_its_question_mark_after_a_profile_is_still_asked() -> None:
    text = "i'm a 2nd year econ undergrad, a little R. how do i start"
    cut = text.index("how")
    entities = [entity(text, "skill", "r", "R", "hedged")]
    parts = reading.assemble(
        text,
        [
            clause(text, "tell_skills", 0, cut),
            reading.Clause(
                cut, len(text), text[cut:], "tell_skills", 0.5, (("tell_skills", 0.5), ("start_path", 0.3))
            ),
        ],
        entities,
    )
    assert [p.intent for p in parts] == ["tell_skills", "ask_roadmap"]


def test_the_one_aspect_named_outweighs_an_unsure_guess_of_another() -> None:
    text = "BI analyst in a nutshell?"
    entities = [
        entity(text, "role", "business_intelligence_analyst", "BI analyst"),
        entity(text, "aspect", "overview", "nutshell"),
    ]
    unsure = reading.Clause(0, len(text), text, "ask_role_salary", 0.4)
    assert [p.intent for p in reading.assemble(text, [unsure], entities)] == ["ask_role_overview"]
    sure = reading.Clause(0, len(text), text, "ask_role_salary", 0.9)
    assert [p.intent for p in reading.assemble(text, [sure], entities)] == ["ask_role_salary"]
