"""`make bench`: accuracy, speed and cost of career-guide and of the stock `rasa init` assistant,
measured in one run on this machine, written to BENCHMARKS.md and summarised on the terminal.

Everything is built from the checked-out sources in a temporary folder: our model is trained
there from scratch (an empty training cache, so the time is a full training) and then again
(nothing changed), and the peer is created by `rasa init --no-prompt`, which trains it. Each
assistant then runs on loopback with its real servers and is measured the same way
(bench/speed.py). The text under "Notes" comes from bench/NOTES.md, written by people.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml
from rasa.core.agent import Agent

from bench import cluster as scale_out
from bench import report_scale
from bench.cross_validation import CrossValidation, cross_validate
from bench.speed import BENCH_ENV, Speed, Subject, launched, measure, one_user_latencies, place_vs_national
from harness import reading_eval, understanding
from harness.load import QUESTIONS, percentile, script
from harness.servers import RASA, free_port, write_endpoints

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "BENCHMARKS.md"
NOTES = ROOT / "bench" / "NOTES.md"
# What people say to the stock assistant (its intents: greet, goodbye, affirm, deny,
# mood_great, mood_unhappy, bot_challenge), in an order its stories answer: "yes" and "no"
# follow its "Did that help you?".
PEER_MESSAGES = [
    "hello",
    "I'm sad",
    "yes",
    "are you a bot?",
    "hi there",
    "very bad",
    "no",
    "good morning",
    "I am feeling great",
    "goodbye",
]


def peer_script(user: int, turns: int) -> list[str]:
    return [PEER_MESSAGES[i % len(PEER_MESSAGES)] for i in range(turns)]


@dataclass
class Training:
    full_seconds: float
    unchanged_seconds: float
    model_mb: float
    model: Path


def run(args: list[str], cwd: Path, env: dict[str, str], log: Path) -> float:
    began = time.monotonic()
    with log.open("ab") as out:
        done = subprocess.run(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{log.read_text()[-3000:]}")
    return time.monotonic() - began


def train_ours(tmp: Path, config: Path) -> Training:
    env = {**BENCH_ENV, "RASA_CACHE_DIRECTORY": str(tmp / "ours-cache")}
    command = [
        str(RASA),
        "train",
        "--config",
        str(config),
        "--out",
        str(tmp / "ours"),
        "--fixed-model-name",
        "cg",
    ]
    full = run(command, ROOT, env, tmp / "ours-train.log")
    unchanged = run(command, ROOT, env, tmp / "ours-train.log")
    model = tmp / "ours" / "cg.tar.gz"
    return Training(full, unchanged, model.stat().st_size / 1e6, model)


def train_peer(tmp: Path) -> Training:
    peer = tmp / "peer"
    peer.mkdir()  # rasa init --init-dir wants an existing, empty folder
    env = {**BENCH_ENV, "RASA_CACHE_DIRECTORY": str(tmp / "peer-cache")}
    full = run([str(RASA), "init", "--no-prompt", "--init-dir", str(peer)], tmp, env, tmp / "peer-train.log")
    models = sorted((peer / "models").glob("*.tar.gz"))
    unchanged = run([str(RASA), "train", "--out", str(tmp / "peer-again")], peer, env, tmp / "peer-train.log")
    return Training(full, unchanged, models[-1].stat().st_size / 1e6, models[-1])


def measure_both(
    tmp: Path, model: Path, peer_model: Path | None, before_model: Path | None = None
) -> tuple[Speed, Speed | None]:
    """Start ours, then the peer (one at a time, so each cold start has the machine to itself),
    then measure both together (bench/speed.py interleaves them); then ours against
    `before_model`, the pipeline without issue 17's reading, one user at a time."""
    actions_port = free_port()
    endpoints = write_endpoints(tmp, actions_port)
    actions = [str(RASA), "run", "actions", "--port", str(actions_port), "--actions", "actions"]
    rasa_args = ["-m", str(model), "--endpoints", str(endpoints), "--credentials", "credentials.yml"]
    with ExitStack() as servers:
        ours = servers.enter_context(
            launched("ours", tmp, rasa_args, QUESTIONS[0], ROOT, actions, actions_port)
        )
        subjects = [Subject(ours, QUESTIONS, script, tmp / "conversations.db")]
        if peer_model is not None:
            peer = servers.enter_context(
                launched("peer", tmp, ["-m", str(peer_model)], PEER_MESSAGES[0], tmp / "peer")
            )
            subjects.append(Subject(peer, PEER_MESSAGES, peer_script))
        speeds = measure(subjects)
        PLACE_LATENCY.extend(place_vs_national(ours))
        if before_model is not None:
            # Issue 17: the same questions to a server without the whole-message reading, on the
            # same action server and its own tracker store, interleaved with ours.
            (tmp / "before").mkdir()
            before_args = ["-m", str(before_model), "--credentials", "credentials.yml"]
            before_args += ["--endpoints", str(write_endpoints(tmp / "before", actions_port))]
            before = servers.enter_context(launched("before", tmp, before_args, QUESTIONS[0], ROOT))
            with_reading, without = one_user_latencies([subjects[0], Subject(before, QUESTIONS, script)])
            READING_LATENCY.extend(percentile(found, 0.5) for found in (with_reading, without))
    return speeds[0], (speeds[1] if len(speeds) > 1 else None)


