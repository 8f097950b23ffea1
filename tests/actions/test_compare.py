from __future__ import annotations

from actions.compare import ActionCompareRoles
from tests.actions.tracker import tracker


async def test_which_pays_more_compares_salary_and_clears_the_single_role(run) -> None:
    messages, events = await run(
        ActionCompareRoles(), tracker("compare_roles", {"aspect": ["salary"]}, {"role": "data_scientist"})
    )
    assert messages[0]["text"].startswith("Data Scientist vs Machine Learning Engineer: salary")
    assert "The sources disagree" in messages[0]["text"]
    assert events == [{"event": "slot", "timestamp": None, "name": "role", "value": None}]


async def test_difference_without_aspect_is_in_short_with_point_by_point_behind_a_button(run) -> None:
    messages, _ = await run(ActionCompareRoles(), tracker("compare_roles"))
    assert "interpreting data" in messages[0]["text"]
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[0] == "Point by point"
    assert "Compare on salary" in titles
