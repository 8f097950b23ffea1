"""Rankings of the whole family on pay or growth, and the list of roles (feature `rank`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb
from actions import pay as pay_action
from actions._common import button, caveats, entity_values
from actions.feedback import answered, asks_feedback
from careers import chart, names, rank, roles

# Channels that show an image message: the web widget (socket.io). The shell, Slack and REST
# scripts get the same ranking as text bars.
IMAGE_CHANNELS = {"socketio"}
OTHER = {"salary": "outlook", "outlook": "salary"}
ON = {"salary": "pay", "outlook": "growth"}


@asks_feedback
class ActionRankRoles(Action):
    """Ranks every role on the dimension asked (pay by default): short, full, or as a chart."""

    def name(self) -> str:
        return "action_rank_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        return answer(dispatcher, tracker, entity_values(tracker, "aspect"))


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, aspects: List[str]) -> List[Dict[str, Any]]:
    """The ranking reply; also what a comparison with no two roles to compare gives."""
    # The family in one place ("which data job pays the most in Seattle?"): careers/pay_question.py
    paid = pay_action.answer(dispatcher, tracker, pay_action.question(tracker))
    if paid is not None:
        return paid
    named = [a for a in aspects if a in kb().aspects]
    dimension = rank.dimension_for(named) or (None if named else "salary")
    if dimension is None:
        dispatcher.utter_message(
            text=rank.nothing_to_rank(kb(), named[0]),
            buttons=[button("Rank on pay", names.RANK_ROLES, {"aspect": "salary"}), _rank_button("outlook")],
        )
        return []
    ranking = rank.rank(kb(), dimension)
    if ranking is None:  # a knowledge base where no two roles share a series
        dispatcher.utter_message(text=rank.nothing_to_rank(kb(), dimension))
        return []
    detail = entity_values(tracker, "ranking")
    others = [_rank_button(OTHER[dimension])]
    if "chart" in detail or rank.wants_chart(tracker.latest_message.get("text")):
        if tracker.get_latest_input_channel() in IMAGE_CHANNELS:
            dispatcher.utter_message(text=f"Chart: {chart.title(ranking)}.", image=chart.path(dimension))
        else:
            dispatcher.utter_message(text=rank.text_bars(kb(), ranking), buttons=others)
    elif "full" in detail:
        text = _with_caveats(rank.full(kb(), ranking), tracker, dimension)
        dispatcher.utter_message(text=text, buttons=[_chart_button(dimension), *others])
    else:
        dispatcher.utter_message(
            text=_with_caveats(rank.brief(kb(), ranking), tracker, dimension),
            buttons=[
                button("Full ranking", names.RANK_ROLES, {"aspect": dimension, "ranking": "full"}),
                _chart_button(dimension),
                *others,
            ],
        )
    answered()
    return [SlotSet("aspect", dimension)]


def _with_caveats(text: str, tracker: Tracker, dimension: str) -> str:
    """What the figures do not cover of what was asked (Brazil, senior...) first, then `text`."""
    return "\n".join(filter(None, [caveats(tracker, list(kb().roles), [dimension]), text]))


def _rank_button(dimension: str) -> Dict[str, str]:
    return button(f"Rank on {ON[dimension]}", names.RANK_ROLES, {"aspect": dimension})


def _chart_button(dimension: str) -> Dict[str, str]:
    return button(
        f"{'Pay' if dimension == 'salary' else 'Growth'} chart",
        names.RANK_ROLES,
        {"aspect": dimension, "ranking": "chart"},
    )


class ActionListRoles(Action):
    """ "What roles do you know?": the family, with a way in."""

    def name(self) -> str:
        return "action_list_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(
            text=roles.family(kb()),
            buttons=[
                button("Which pays the most?", names.RANK_ROLES, {"aspect": "salary"}),
                button("Which grows fastest?", names.RANK_ROLES, {"aspect": "outlook"}),
                button("Help me choose", names.START_PATH),
            ],
        )
        return []