PLACE_LATENCY: list[float] = []  # [national, place] medians, filled by measure_both
READING_LATENCY: list[float] = []  # [with, without] the whole-message reading: one user's REST p50


def without_reading(tmp: Path, config: Path) -> Path:
    """The pipeline without issue 17's reading, for its speed target: no whole-message reader and
    no careful (sentence-vector) intent model; every other component and the data are the same.
    Messages are still cut into clauses (careers/clauses.py): a one-clause question, like those
    of the speed figures, is classified once either way."""
    loaded = yaml.safe_load(config.read_text(encoding="utf-8"))
    pipeline = [c for c in loaded["pipeline"] if not c["name"].endswith(".WholeMessageReader")]
    for component in pipeline:
        if component["name"].endswith(".LinearIntentClassifier"):
            component["sentence_vectors"] = 0.0
    loaded["pipeline"] = pipeline
    out = tmp / "config-without-reading.yml"
    out.write_text(yaml.safe_dump(loaded, sort_keys=False), encoding="utf-8")
    env = {**BENCH_ENV, "RASA_CACHE_DIRECTORY": str(tmp / "before-cache")}
    command = [str(RASA), "train", "--config", str(out), "--out", str(tmp / "before-model")]
    run([*command, "--fixed-model-name", "before"], ROOT, env, tmp / "before-train.log")
    return tmp / "before-model" / "before.tar.gz"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("rasa", "rasa-sdk", "tensorflow", "scikit-learn", "spacy", "sanic", "SQLAlchemy")
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024**2:.1f} GiB memory, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, {versions}; commit "
        f"{commit.stdout.strip() or 'unknown'}{' with local changes' if dirty.strip() else ''}"
    )


def parse_times(agent: Agent) -> dict[str, list[float]]:
    """Seconds to read each message in the process (no HTTP): the short questions of the speed
    figures, and the whole messages of the newest held-out set, whose clauses the fast intent
    model is mostly unsure of, so that the careful one reads their meaning too."""

    async def timed(texts: list[str]) -> list[float]:
        await agent.parse_message(texts[0])  # warm
        seconds = []
        for text in texts:
            began = time.perf_counter()
            await agent.parse_message(text)
            seconds.append(time.perf_counter() - began)
        return seconds

    whole = [m["text"] for m in reading_eval.messages(reading_eval.NEWEST)]
    return {"short questions": asyncio.run(timed(QUESTIONS * 5)), "whole messages": asyncio.run(timed(whole))}


