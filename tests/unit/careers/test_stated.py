"""careers/stated.py: what a person says about themselves."""

from __future__ import annotations

from careers import stated


def test_a_job_no_list_names_is_kept_when_said_as_ones_own() -> None:
    assert stated.stated_job("I've been a plumber for 12 years and I'm sick of it.") == (12, 19, "plumber")
    assert stated.stated_job("i work as a cashier at a supermarket")[2] == "cashier"  # type: ignore[index]
    assert stated.stated_job("been a graphic designer for 6 years.")[2] == "graphic designer"  # type: ignore[index]
    for text in (
        "I'm a bit rusty",
        "I'm a people person",
        "what do I earn as a junior",
        "what does a plumber earn",
    ):
        assert stated.stated_job(text) is None, text


def test_a_denial_is_read_just_before_the_job() -> None:
    text = "i like people, i'm not a hardcore programmer"
    assert stated.denied(text, text.index("programmer"))
    assert not stated.denied("i'm a programmer", len("i'm a "))


def test_a_message_opening_with_an_occupation_introduces_the_writer() -> None:
    assert stated.stated_job("Epidemiologist, SAS and R daily, lots of study design.") == (
        0,
        14,
        "epidemiologist",
    )
    assert stated.stated_job("Mechanical engineer with 5 years in automotive. options?")[2] == (  # type: ignore[index]
        "mechanical engineer"
    )
    for text in ("Senior manager at a bank", "Salary in Texas, what is it", "Actuary? is that a data job"):
        assert stated.stated_job(text) is None, text


def test_a_role_a_message_opens_with_is_the_writer_only_when_the_message_is_about_them() -> None:
    assert stated.introduced_role("dba 15 yrs sql server, always-on", 0, 3, personal=False)
    assert not stated.introduced_role("Data engineer, what does it pay?", 0, 13, personal=False)
    assert stated.introduced_role("DS at a consultancy, never deployed. what do i need", 0, 2, personal=True)
    assert stated.stated_job("However, I've been a nurse for 6 years")[2] == "nurse"  # type: ignore[index]
