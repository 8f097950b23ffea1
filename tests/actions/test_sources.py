from __future__ import annotations

from actions.detail import ActionShowDetail
from actions.sources import ActionListSources
from tests.actions.tracker import tracker


async def test_names_the_publishers_and_every_source_with_its_period_is_one_click_away(run) -> None:
    [first], events = await run(ActionListSources(), tracker("ask_sources"))
    assert "Blockchain Council" in first["text"] and "O*NET" in first["text"]
    # Pay by place: the OEWS release, its publication date, the files and BLS's notice.
    assert "BLS OEWS, May 2025 release, published by BLS on 15 May 2026" in first["text"]
    assert "oe.data.0.Current" in first["text"] and "BLS.gov cannot vouch for the data" in first["text"]
    assert len(first["text"]) <= 600
    assert events == []
    more = first["buttons"][0]
    assert more["title"] == "Every source, with its date"
    [full], _ = await run(ActionShowDetail(), tracker("ask_detail", {"detail": ["sources"]}))
    assert 'World Economic Forum, "Future of Jobs Report 2023" (May 2023' in full["text"]
