from __future__ import annotations

from actions.sources import ActionListSources
from tests.actions.tracker import tracker


async def test_names_the_sources_and_their_periods(run) -> None:
    messages, events = await run(ActionListSources(), tracker("ask_sources"))
    text = messages[0]["text"]
    assert 'World Economic Forum, "Future of Jobs Report 2023" (May 2023' in text
    assert "Blockchain Council" in text and "O*NET" in text
    assert events == []
