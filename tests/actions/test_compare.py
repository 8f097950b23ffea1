from __future__ import annotations

from actions.compare import ActionCompareRoles
from tests.actions.tracker import tracker

DS, MLE = "data_scientist", "machine_learning_engineer"


async def test_which_pays_more_with_no_roles_in_sight_ranks_the_family(run) -> None:
    messages, events = await run(
        ActionCompareRoles(), tracker("compare_roles", {"aspect": ["salary"]}, {"role": None})
    )
    assert messages[0]["text"].startswith("Which data job pays the most? Median annual pay, US, May 2024")
    assert len(messages[0]["text"]) <= 600
    assert [b["title"] for b in messages[0]["buttons"]] == ["Full ranking", "Pay chart", "Rank on growth"]
    # The first answer of a conversation ends with "Was this helpful?" (issue 19), which rates it.
    assert events == [
        {"event": "slot", "timestamp": None, "name": "aspect", "value": "salary"},
        {"event": "slot", "timestamp": None, "name": "feedback_kind", "value": "action_compare_roles"},
    ]


async def test_which_pays_more_of_two_roles_compares_salary_and_keeps_the_roles_compared(run) -> None:
    messages, events = await run(
        ActionCompareRoles(),
        tracker("compare_roles", {"role": [DS, MLE], "aspect": ["salary"]}, {"role": None}),
    )
    assert messages[0]["text"].startswith("Data Scientist vs Machine Learning Engineer: salary")
    assert "The sources disagree" in messages[0]["text"]
    assert events == [
        {"event": "slot", "timestamp": None, "name": "role", "value": None},
        {"event": "slot", "timestamp": None, "name": "compared_roles", "value": [DS, MLE]},
        {
            "event": "slot",
            "timestamp": None,
            "name": "feedback_kind",
            "value": "action_compare_roles",
        },  # "Was this helpful?" rates it (issue 19)
    ]


async def test_one_role_named_is_compared_with_the_role_in_focus(run) -> None:
    built = tracker("compare_roles", {"role": [MLE], "aspect": ["skills"]}, {"role": MLE})
    # The role slot already holds the role named; the one in focus was set before the message.
    built.events = [{"event": "slot", "name": "role", "value": DS}, *built.events]
    messages, _ = await run(ActionCompareRoles(), built)
    assert messages[0]["text"].startswith("Machine Learning Engineer vs Data Scientist: skills")


async def test_difference_without_aspect_is_in_short_with_point_by_point_behind_a_button(run) -> None:
    messages, _ = await run(ActionCompareRoles(), tracker("compare_roles", {"role": [DS, "data_analyst"]}))
    assert messages[0]["text"].startswith("Data Scientist vs Data Analyst, in short:")
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[0] == "Point by point"
    assert "Compare on salary" in titles


async def test_difference_with_nothing_to_say_which_roles_asks_which_two(run) -> None:
    messages, _ = await run(ActionCompareRoles(), tracker("compare_roles"))
    assert messages[0]["text"].startswith("I can compare any two of my 10 roles")
    assert messages[0]["buttons"][0]["payload"] == (
        '/compare_roles{"role": ["data_scientist", "machine_learning_engineer"]}'
    )


async def test_new_roles_compare_like_for_like_only(run) -> None:
    messages, _ = await run(
        ActionCompareRoles(), tracker("compare_roles", {"role": ["data_analyst", DS], "aspect": ["salary"]})
    )
    text = messages[0]["text"]
    # The analyst's figure is the Data Scientists occupation's, as a proxy: never ranked against it.
    assert "No source gives a like-for-like figure for every role" in text
    assert "proxy occupation Data Scientists" in text


async def test_an_uncovered_job_in_a_comparison_is_said_not_covered_instead_of_comparing_others(run) -> None:
    messages, events = await run(
        ActionCompareRoles(), tracker("compare_roles", {"role": [DS], "job": ["dentist"]}, {"role": DS})
    )
    text = messages[0]["text"]
    assert text.startswith(
        'Sorry, "dentist" is not a role I cover, so I can\'t compare it with Data Scientists.'
    )
    assert " vs " not in text
    assert events == []


async def test_a_comparison_in_another_country_says_so_first(run) -> None:
    messages, _ = await run(
        ActionCompareRoles(), tracker("compare_roles", {"aspect": ["salary"], "place": ["Brazil"]})
    )
    first = messages[0]["text"].splitlines()[0]
    assert first == "My salary figures are for the US; I have none for Brazil."
