"""Reading places: BLS area names, postal codes, nicknames, cities of a metro area, typos, two
places at once, places abroad, and ordinary words left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careers import knowledge, places, places_kb, wages_kb
from careers.knowledge import KnowledgeBaseError
from careers.places import Place

G = places.default()
AREAS = wages_kb.default().areas
SF, LA, NYC = "0041860", "0031080", "0035620"
DC_METRO, DALLAS, SEATTLE, MINNEAPOLIS = "0047900", "0019100", "0042660", "0033460"


def areas(text: str) -> list[str | None]:
    return [p.area for p in G.find(text)]


def only(text: str) -> Place:
    found = G.find(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("What do data scientists earn in Texas?", "4800000"),
        ("salary in california", "0600000"),
        ("pay in Puerto Rico", "7200000"),
        ("and in the District of Columbia?", "1100000"),
        ("Washington", "5300000"),
        ("washington state", "5300000"),
        ("Washington DC", "1100000"),
        ("Washington, D.C.", "1100000"),
        ("New York", "3600000"),
        ("New York City", NYC),
        ("San Francisco-Oakland-Fremont", SF),
        ("national figures please", "0000000"),
        ("in the US", "0000000"),
        ("Northwest Alabama nonmetropolitan area", "0100001"),
    ],
)
def test_names_of_states_areas_and_the_nation(text: str, area: str) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("pay in TX", "4800000"),
        ("what about in IN", "1800000"),
        ("pay in tx", "4800000"),
        ("TX vs CA", "4800000"),
        ("in OR", "4100000"),
        ("moving to WA", "5300000"),
        ("pay in OK", "4000000"),
        ("salaries in PA", "4200000"),
        ("DC", "1100000"),
    ],
)
def test_postal_codes(text: str, area: str) -> None:
    assert areas(text)[0] == area


@pytest.mark.parametrize(
    "text",
    [
        "I'm in",
        "tell me more",
        "OK thanks",
        "ok",
        "me too",
        "hi there",
        "this or that",
        "I'd like it or not",
        "de facto",
        "la la la",
        "oh no",
        "ME AND YOU",
        "IS IT OK",
        "I have an ID",
        "co-worker",
        "pa",
        "hi",
        "in or out",
        "tell us more",
        "who are you",
        "main street",
        "mine is better",
        "sales jobs",
        "landing a job",
        "plane tickets",
        "text me",
        "the states with the most jobs",
        "reading about pay",
        "Mobile developers",
        "a college degree",
        "a senior role at a big company",
    ],
)
def test_ordinary_words_are_not_places(text: str) -> None:
    assert G.find(text) == [], text


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("pay in LA", LA),
        ("L.A.", LA),
        ("SF", SF),
        ("NYC", NYC),
        ("the Big Apple", NYC),
        ("Philly", "0037980"),
        ("the Twin Cities", MINNEAPOLIS),
        ("DFW", DALLAS),
        ("Chi-town", "0016980"),
        ("Vegas", "0029820"),
        ("NOLA", "0035380"),
        ("ATL", "0012060"),
        ("the DMV", DC_METRO),
        ("the DC area", DC_METRO),
        ("Silicon Valley", "0041940"),
        ("the Inland Empire", "0040140"),
    ],
)
def test_short_names_and_nicknames(text: str, area: str) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Oakland", SF),
        ("Berkeley", SF),
        ("Fremont", SF),
        ("St. Paul", MINNEAPOLIS),
        ("Saint Paul", MINNEAPOLIS),
        ("Fort Worth", DALLAS),
        ("Arlington, TX", DALLAS),
        ("Plano", DALLAS),
        ("Tacoma", SEATTLE),
        ("Bellevue", SEATTLE),
        ("Cambridge", "0014460"),
        ("Newark", NYC),
        ("Jersey City", NYC),
        ("Brooklyn", NYC),
        ("Arlington VA", DC_METRO),
        ("Alexandria, VA", DC_METRO),
        ("Santa Monica", LA),
        ("Long Beach", LA),
        ("Anaheim", LA),
        ("Mesa", "0038060"),
        ("Scottsdale", "0038060"),
        ("Tempe", "0038060"),
        ("Aurora, CO", "0019740"),
        ("Aurora", "0019740"),
        ("Palo Alto", "0041940"),
        ("Pasadena", LA),
        ("Pasadena, TX", "0026420"),
        ("Portland", "0038900"),
        ("Portland, ME", "0038860"),
        ("Portland Maine", "0038860"),
        ("Vancouver, WA", "0038900"),
        ("Rome, GA", "0040660"),
        ("Reading, PA", "0039740"),
        ("I work in Mobile", "0033660"),
        ("Austin, Texas", "0012420"),
        ("Kansas City", "0028140"),
        ("Manhattan", NYC),
        ("Manhattan, KS", "0031740"),
    ],
)
def test_cities_are_read_as_their_metro_area(text: str, area: str) -> None:
    assert areas(text) == [area]


LARGEST_METROS = (
    "New York City, Los Angeles, Chicago, Dallas, Houston, Atlanta, Washington DC area, Miami, "
    "Philadelphia, Phoenix, Boston, Riverside, San Francisco, Detroit, Seattle, Minneapolis, "
    "Tampa, San Diego, Denver, Orlando, Charlotte, Baltimore, St. Louis, San Antonio, Austin, "
    "Portland, Sacramento, Pittsburgh, Las Vegas, Cincinnati, Kansas City, Columbus, "
    "Indianapolis, Cleveland, Nashville, San Jose"
)


def test_the_30_largest_metro_areas_have_their_main_city() -> None:
    for city in LARGEST_METROS.split(", "):
        place = only(city)
        assert place.area is not None and AREAS[place.area].type == "metro", city


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("pay in Seatle", SEATTLE),
        ("San Fransisco", SF),
        ("Pittsburg", "0038300"),
        ("Philadelpia", "0037980"),
        ("Massachusets", "2500000"),
        ("Conneticut", "0900000"),
        ("Califronia", "0600000"),
        ("Minneaplis", MINNEAPOLIS),
        ("Cincinatti", "0017140"),
    ],
)
def test_typos(text: str, area: str) -> None:
    place = only(text)
    assert (place.area, place.how) == (area, places.TYPO)


def test_two_places_in_one_message_in_the_order_written() -> None:
    assert areas("Texas vs California") == ["4800000", "0600000"]
    assert areas("data engineer pay: NYC or Oakland?") == [NYC, SF]
    assert areas("Seattle, WA or Portland, OR") == [SEATTLE, "0038900"]
    assert areas("in OR or WA") == ["4100000", "5300000"]
    assert areas("Dallas and Houston") == [DALLAS, "0026420"]
    assert areas("Texas OR California") == ["4800000", "0600000"]


def test_the_span_of_each_place_is_what_was_typed() -> None:
    text = "compare Austin, Texas with the Bay Area"
    assert [text[p.start : p.end] for p in G.find(text)] == ["Austin, Texas", "the Bay Area", "the Bay Area"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the Bay Area", [SF, "0041940"]),
        ("pay in the bay area", [SF, "0041940"]),
        ("the Research Triangle", ["0039580", "0020500"]),
    ],
)
def test_a_region_bls_splits_is_each_of_its_areas(text: str, found: list[str]) -> None:
    read = G.find(text)
    assert [p.area for p in read] == found
    assert {p.region for p in read} == {text.removeprefix("pay in ")}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Aurora, Illinois", "0016980"),  # the hand-written "aurora il", not Denver's Aurora
        ("aurora illinois", "0016980"),
        ("sanfrancisco", SF),  # a name of several words typed as one
        ("newjersey", "3400000"),
        ("saltlakecity", "0041620"),
    ],
)
def test_a_city_with_its_state_spelt_out_and_names_typed_as_one_word(text: str, area: str) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("research scientist pay in Cambridge, UK", "Cambridge, UK"),
        ("birmingham england", "Birmingham, England"),
    ],
)
def test_a_us_city_name_followed_by_a_country_is_the_place_abroad(text: str, name: str) -> None:
    place = only(text)
    assert place.abroad and place.value == name


@pytest.mark.parametrize(
    ("text", "name"),
    [("Brazil", "Brazil"), ("in London", "London"), ("Germany", "Germany"), ("Europe", "Europe"),
     ("Rome", "Rome"), ("Toronto", "Toronto"), ("Vancouver", "Vancouver"), ("Ontario", "Ontario")],
)  # fmt: skip
def test_places_outside_the_us_keep_their_plain_name(text: str, name: str) -> None:
    place = only(text)
    assert place.abroad and place.value == name and place.area is None


def test_a_name_several_metro_areas_share_is_ambiguous() -> None:
    place = only("Springfield")
    assert place.ambiguous and place.value == ""
    assert {AREAS[c].title for c in place.candidates} >= {
        "Springfield, IL",
        "Springfield, MO",
        "Springfield, MA",
    }
    assert areas("Springfield, IL") == ["0044100"]
    assert only("Arlington").candidates == (DALLAS, DC_METRO)
    assert only("Springfield").entity_value == places.AMBIGUOUS_PREFIX + "+".join(place.candidates)


def test_the_entity_value_convention() -> None:
    assert only("Texas").value == "area:4800000"
    assert only("the US").value == places.NATIONAL_VALUE == "area:0000000"
    assert places.national(only("nationally"))
    assert only("Brazil").value == "Brazil"
    resolved = places.resolve("area:0041860")
    assert resolved is not None and resolved.name == "San Francisco-Oakland-Fremont, CA"
    assert places.resolve("area:9999999") is None
    assert G.name_of("area:4800000") == "Texas" and G.name_of("Brazil") == "Brazil"


US_CITIES = (
    "new york, new york city, nyc, los angeles, chicago, houston, phoenix, philadelphia, san antonio, "
    "san diego, dallas, austin, san jose, san francisco, sf, bay area, the bay area, silicon valley, "
    "seattle, denver, boston, atlanta, miami, washington dc, washington d.c., dc, detroit, minneapolis, "
    "portland, nashville, pittsburgh, raleigh, salt lake city, las vegas"
)  # what scope.yml listed as "US-wide only" before the OEWS figures: each is now an area


def test_every_us_city_scope_yml_used_to_list_is_an_area() -> None:
    for name in US_CITIES.split(", "):
        found = G.find(name)
        assert found and all(p.area is not None for p in found), name


def test_every_state_has_its_name_and_postal_code() -> None:
    states = [a for a in AREAS.values() if a.type == "state"]
    assert len(states) >= 52  # 50 states, DC, Puerto Rico (and the territories BLS has)
    for area in states:
        assert only(f"pay in {area.title}").area == area.code
        if area.states[0] != "LA":  # "LA" is Los Angeles, as people use it; Louisiana by name
            assert only(f"pay in {area.states[0]}").area == area.code
    assert only("pay in LA").area == LA


def test_a_hand_written_name_for_an_area_that_changed_is_an_error(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, kb_dir)
    file = kb_dir / "place_names.yml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("San Francisco-Oakland-Fremont, CA", "San Francisco, CA")
    )
    with pytest.raises(KnowledgeBaseError) as error:
        places_kb.load(kb_dir)
    assert "place_names.yml" in str(error.value) and "San Francisco-Oakland-Fremont, CA" in str(error.value)


def test_one_name_for_two_areas_is_an_error(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, kb_dir)
    file = kb_dir / "place_names.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("[seattle,", "[oakland, seattle,"))
    with pytest.raises(KnowledgeBaseError, match="'oakland' is also a name of area 0041860"):
        places_kb.load(kb_dir)


def test_a_region_whose_area_changed_or_shares_a_name_is_an_error(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, kb_dir)
    file = kb_dir / "place_names.yml"
    original = file.read_text(encoding="utf-8")
    file.write_text(original.replace('"San Jose-Sunnyvale-Santa Clara, CA"]', '"San Jose, CA"]'))
    with pytest.raises(KnowledgeBaseError, match="BLS names area 0041940"):
        places_kb.load(kb_dir)
    file.write_text(original.replace("names: [the bay area,", "names: [oakland, the bay area,"))
    with pytest.raises(KnowledgeBaseError, match="'oakland' is also a name of area 0041860"):
        places_kb.load(kb_dir)
