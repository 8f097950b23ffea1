from __future__ import annotations

from rasa_sdk.events import Restarted

from actions.lifecycle import ActionDeleteConversation
from careers.lifecycle import DELETE_CONVERSATION_ACTION
from tests.actions.tracker import tracker


async def test_deleting_says_so_and_ends_in_the_restart_the_tracker_store_looks_for(run) -> None:
    action = ActionDeleteConversation()
    assert action.name() == DELETE_CONVERSATION_ACTION
    messages, events = await run(action, tracker("confirm_delete_conversation"))
    assert [m["response"] for m in messages] == ["utter_conversation_deleted"]
    assert events == [Restarted()]
