"""The guidance actions (actions/guidance.py) with rasa-sdk's CollectingDispatcher."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.guidance import (
    ActionForgetSkill,
    ActionNoteSkills,
    ActionPlanTransition,
    ActionRankClosestRoles,
    ActionResetProfile,
    ActionShowProfile,
    ActionShowRoadmap,
    ActionShowSkillGap,
)
from actions.path import ActionRecommendPath

EMPTY = {"skills_had": None, "skills_hedged": None, "skills_lacked": None, "background": None}


def tracker(intent: str, entities: list[dict[str, Any]] | None = None, **slots: Any) -> Tracker:
    """A tracker whose latest message has `intent` and entities as the NLU sends them (with the
    skill reader's `polarity`)."""
    latest = {"text": "…", "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker(
        sender_id="test",
        slots={"role": None, "aspect": None, "path_result": None, **EMPTY, **slots},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def skill(value: str, polarity: str = "has") -> dict[str, Any]:
    return {"entity": "skill", "value": value, "polarity": polarity}


def profile_slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    names = {"skills_had", "skills_hedged", "skills_lacked", "background"}
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["name"] in names}


async def test_telling_skills_stores_them_by_polarity_and_says_what_was_noted(run) -> None:
    said = [
        skill("python"),
        skill("sql", "lacks"),
        skill("r", "hedged"),
        {"entity": "background", "value": "software_developer"},
    ]
    messages, events = await run(ActionNoteSkills(), tracker("tell_skills", said))
    assert profile_slots(events) == {
        "skills_had": ["python"],
        "skills_hedged": ["r"],
        "skills_lacked": ["sql"],
        "background": "software_developer",
    }
    text = messages[0]["text"]
    assert text.startswith("Noted: your background is Software developer. I'll assume you bring")
    assert "You know Python for data work. You have a start in R. Not yet: SQL." in text


async def test_a_correction_moves_the_skill_and_an_unknown_one_is_said_plainly(run) -> None:
    said = [skill("r", "lacks"), {"entity": "unknown_skill", "value": "COBOL"}]
    messages, events = await run(ActionNoteSkills(), tracker("tell_skills", said, skills_had=["python", "r"]))
    assert profile_slots(events)["skills_had"] == ["python"]
    assert profile_slots(events)["skills_lacked"] == ["r"]
    assert "I don't have COBOL in my list of data skills" in messages[0]["text"]


async def test_the_gap_uses_the_profile_and_the_role_named(run) -> None:
    slots: dict[str, Any] = {"skills_had": ["sql", "python"]}
    entities = [{"entity": "role", "value": "data_engineer"}]
    messages, events = await run(ActionShowSkillGap(), tracker("ask_skill_gap", entities, **slots))
    assert messages[0]["text"].startswith(
        "Data Engineer: you have 2 of 7 core skills (SQL and Python for data work)."
    )
    assert [b["title"] for b in messages[0]["buttons"]][0] == "Roadmap"
    assert SlotSet("role", "data_engineer") in events


async def test_without_a_role_the_gap_asks_which_offering_the_closest_first(run) -> None:
    messages, _ = await run(ActionShowSkillGap(), tracker("ask_skill_gap", skills_had=["excel", "sql"]))
    assert messages[0]["text"].startswith("For which role?")
    assert messages[0]["buttons"][0]["payload"] == '/ask_skill_gap{"role": "data_analyst"}'


async def test_roadmap_and_its_milestones(run) -> None:
    short, _ = await run(ActionShowRoadmap(), tracker("ask_roadmap", role="data_analyst"))
    assert short[0]["text"].startswith("Roadmap to Data Analyst (0 of 7 core skills now")
    detail = [{"entity": "detail", "value": "milestones"}]
    long, _ = await run(ActionShowRoadmap(), tracker("ask_roadmap", detail, role="data_analyst"))
    assert "Milestone:" in long[0]["text"]


async def test_closest_roles_and_a_move_from_the_background(run) -> None:
    slots: dict[str, Any] = {"skills_had": ["python", "statistics"], "background": "academic_researcher"}
    closest, events = await run(ActionRankClosestRoles(), tracker("ask_closest_role", **slots))
    assert closest[0]["text"].startswith("Closest roles by the core skills you have:\n- Statistician")
    # "how long would it take to get there?" next is about the closest role.
    assert {"event": "slot", "name": "role", "value": "statistician"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    move = [{"entity": "role", "value": "data_scientist"}]
    messages, events = await run(ActionPlanTransition(), tracker("ask_transition", move, **slots))
    assert messages[0]["text"].startswith(
        "From Academic researcher to Data Scientist: 2 of 5 core skills carry over"
    )


async def test_a_move_with_no_starting_point_asks_for_one(run) -> None:
    move = [{"entity": "role", "value": "data_engineer"}]
    messages, _ = await run(ActionPlanTransition(), tracker("ask_transition", move))
    assert messages[0]["text"].startswith("Where are you starting from?")
    assert (
        messages[0]["buttons"][0]["payload"]
        == '/ask_transition{"role": "data_engineer", "background": "software_developer"}'
    )


async def test_a_role_named_as_background_is_the_start_and_the_other_the_goal(run) -> None:
    said = [
        {"entity": "role", "value": "data_analyst"},
        {"entity": "background", "value": "data_analyst"},
        {"entity": "role", "value": "data_engineer"},
    ]
    messages, events = await run(ActionPlanTransition(), tracker("ask_transition", said))
    assert messages[0]["text"].startswith("From Data Analyst to Data Engineer: 2 of 7 core skills carry over")
    assert profile_slots(events)["background"] == "data_analyst"


async def test_a_move_starts_from_the_role_the_words_say(run) -> None:
    text = "is data science too much of a stretch for a data analyst?"
    said = [
        {"entity": "role", "value": "data_scientist", "start": text.index("data science")},
        {"entity": "role", "value": "data_analyst", "start": text.index("data analyst")},
    ]
    move = tracker("ask_transition", said)
    move.latest_message["text"] = text
    messages, _ = await run(ActionPlanTransition(), move)
    assert messages[0]["text"].startswith("From Data Analyst to Data Scientist:")


async def test_profile_forget_and_reset(run) -> None:
    slots: dict[str, Any] = {"skills_had": ["sql", "python"], "skills_lacked": ["r"]}
    shown, _ = await run(ActionShowProfile(), tracker("ask_profile", **slots))
    assert "- You know: SQL and Python for data work" in shown[0]["text"]
    forgot, events = await run(ActionForgetSkill(), tracker("forget_skill", [skill("sql")], **slots))
    assert forgot[0]["text"] == "Done: I've forgotten what you said about SQL."
    assert profile_slots(events)["skills_had"] == ["python"]
    which, events = await run(ActionForgetSkill(), tracker("forget_skill", **slots))
    assert which[0]["text"].startswith("Which skill should I forget?") and events == []
    reset, events = await run(ActionResetProfile(), tracker("reset_profile", **slots))
    assert reset[0]["text"].startswith("Done: I've forgotten your skills and background.")
    assert profile_slots(events) == {
        "skills_had": [],
        "skills_hedged": [],
        "skills_lacked": [],
        "background": None,
    }


async def test_the_path_result_offers_the_gap_for_the_recommended_role(run) -> None:
    answers = {
        "enjoy": "building",
        "strength": "software",
        "build_focus": "train_models",
        "audience": "infrastructure",
        "study": "degree",
        "trouble": "reliability",
    }
    messages, _ = await run(ActionRecommendPath(), tracker("answer_path", path_answers=answers))
    learn = [b for b in messages[0]["buttons"] if b["title"] == "What would I need to learn?"]
    assert learn and learn[0]["payload"].startswith("/ask_skill_gap{")
