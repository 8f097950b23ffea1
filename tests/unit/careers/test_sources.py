"""careers/sources.py: the sources answer."""

from __future__ import annotations

from careers import knowledge, sources

KB = knowledge.load()
FIGURE = KB.roles["data_scientist"].section("salary").figures[0]


def test_sources_answer_lists_every_source_with_its_date_and_status() -> None:
    text = sources.describe_sources(KB)
    for source in KB.sources.values():
        assert f'{source.name}, "{source.title}" ({source.published};' in text
    assert "read on a page that quotes the publisher" in text
