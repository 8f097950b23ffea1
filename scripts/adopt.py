"""`make adopt FILE=reviews/x.yml`: check a labelled review file, add it to data/nlu/adopted.yml,
retrain, and keep the new model only if no held-out figure dropped.

    python -m scripts.adopt reviews/2026-12-01.yml [--root DIR]

`--root` is the project to adopt into (config.yml, domain.yml, data/, models/); the tests point it
at a copy so that they never change the working tree. Exit status 0 when adopted, 1 when refused
(the reason is printed, data/ and the model are as they were), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from insights import adopt

ROOT = Path(__file__).resolve().parent.parent
MODEL_NAME = "career-guide"


class Refused(Exception):
    """Why nothing was adopted, in words for the person who ran the command."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make adopt FILE=...", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "file", type=Path, help="the labelled review file (make review writes them in reviews/)"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the project to adopt into (default: this one)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    quiet()
    try:
        run(args.file, args.root.resolve())
    except Refused as reason:
        print(f"\nNot adopted: {reason}\nTook {time.monotonic() - started:.0f} s.", file=sys.stderr)
        return 1
    print(f"Took {time.monotonic() - started:.0f} s.")
    return 0


def quiet() -> None:
    """The person wants the verdict, not the notices of the libraries Rasa loads: deprecations
    (as for `make model`, scripts/quiet_rasa.py), and the note on slot auto-fill that Rasa 3.6
    prints at every load of any domain."""
    from scripts import quiet_rasa

    quiet_rasa.quiet()
    warnings.filterwarnings("ignore", message="Slot auto-fill has been removed")
    # As the Makefile sets them, for `python -m scripts.adopt` run by hand (before TensorFlow loads).
    for name, value in (("SQLALCHEMY_SILENCE_UBER_WARNING", "1"), ("TF_CPP_MIN_LOG_LEVEL", "2")):
        os.environ.setdefault(name, value)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")  # no network here, and none wanted


def run(file: Path, root: Path) -> None:
    examples = checked(file, root)
    model = root / "models" / f"{MODEL_NAME}.tar.gz"
    if not model.exists():
        raise Refused(f"there is no model to compare with ({model}): run `make model` first.")
    print(f"Measuring the current model on the held-out sets ({model.relative_to(root)}) ...", flush=True)
    before = measure(model)
    target = root / adopt.ADOPTED
    saved = Saved.of(target)
    work = Path(tempfile.mkdtemp(prefix=".adopt-", dir=model.parent))  # same disk: the move is atomic
    try:
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        target.write_text(adopt.appended(saved.text, examples, display(file, root), when), encoding="utf-8")
        print(
            f"Added {len(examples)} example(s) to {adopt.ADOPTED}; retraining (about a minute) ...",
            flush=True,
        )
        trained = train(root, work)
        print("Measuring the retrained model on the held-out sets ...", flush=True)
        after = measure(trained)
        print("\n" + adopt.table(before, after))
        worse = adopt.drops(before, after)
        if worse:
            raise Refused(
                "the held-out figures dropped: "
                + "; ".join(worse)
                + f".\n{adopt.ADOPTED} and {model.relative_to(root)} are as they were. Look at the labels "
                "of the file (a wrong intent teaches the model the wrong thing) and run again."
            )
        os.replace(trained, model)
        os.utime(model)  # newer than data/, so `make model` sees nothing to retrain
    except BaseException:
        saved.restore(target)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"Adopted {len(examples)} example(s) from {display(file, root)}: no held-out figure dropped.\n"
        f"The new model is {model.relative_to(root)}: restart the assistant to use it."
    )


def checked(file: Path, root: Path) -> list[adopt.Labelled]:
    """The examples to adopt, or Refused listing every problem with its line."""
    from harness import heldout

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise Refused(f"cannot read {file}: {getattr(error, 'strerror', None) or error}") from None
    examples, problems = adopt.read(text)
    if not problems:
        intents, entities = adopt.domain_names((root / "domain.yml").read_text(encoding="utf-8"))
        training = {t: display(p, root) for t, p in heldout.training_texts(root / "data" / "nlu").items()}
        held_out = {t: display(p, ROOT) for t, p in heldout.texts().items()}
        held_out_texts = sorted(held_out)
        result = adopt.check(
            examples, intents, entities, training, held_out, lambda t: heldout.near_copy(t, held_out_texts)
        )
        problems = result.problems
        for example in result.skipped:
            print(
                f"{file}:{example.line}: skipped, still `{adopt.FALLBACK}` (not labelled): {example.plain!r}"
            )
        examples = result.adopt
    if problems:
        raise Refused(f"{len(problems)} problem(s) in {file}:\n" + "\n".join(f"  {p}" for p in problems))
    if not examples:
        raise Refused(f"{file} has no labelled example left to adopt.")
    return examples


def display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Saved:
    """data/nlu/adopted.yml as it was (or that it was not there), to put back on refusal. Its
    modification time comes back too, so that `make model` does not think data/ changed."""

    text: str | None
    times: tuple[int, int] | None

    @classmethod
    def of(cls, path: Path) -> Saved:
        if not path.exists():
            return cls(None, None)
        stat = path.stat()
        return cls(path.read_text(encoding="utf-8"), (stat.st_atime_ns, stat.st_mtime_ns))

    def restore(self, path: Path) -> None:
        if self.text is None or self.times is None:
            path.unlink(missing_ok=True)
            return
        path.write_text(self.text, encoding="utf-8")
        os.utime(path, ns=self.times)


def train(root: Path, out: Path) -> Path:
    """Rasa's training on `root`'s config, domain and data, into `out` (Rasa's command line, quiet)."""
    command = [
        sys.executable,
        str(ROOT / "scripts" / "quiet_rasa.py"),
        "train",
        "--fixed-model-name",
        MODEL_NAME,
    ]
    command += ["--config", str(root / "config.yml"), "--domain", str(root / "domain.yml")]
    command += ["--data", str(root / "data"), "--out", str(out), "--quiet"]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    model = out / f"{MODEL_NAME}.tar.gz"
    if done.returncode != 0 or not model.exists():
        raise Refused(f"training failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return model


def measure(model: Path) -> dict[str, float]:
    """The held-out figures of `model` (loaded once), as harness/understanding.py computes them
    for tests/nlu and `make bench`."""
    from rasa.core.agent import Agent

    from harness import reading_eval, understanding

    understanding.quiet()
    agent = Agent.load(str(model))
    held = understanding.evaluate(agent)
    hard = understanding.evaluate_hard(agent)
    family = understanding.evaluate_family(agent)
    whole = reading_eval.evaluate(agent)
    figures = {
        "held-out intent macro-F1": held.macro_f1,
        "held-out role F1": held.role_f1,
        "off-topic recall": held.oos_recall,
        "in-scope questions turned away": held.in_scope_as_oos,
        "hard set intent accuracy": hard.intent_accuracy,
        "misspelt role F1": hard.misspelt_role_f1,
        "everyday off-topic recall": hard.everyday_oos_recall,
        "family intent accuracy": family.intent_accuracy,
        "family role F1": family.role_f1,
        "whole-message parts answered": whole.part_rate,
        "whole messages fully answered": whole.message_rate,
    }
    assert set(figures) == {f.name for f in adopt.FIGURES}  # the table's rows and these keys agree
    return figures


if __name__ == "__main__":
    sys.exit(main())
