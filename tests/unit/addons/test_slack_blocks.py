"""Answers as Slack blocks (addons/channels/slack_blocks.py), without a server."""

from __future__ import annotations

from addons.channels import slack_blocks
from careers import compare, knowledge

KB = knowledge.load()


def test_heading_bold_bullets_real_and_slack_control_characters_escaped() -> None:
    text = slack_blocks.mrkdwn("Data Scientists: salary\n- Average pay: <b>$1</b> & more\nSources: X.")
    assert text.splitlines() == [
        "*Data Scientists: salary*",
        "• Average pay: &lt;b&gt;$1&lt;/b&gt; &amp; more",
        "Sources: X.",
    ]


def test_a_long_answer_is_cut_between_lines_so_a_figure_keeps_its_source() -> None:
    text = "\n".join(compare.compare(KB, list(KB.roles), a) for a in KB.aspects)  # about 8,000 characters
    blocks = slack_blocks.sections(text)
    assert len(blocks) >= 3
    assert all(len(b["text"]["text"]) <= slack_blocks.SECTION_TEXT_MAX for b in blocks)
    lines = [line for b in blocks for line in b["text"]["text"].split("\n")]
    assert lines == slack_blocks.mrkdwn(text).split("\n")  # nothing lost, nothing cut mid-line


def test_many_buttons_go_five_to_a_block_after_the_words() -> None:
    buttons = [{"title": f"Button {i}", "payload": f"/x{i}"} for i in range(7)]
    [message] = slack_blocks.messages("Pick one", buttons)
    kinds = [b["type"] for b in message["blocks"]]
    assert kinds == ["section", "actions", "actions"]
    assert [len(b["elements"]) for b in message["blocks"][1:]] == [5, 2]
    assert message["text"] == "*Pick one*"
