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


async def test_difference_without_aspect_is_point_by_point(run) -> None:
    messages, _ = await run(ActionCompareRoles(), tracker("compare_roles"))
    assert "point by point" in messages[0]["text"]
