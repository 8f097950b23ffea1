"""The Rasa shell as people expect a chat in a terminal: type a question at any time, or a
button's number to pick it; button titles are shown, payloads are not.

Rasa 3.6's console (`rasa.core.channels.console`) turns a reply with buttons into an arrow-key
menu whose entries show raw payloads, and a question typed at that menu is lost (the first entry
is sent instead). It offers no hook for this, so `install()` replaces its two printing/reading
functions, which `console.record_messages` looks up by name on every turn. `install()` checks
that Rasa still calls them so, and refuses loudly if a Rasa upgrade changed that.

"Was this helpful?" (issue 19) reads better in a terminal as "Was this helpful? (+ / -)" than as
two more numbered entries: `+` or `-` typed alone then sends the 👍 / 👎 payload.

Installed by scripts/quiet_rasa.py for `make chat` only; the servers never import this.
"""

from __future__ import annotations

import inspect
from typing import Any, Dict, List

import questionary
import rasa.shared.utils.cli
from prompt_toolkit.styles import Style
from rasa.core.channels import console
from rasa.shared.utils.io import bcolors

from careers import feedback

PROMPT = "Your input ->"
HINT = "(type a number to choose, or ask anything)"
_STOCK_PRINT = console._print_bot_output
# The buttons shown since the person last typed, numbered from 1 across the reply's messages.
offered: List[Dict[str, Any]] = []
# The payloads `+` and `-` send, when the reply since the person last typed asked for feedback.
ratings: Dict[str, str] = {}
RATING_KEYS = {"+": feedback.payload(feedback.UP), "-": feedback.payload(feedback.DOWN)}


def print_bot_output(
    message: Dict[str, Any], is_latest_message: bool = False, color: str = bcolors.OKBLUE
) -> None:
    """One message of a reply: its text, then its buttons as a numbered list of titles; the
    feedback question as one line with its two keys."""
    payloads = {b.get("payload") for b in message.get("buttons") or []}
    if feedback.is_question(message.get("text")) and payloads == set(RATING_KEYS.values()):
        ratings.update(RATING_KEYS)
        rasa.shared.utils.cli.print_color(f"{message['text']} (+ / -)", color=color)
        return
    if message.get("text"):
        rasa.shared.utils.cli.print_color(message["text"], color=color)
    for button in message.get("buttons") or []:
        offered.append(button)
        rasa.shared.utils.cli.print_color(f"  {len(offered)}. {button.get('title', '')}", color=color)
    rest = {k: v for k, v in message.items() if k not in ("text", "buttons", "recipient_id")}
    if rest:  # images, attachments, custom payloads: as Rasa prints them
        _STOCK_PRINT(rest, False, color)


def choose(typed: str, buttons: List[Dict[str, Any]], rating_keys: Dict[str, str] | None = None) -> str:
    """What to send for what the person typed: a button's number sends that button's payload,
    `+` / `-` the rating when feedback was asked, anything else is sent as typed."""
    text = typed.strip()
    if text in (rating_keys or {}):
        return (rating_keys or {})[text]
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return str(buttons[int(text) - 1].get("payload") or buttons[int(text) - 1].get("title", ""))
    return text


async def get_user_input(previous_response: Dict[str, Any] | None) -> str | None:
    """Shows the reply's last message, then reads one line: free text always works."""
    if previous_response is not None:
        print_bot_output(previous_response, is_latest_message=True)
    if offered:
        rasa.shared.utils.cli.print_color(HINT, color=bcolors.OKBLUE)
    question = questionary.text("", qmark=PROMPT, style=Style([("qmark", "#b373d6"), ("", "#b373d6")]))
    typed = await question.ask_async()
    if typed is None:  # Ctrl-D / Ctrl-C: Rasa's loop ends the shell
        return None
    chosen = choose(typed, offered, ratings)
    offered.clear()
    ratings.clear()
    return chosen


def install() -> None:
    """Puts the two functions above in place of Rasa's, or fails if Rasa no longer uses them."""
    loop = inspect.getsource(console.record_messages)
    for call in ("_get_user_input(previous_response)", "_print_bot_output(previous_response)"):
        if call not in loop:
            raise RuntimeError(
                f"rasa.core.channels.console.record_messages no longer calls {call}: "
                "scripts/shell.py must be adapted to this Rasa version."
            )
    console._get_user_input = get_user_input
    console._print_bot_output = print_bot_output
