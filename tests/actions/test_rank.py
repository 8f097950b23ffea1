from __future__ import annotations

from actions.rank import ActionListRoles, ActionRankRoles
from tests.actions.tracker import tracker


def _from(channel: str, intent: str, entities: dict) -> object:
    built = tracker(intent, entities)
    built.events[0]["input_channel"] = channel
    return built


async def test_ranking_is_short_with_buttons_for_the_detail(run) -> None:
    messages, events = await run(ActionRankRoles(), tracker("rank_roles", {"aspect": ["outlook"]}))
    text = messages[0]["text"]
    assert text.startswith("Which data job is growing fastest?") and len(text) <= 600
    assert "1. Data Scientists = Business Intelligence Analysts (proxy) = Data Analysts (proxy): +34%" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/rank_roles{"aspect": "outlook", "ranking": "full"}',
        '/rank_roles{"aspect": "outlook", "ranking": "chart"}',
        '/rank_roles{"aspect": "salary"}',
    ]
    # The first answer of a conversation ends with "Was this helpful?" (issue 19), which rates it.
    assert events == [
        {"event": "slot", "timestamp": None, "name": "aspect", "value": "outlook"},
        {"event": "slot", "timestamp": None, "name": "feedback_kind", "value": "action_rank_roles"},
    ]


async def test_no_dimension_named_ranks_pay(run) -> None:
    messages, _ = await run(ActionRankRoles(), tracker("rank_roles"))
    assert messages[0]["text"].startswith("Which data job pays the most?")


async def test_full_ranking_lists_the_roles_not_compared(run) -> None:
    messages, _ = await run(
        ActionRankRoles(), tracker("rank_roles", {"aspect": ["salary"], "ranking": ["full"]})
    )
    assert (
        "Not comparable (no figure from this source, statistic and period), so not ranked:"
        in messages[0]["text"]
    )


async def test_the_chart_is_an_image_in_the_widget_and_text_bars_elsewhere(run) -> None:
    chart_asked = {"aspect": ["salary"], "ranking": ["chart"]}
    messages, _ = await run(ActionRankRoles(), _from("socketio", "rank_roles", chart_asked))
    assert messages[0]["image"] == "chart/salary.png"
    assert messages[0]["text"].startswith("Chart: Median annual pay, US, May 2024")
    for channel in ("slack", "cmdline", "rest"):
        messages, _ = await run(ActionRankRoles(), _from(channel, "rank_roles", chart_asked))
        assert messages[0]["image"] is None
        assert (
            "█" in messages[0]["text"]
            and "$140,910 a year  AI / ML Research Scientists" in messages[0]["text"]
        )


async def test_ranking_on_an_aspect_without_figures_says_so(run) -> None:
    messages, _ = await run(ActionRankRoles(), tracker("rank_roles", {"aspect": ["tools"]}))
    assert messages[0]["text"].startswith("I can't rank the roles on tools")


async def test_a_ranking_in_another_country_says_so_first(run) -> None:
    messages, _ = await run(
        ActionRankRoles(), tracker("rank_roles", {"aspect": ["salary"], "place": ["Brazil"]})
    )
    assert messages[0]["text"].splitlines()[0] == "My salary figures are for the US; I have none for Brazil."


async def test_list_roles_names_the_family(run) -> None:
    messages, _ = await run(ActionListRoles(), tracker("list_roles"))
    assert messages[0]["text"].startswith(
        "I know 10 data careers: AI Engineer, Business Intelligence Analyst"
    )
    assert "Statistician" in messages[0]["text"]
