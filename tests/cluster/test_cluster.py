"""`make cluster`: two Rasa servers behind nginx sharing PostgreSQL and Redis, under load, with
one conversation's messages at once, a server killed, and Redis and PostgreSQL restarted.

The tests run in this order on one cluster (the last one leaves a single Rasa server).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from playwright.sync_api import sync_playwright

from addons.apology import APOLOGY
from addons.channels.rest import SLOW_DOWN
from harness.cluster import Cluster, running_cluster
from harness.load import Report, check_stored_turns, run_load
from harness.servers import MODEL
from tests.channels.fake_slack import FakeSlack, fake_slack
from tests.channels.test_slack import ENV as SLACK_ENV
from tests.channels.test_slack import direct_message, posts_to, signature
from tests.channels.test_web import CHROMIUM, CHROMIUM_ARGS, ask

LOCK_LIFETIME = 10  # seconds a killed server's conversation may stay locked


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with fake_slack() as fake:
        yield fake


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, slack: FakeSlack) -> Iterator[Cluster]:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make model` (make test trains it first)")
    env = {"TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME), **SLACK_ENV, "SLACK_API_URL": slack.url}
    with running_cluster(tmp_path_factory.mktemp("cluster"), env=env) as running:
        yield running


def answered(response: requests.Response) -> bool:
    return response.ok and bool(response.json()) and APOLOGY not in response.text


def test_load_through_nginx_is_answered_stored_and_spread_over_both_servers(cluster: Cluster) -> None:
    report = run_load(cluster.url, users=20, turns=20, tracker_db=None)
    check_stored_turns(cluster.rows, report.sent, report)
    print(report.summary())
    assert report.errors == []
    assert report.tracker_problems == []  # every turn stored once, in order, answered
    for sender, servers in report.served_by.items():
        assert len(set(servers)) == 2, f"{sender} was served by {set(servers)} only"


def test_five_messages_of_one_sender_at_once_are_answered_and_stored_one_after_another(
    cluster: Cluster,
) -> None:
    messages = [
        "what does a data scientist do?",
        "how much do ML engineers earn?",
        "what skills does an MLE need?",
        "where does this data come from?",
        "DS vs MLE",
    ]
    # nginx picks a server at random, so one burst of five lands on one server 1 time in 16 (a CI
    # run failed so). Bursts are sent until one has reached both servers (all six on one server:
    # 1 in 16 million); every burst sent must be answered and stored one turn after another.
    served: set[str] = set()
    for _ in range(6):
        served = _burst(cluster, f"burst-{uuid.uuid4().hex[:6]}", messages)
        if len(served) == 2:
            break
    assert len(served) == 2  # both servers took some of one sender's messages at once


def _burst(cluster: Cluster, me: str, messages: list[str]) -> set[str]:
    """Sends `messages` from `me` at once; checks they were answered and stored one turn after
    another; returns the servers that took them."""
    barrier = threading.Barrier(len(messages))

    def send(message: str) -> requests.Response:
        barrier.wait()
        return cluster.say(me, message)

    with ThreadPoolExecutor(len(messages)) as pool:
        responses = list(pool.map(send, messages))
    assert all(answered(r) for r in responses)
    rows = cluster.rows(me)
    stored = [json.loads(data)["text"] for kind, data in rows if kind == "user"]
    assert sorted(stored) == sorted(messages)  # each once
    # One turn at a time: each message's answer is stored before the next message. A first answer
    # is two bot messages, the answer and "Was this helpful?" (issue 19): one turn's answer.
    kinds = [kind for kind, _ in rows if kind in ("user", "bot")]
    turns = [kind for i, kind in enumerate(kinds) if kind == "user" or kinds[i - 1] != "bot"]
    assert turns == ["user", "bot"] * len(messages)
    return {r.headers["X-Career-Guide-Replica"] for r in responses}


def test_one_senders_31st_message_in_a_minute_is_refused_whichever_server_gets_it(cluster: Cluster) -> None:
    # The limit is counted in Redis, shared by the servers: with a count in each server's memory,
    # nginx spreading the messages let about 59 through.
    me, other = f"eager-{uuid.uuid4().hex[:6]}", f"calm-{uuid.uuid4().hex[:6]}"
    responses = [cluster.say(me, "thanks") for _ in range(40)]
    statuses = [r.status_code for r in responses]
    assert statuses[:30] == [200] * 30 and statuses[30:] == [429] * 10, statuses
    assert SLOW_DOWN in responses[30].text
    assert len({r.headers.get("X-Career-Guide-Replica") for r in responses[:30]}) == 2
    assert answered(cluster.say(other, "thanks"))  # other senders are unaffected


def test_the_widget_connection_sticks_to_one_server(cluster: Cluster) -> None:
    # Each new client is hashed to a server at random: six clients all met one server 1 time in
    # 32. Six clients at least, then more (20 at most) until both servers have been seen; each
    # must stick to its own.
    seen: set[str] = set()
    for count in range(20):
        if count >= 6 and len(seen) == 2:
            break
        with requests.Session() as browser:  # keeps nginx's cookie, as a browser does
            handshake = browser.get(f"{cluster.url}/socket.io/?EIO=4&transport=polling", timeout=10)
            sid = json.loads(handshake.text[1:])["sid"]
            server = handshake.headers["X-Career-Guide-Replica"]
            for _ in range(3):
                poll = browser.post(
                    f"{cluster.url}/socket.io/?EIO=4&transport=polling&sid={sid}", data="40", timeout=10
                )
                assert poll.ok, poll.text  # another server would not know this sid
                assert poll.headers["X-Career-Guide-Replica"] == server
            seen.add(server)
    assert len(seen) == 2  # different clients, different servers


def test_the_widget_page_through_nginx_answers_and_keeps_the_conversation_on_reload(cluster: Cluster) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{cluster.url}/?server={cluster.url}")  # page and socket.io on one origin
            ask(page, "what does a data scientist do?", "Data Scientists")
            page.reload()
            ask(page, "how much do they earn?", "Data Scientists: salary")  # the same conversation
        finally:
            browser.close()


def test_slack_through_nginx_is_answered_as_through_one_server(cluster: Cluster, slack: FakeSlack) -> None:
    channel = f"D{uuid.uuid4().hex[:8].upper()}"
    body, timestamp = direct_message("what does a data scientist do?", "U1", channel), str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": timestamp, "Content-Type": "application/json"}
    headers["X-Slack-Signature"] = signature(body, timestamp)
    response = requests.post(f"{cluster.url}/webhooks/slack/webhook", data=body, headers=headers, timeout=60)
    assert response.ok
    (post,) = posts_to(slack, channel, count=1)
    assert "Data Scientists" in json.dumps(post)


def test_redis_down_gets_the_apology_then_recovers_when_it_is_back(cluster: Cluster) -> None:
    me = f"redis-{uuid.uuid4().hex[:6]}"
    assert cluster.text(me, "tell me about data scientists").startswith("Data Scientists")
    cluster.stop_redis()
    try:
        began = time.monotonic()
        assert cluster.text(me, "how much do they earn?") == APOLOGY
        assert time.monotonic() - began < 15
    finally:
        cluster.start_redis()
    assert cluster.text(me, "how much do they earn?").startswith("Data Scientists: salary")


def test_postgres_down_gets_the_apology_then_recovers_when_it_is_back(cluster: Cluster) -> None:
    me = f"pg-{uuid.uuid4().hex[:6]}"
    assert cluster.text(me, "tell me about ML engineers").startswith("Machine Learning Engineers")
    cluster.stop_postgres()
    try:
        for _ in range(2):  # both servers
            began = time.monotonic()
            assert cluster.text(me, "how much do they earn?") == APOLOGY
            assert time.monotonic() - began < 15
    finally:
        cluster.start_postgres()
    # The conversation goes on where it was: its role is still in context.
    for _ in range(2):
        assert cluster.text(me, "how much do they earn?").startswith("Machine Learning Engineers: salary")


def test_delete_my_conversation_through_nginx_deletes_it_from_postgresql(cluster: Cluster) -> None:
    me = f"forget-{uuid.uuid4().hex[:6]}"
    cluster.text(me, "tell me about data scientists")
    assert cluster.text(me, "delete my conversation").startswith("Delete our whole conversation?")
    assert cluster.text(me, "/confirm_delete_conversation").startswith("Done: I've deleted")
    assert cluster.rows(me) == []
    assert cluster.text(me, "what skills do they need?") == "Which role do you mean?"


def test_kill_9_of_one_server_under_load_loses_and_doubles_nothing(cluster: Cluster) -> None:
    results: list[Report] = []
    load = threading.Thread(
        target=lambda: results.append(run_load(cluster.url, users=10, turns=25, tracker_db=None))
    )
    load.start()
    time.sleep(2.5)
    assert load.is_alive()  # the kill lands in the middle of the load
    cluster.kill_replica(1)
    load.join(timeout=600)
    (report,) = results
    print(report.summary(), report.errors[:3])
    # At most the requests in flight on the killed server fail: one per user at most.
    assert len(report.errors) <= report.users
    killed = {sender for error in report.errors for sender in [error.split(" ")[0]]}
    for sender, messages in report.sent.items():
        failed = sum(error.startswith(f"{sender} ") for error in report.errors)
        user_turns = [kind for kind, _ in cluster.rows(sender) if kind == "user"]
        # A turn cut off by the kill is stored whole or not at all; nothing is stored twice.
        assert len(messages) - failed <= len(user_turns) <= len(messages), sender
    # Those conversations go on through the other server (after the lock of the cut-off turn
    # expires: TICKET_LOCK_LIFETIME).
    for sender in killed:
        response = cluster.say(sender, "where does this data come from?", timeout=LOCK_LIFETIME + 60)
        assert answered(response), response.text