def parse_report(times: dict[str, list[float]]) -> str:
    rows = "".join(
        f"| {name} ({len(seconds)}) | {ms(percentile(seconds, 0.5))} | {ms(percentile(seconds, 0.9))} |\n"
        for name, seconds in times.items()
    )
    return (
        "\nReading one message in the Rasa process (`agent.parse_message`, no HTTP), the newest set's "
        "whole messages against the short questions of the speed figures:\n\n"
        "| messages | p50 | p90 |\n|---|---|---|\n" + rows
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def ratio(ours: float, peer: float) -> str:
    return f"{ours / peer:.2f}×" if peer else "n/a"


def speed_rows(ours: Speed, peer: Speed | None) -> list[tuple[str, float, float | None, str]]:
    """(figure, ours, peer, unit) where unit is "s" (a latency) or "/s" (a rate) or "x"."""

    def both(get: Callable[[Speed], float]) -> tuple[float, float | None]:
        return get(ours), (get(peer) if peer else None)

    rows: list[tuple[str, float, float | None, str]] = []
    for label, get in [
        ("`/model/parse` p50", lambda s: percentile(s.parse, 0.5)),
        ("`/model/parse` p99", lambda s: percentile(s.parse, 0.99)),
        ("REST, 1 user, p50", lambda s: percentile(s.one_user, 0.5)),
        ("REST, 1 user, p95", lambda s: percentile(s.one_user, 0.95)),
        ("REST, 1 user, p99", lambda s: percentile(s.one_user, 0.99)),
        (f"REST, {ours.load.users} users at once, p50", lambda s: s.load.percentile(0.5)),
        (f"REST, {ours.load.users} users at once, p95", lambda s: s.load.percentile(0.95)),
        (f"REST, {ours.load.users} users at once, p99", lambda s: s.load.percentile(0.99)),
        *[(f"turn {mark} of one conversation", lambda s, m=mark: s.by_turn[m]) for mark in (1, 10, 50, 200)],
        ("cold start (process start → first answer)", lambda s: s.cold_start),
    ]:
        rows.append((label, *both(get), "s"))
    rows.append(
        (
            f"throughput, {ours.load.users} users",
            *both(lambda s: s.load.throughput),
            "/s",
        )
    )
    rows.append(
        (
            "REST p50 / parse p50",
            *both(lambda s: percentile(s.one_user, 0.5) / percentile(s.parse, 0.5)),
            "x",
        )
    )
    rows.append(("turn 200 / turn 1", *both(lambda s: s.by_turn[200] / s.by_turn[1]), "x"))
    return rows


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "not run"
    return {"s": ms(value), "/s": f"{value:.1f} msg/s", "x": f"{value:.2f}×"}[unit]


@dataclass
class Target:
    name: str
    measured: str
    met: bool


def hard_targets(h: understanding.HardUnderstanding) -> list[Target]:
    """Issue 10: people as they write, and everyday requests that are not ours."""
    return [
        Target("hard set intent accuracy ≥ 0.90", f"{h.intent_accuracy:.3f}", h.intent_accuracy >= 0.90),
        Target(
            "role F1 on misspelt role names ≥ 0.95", f"{h.misspelt_role_f1:.3f}", h.misspelt_role_f1 >= 0.95
        ),
        Target(
            "everyday off-topic recall ≥ 0.95", f"{h.everyday_oos_recall:.3f}", h.everyday_oos_recall >= 0.95
        ),
    ]


def targets(
    u: understanding.Understanding,
    ours: Speed,
    peer: Speed | None,
    ours_training: Training,
) -> list[Target]:
    rest = percentile(ours.one_user, 0.5)
    throughput = ours.load.throughput
    found = [
        Target("held-out intent macro-F1 ≥ 0.95", f"{u.macro_f1:.3f}", u.macro_f1 >= 0.95),
        Target(
            "no intent below 0.85 F1",
            f"lowest {min(u.per_intent_f1.values()):.2f}",
            min(u.per_intent_f1.values()) >= 0.85,
        ),
        Target("out-of-scope recall ≥ 0.90", f"{u.oos_recall:.3f}", u.oos_recall >= 0.90),
        Target(
            "≤ 3% of in-scope questions treated as out of scope",
            f"{u.in_scope_as_oos:.1%}",
            u.in_scope_as_oos <= 0.03,
        ),
    ]
    if peer:
        peer_rest = percentile(peer.one_user, 0.5)
        peer_throughput = peer.load.throughput
        found += [
            Target(
                "REST p50, 1 user ≤ 0.5 × stock",
                f"{ms(rest)} vs {ms(peer_rest)}: {rest / peer_rest:.2f}×",
                rest <= 0.5 * peer_rest,
            ),
            Target(
                "throughput at 20 users ≥ 2 × stock",
                f"{throughput:.1f} vs {peer_throughput:.1f} msg/s: {throughput / peer_throughput:.2f}×",
                throughput >= 2 * peer_throughput,
            ),
        ]
    growth = ours.by_turn[200] / ours.by_turn[1]
    found += [
        Target("turn 200 ≤ 1.5 × turn 1", f"{growth:.2f}×", growth <= 1.5),
        Target("cold start ≤ 20 s", ms(ours.cold_start), ours.cold_start <= 20),
        Target("full training ≤ 3 min", ms(ours_training.full_seconds), ours_training.full_seconds <= 180),
        Target("Rasa server RSS ≤ 1 GB", f"{ours.rss_rasa_mb:.0f} MB", ours.rss_rasa_mb <= 1000),
    ]
    return found


def markdown(
    when: str,
    minutes: float,
    u: understanding.Understanding,
    h: understanding.HardUnderstanding,
    cv: CrossValidation,
    ours: Speed,
    peer: Speed | None,
    ours_training: Training,
    peer_training: Training | None,
) -> str:
    folds = ", ".join(f"{f:.3f}" for f in cv.folds)
    peer_rss = f"{peer.rss_rasa_mb:.0f} MB" if peer else "not run"
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {when} in {minutes:.0f} minutes. Do not edit: run `make bench` again",
        "(explanations go in `bench/NOTES.md`, copied under Notes below).",
        "",
        f"Machine: {machine()}.",
        "",
        "These machines are shared: latencies move by tens of percent between runs, so compare the",
        "two assistants within one run, never across runs.",
        "",
        "## Targets (issue 6)",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(
            f"| {t.name} | {t.measured} | {'yes' if t.met else '**no**'} |"
            for t in targets(u, ours, peer, ours_training)
        ),
        "",
        "## Targets (issue 10: people as they write)",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(f"| {t.name} | {t.measured} | {'yes' if t.met else '**no**'} |" for t in hard_targets(h)),
        "",
        "## Understanding",
        "",
        f"- Held-out intent macro-F1: **{u.macro_f1:.3f}** on {u.heldout_size} phrasings no training",
        "  example contains (`tests/nlu/heldout.yml`).",
        f"- Role entity F1: **{u.role_f1:.3f}** (per message, over the role ids meant).",
        *(
            [
                f"- {len(cv.folds)}-fold cross-validation over `data/nlu` ({cv.examples} examples), intent",
                f"  macro-F1: **{cv.mean:.3f} ± {cv.std:.3f}** (folds: {folds}).",
            ]
            if cv.folds
            else ["- Cross-validation: not run (`--no-cv`)."]
        ),
        f"- Off-topic questions turned away (`tests/nlu/off_topic.yml`, {u.off_topic_size} questions):",
        f"  **{u.oos_recall:.1%}**; in-scope held-out questions wrongly turned away:",
        f"  **{u.in_scope_as_oos:.1%}**.",
        "  Turned away means: intent `out_of_scope` or `nlu_fallback`, or another occupation named",
        "  with no role (the assistant then says which roles it covers).",
        "",
        f"- Written as people type (`tests/nlu/hard.yml`, {h.hard_size} messages: typos, slang, terse",
        f"  follow-ups, rambling): intent accuracy **{h.intent_accuracy:.3f}**; on the {h.misspelt_size}",
        f"  messages with a misspelt role name, intent accuracy **{h.misspelt_intent_accuracy:.3f}**",
        f"  and role F1 **{h.misspelt_role_f1:.3f}**.",
        f"- Everyday requests to assistants (`tests/nlu/off_topic_everyday.yml`, {h.everyday_size}):",
        f"  **{h.everyday_oos_recall:.1%}** turned away.",
        "",
        "| intent | held-out F1 |",
        "|---|---|",
        *(f"| {i} | {f:.2f} |" for i, f in sorted(u.per_intent_f1.items(), key=lambda kv: (kv[1], kv[0]))),
        "",
        "## Speed: career-guide and the stock `rasa init` assistant, same run",
        "",
        "Both on loopback, measured from outside over HTTP, interleaved (a request to one, then the",
        "same kind of request to the other; the load runs alternate), so that the shared machine's",
        "slow moments fall on both. 1 user: 5 conversations of 20 turns, one message at a time.",
        f"{ours.load.users} users: {ours.load.users} unique senders at once, {ours.load.turns} turns "
        "each over two runs (ours: half ask",
        "questions, half walk the guided path with interruptions; the peer: its greetings and moods).",
        "Turn n: median of turns n-2..n+2 of one 202-turn conversation. career-guide keeps every",
        "conversation in SQLite and calls its action server; the stock assistant keeps them in memory",
        "and has no custom action.",
        "",
        "| figure | career-guide | stock `rasa init` | career-guide / stock |",
        "|---|---|---|---|",
    ]
    for label, mine, theirs, unit in speed_rows(ours, peer):
        lines.append(
            f"| {label} | {fmt(mine, unit)} | {fmt(theirs, unit)} | {ratio(mine, theirs) if theirs else ''} |"
        )
    trackers = "complete" if not ours.load.tracker_problems else "; ".join(ours.load.tracker_problems[:3])
    lines += [
        "",
        "Messages without an answer (an HTTP error, or no text) during the load: career-guide "
        f"{len(ours.load.errors)}{f', stock {len(peer.load.errors)}' if peer else ''}"
        f"{f' (for example {peer.load.errors[0]})' if peer and peer.load.errors else ''}.",
        f"career-guide's trackers after the load: {trackers}.",
        "",
        "## Cost",
        "",
        "| figure | career-guide | stock `rasa init` |",
        "|---|---|---|",
        f"| full training (empty cache) | {ms(ours_training.full_seconds)} | "
        f"{ms(peer_training.full_seconds) + ' (`rasa init`)' if peer_training else 'not run'} |",
        f"| training again, nothing changed | {ms(ours_training.unchanged_seconds)} | "
        f"{ms(peer_training.unchanged_seconds) if peer_training else 'not run'} |",
        f"| model file | {ours_training.model_mb:.1f} MB | "
        f"{f'{peer_training.model_mb:.1f} MB' if peer_training else 'not run'} |",
        f"| cold start (process start → first answer) | {ms(ours.cold_start)} | "
        f"{ms(peer.cold_start) if peer else 'not run'} |",
        f"| action server ready | {ms(ours.actions_ready or 0)} | none |",
        f"| peak RSS, Rasa server | {ours.rss_rasa_mb:.0f} MB | {peer_rss} |",
        f"| peak RSS, action server | {ours.rss_actions_mb or 0:.0f} MB | none |",
        "",
        "## Notes",
        "",
        NOTES.read_text(encoding="utf-8").strip() if NOTES.exists() else "(none)",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-peer", action="store_true", help="skip the stock assistant (a quick look)")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (a quick look)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--no-cluster", action="store_true", help="skip one vs two Rasa servers (make cluster)"
    )
    parser.add_argument(
        "--no-report", action="store_true", help="skip `make report` on 100,000 conversations"
    )
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml", help="compare another pipeline")
    args = parser.parse_args()
    began = time.monotonic()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        tmp = Path(name)
        print("training career-guide (empty cache, then again)...", flush=True)
        ours_training = train_ours(tmp, args.config.resolve())
        print("understanding: held-out, off-topic, cross-validation...", flush=True)
        u = understanding.evaluate(ours_training.model)
        h = understanding.evaluate_hard(ours_training.model)
        reader = Agent.load(str(ours_training.model))  # once, for every whole-message set
        reading = reading_eval.evaluate(reader)
        later = {path: reading_eval.evaluate(reader, path) for path in reading_eval.LATER}
        parse_cost = parse_times(reader)
        cv = (
            CrossValidation(folds=(), examples=0)
            if args.no_cv
            else cross_validate(config=args.config.resolve())
        )
        peer_training = None
        if not args.no_peer:
            print("the stock assistant: rasa init (trains it)...", flush=True)
            peer_training = train_peer(tmp)
        print(
            "training the same pipeline without the whole-message reading (issue 17's speed)...", flush=True
        )
        before_model = without_reading(tmp, args.config.resolve())
        print("speed: both assistants, interleaved; then ours with and without the reading...", flush=True)
        ours, peer = measure_both(
            tmp, ours_training.model, peer_training.model if peer_training else None, before_model
        )
        scale = ""
        if not args.no_cluster:
            print("scale-out: one Rasa server, then two, behind nginx on PostgreSQL and Redis...", flush=True)
            one, two = (scale_out.measure_replicas(tmp, ours_training.model, n) for n in (1, 2))
            scale = scale_out.markdown(one, two, scale_out.sqlite_bytes_per_turn(tmp / "conversations.db"))
    report = ""
    if not args.no_report:
        print("the report on 100,000 generated conversations, SQLite then PostgreSQL...", flush=True)
        report = report_scale.markdown(report_scale.measure(100_000))
    minutes = (time.monotonic() - began) / 60
    text = markdown(when, minutes, u, h, cv, ours, peer, ours_training, peer_training)
    reading_section = (
        "## Whole messages (issue 17)\n\n"
        + reading_eval.report(reading)
        + "".join(
            "\n\n" + reading_eval.report(later[path], said) for path, said in reading_eval.LATER.items()
        )
        + "\n"
    )
    reading_section += parse_report(parse_cost)
    if READING_LATENCY:
        with_reading, without = READING_LATENCY
        reading_section += (
            "\nREST p50 for one user (the mix of the speed figures, interleaved): with the whole-message "
            f"reading {ms(with_reading)}, the same pipeline without it (no WholeMessageReader, no sentence "
            f"vectors) {ms(without)}: {with_reading / without:.2f}x (issue 17 asks at most 1.10x against "
            "before the issue). Ours has served the load runs first; the other starts fresh.\n"
        )
    if PLACE_LATENCY:
        national, place = PLACE_LATENCY
        reading_section += (
            "\n## Pay in a place (issue 18)\n\n"
            f"REST p50, a pay question in a new conversation: national {ms(national)}, one place "
            f"{ms(place)} ({place / national:.2f}x; target within 1.10x).\n"
        )
    text = text.replace("\n## Notes\n", f"\n{reading_section}\n## Notes\n", 1)
    if scale:
        text = text.replace("\n## Notes\n", f"\n{scale}\n\n## Notes\n", 1)
    if report:
        text = report_scale.replace_section(text, report)
    args.output.write_text(text, encoding="utf-8")
    summary = text.split("## Understanding")[0].split("## Targets (issue 6)")[1]
    print(f"\n{args.output.name} written. Targets:{summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
