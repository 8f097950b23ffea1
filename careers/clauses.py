"""Cutting a message into clauses, and telling a clause's form (feature `reading`).

A message is cut at sentence ends, and before a question opener that follows a comma, a
conjunction or a standalone "+" ("I know SQL, what should I learn", "what do they do and how
much do they earn"). careers/reading.py reads the parts from the clauses. Pure Python."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that start a question: a comma or a conjunction before one of these starts a new clause.
QUESTION_OPENERS = {
    "what", "whats", "what's", "how", "hows", "how's", "which", "where", "why", "when", "who",
    "could", "can", "should", "would", "will", "is", "are", "do", "does", "did", "am", "any",
    "tell", "help", "give", "show", "compare", "isn't",
}  # fmt: skip
CONJUNCTIONS = {"and", "but", "so", "also", "plus", "&", "+", "then"}
LEADING_ADVERBS = {
    "roughly", "approximately", "realistically", "honestly", "generally", "typically", "exactly",
    "just", "ok", "okay", "tbh", "ngl", "btw", "lastly", "finally", "secondly", "anyway",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[?!.;]+(?=\s|$)|\n+")
_TOKEN = re.compile(r"[^\s,]+|,")
MIN_CLAUSE_WORDS = 2
# Words that make a clause a question wherever they stand ("I know SQL what else do I need").
# Not "who": inside a sentence it is a relative ("Journalist who does a lot of data stories").
WH_WORDS = {"what", "whats", "what's", "how", "hows", "how's", "which", "where", "why", "when"}
FILLERS = {"hmm", "oh", "ok", "okay", "so", "well", "right", "and", "but", "also", "um", "uh"}


def clauses(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses of `text`, in order (one span for a single clause)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _abbreviation(text, match.start(), match.group(0)):
            continue  # "St. Louis", "Washington, D.C. and Maryland"
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(text)))
    spans: list[tuple[int, int]] = []
    for begin, end in pieces:
        spans += _split_before_questions(text, begin, end)
    spans = [(b, e) for b, e in spans if text[b:e].strip()]
    return _merge_short(text, spans) or [(0, len(text))]


ABBREVIATIONS = {
    "st",
    "ft",
    "mt",
    "dc",
    "us",
    "uk",
    "eg",
    "ie",
    "vs",
    "dr",
    "mr",
    "ms",
    "mrs",
    "jr",
    "sr",
    "etc",
    "approx",
}


def _abbreviation(text: str, end: int, mark: str) -> bool:
    """Whether a full stop ends an abbreviation rather than a sentence."""
    if mark != ".":
        return False
    before = re.search(r"(\S+)$", text[:end])
    word = before.group(1).replace(".", "").lower() if before else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_before_questions(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Cuts a sentence before a question opener that follows a comma or a conjunction
    ("I know SQL, what should I learn", "what do they do and how much do they earn")."""
    tokens = [
        (m.group(0).lower(), m.start() + begin, m.end() + begin) for m in _TOKEN.finditer(text[begin:end])
    ]
    cuts = []
    for i in range(1, len(tokens) - 1):
        word, _, _ = tokens[i]
        following = tokens[i + 1][0]
        if word == "+" and _words_since_comma(tokens, i) >= PLUS_AFTER_WORDS:
            # "overview of the statistician role pls + salary"; but "good at sql + tableau",
            # "terraform + aws + docker" list skills.
            cuts.append(tokens[i][1])
        elif word in (",", "-") or word in CONJUNCTIONS:
            # "..., and roughly how long are we talking?": a conjunction or an adverb may stand
            # between the cut and the question's opener.
            ahead = [t[0] for t in tokens[i + 1 : i + 4]]
            while len(ahead) > 1 and ahead[0] in CONJUNCTIONS | LEADING_ADVERBS:
                ahead.pop(0)
            opener = ahead[0] if ahead else following
            if opener in QUESTION_OPENERS and opener not in CONJUNCTIONS:
                cuts.append(tokens[i][1] if word != "," else tokens[i][2])
    spans, start = [], begin
    for cut in cuts:
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


# "+" joins two requests after at least this many words (since the clause's start or its last
# comma, "+" or "and"), and two items of a list after fewer.
PLUS_AFTER_WORDS = 4


def _words_since_comma(tokens: list[tuple[str, int, int]], i: int) -> int:
    count = 0
    for word, _, _ in reversed(tokens[:i]):
        if word in (",", "+", "and", "&"):
            break
        count += 1
    return count


def words(text: str) -> list[str]:
    return [t for t in re.findall(r"[\w'+#]+", text.lower())]


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A clause of fewer than MIN_CLAUSE_WORDS words ("ok.", "hi,") joins the next one."""
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and len(words(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    last_text = text[merged[-1][0] : merged[-1][1]] if merged else ""
    if len(merged) > 1 and len(words(last_text)) < MIN_CLAUSE_WORDS and not last_text.strip().endswith("?"):
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return merged


# "I've been wondering whether it's too late", "I'm curious what statisticians get paid": a
# question asked as a statement.
INDIRECT_QUESTION = re.compile(
    r"\b(wondering|wonder|curious|want to know|wanna know|like to know|keen to know|not sure) "
    r"(\w+ ){0,3}?(whether|if|what|how|which|why|when)\b"
)


def is_statement(text: str) -> bool:
    """ "I'm a junior data engineer.", "fresh out of a stats bachelors, R and SAS": no question
    mark, no question word, not opening as a question, and no question asked as a statement."""
    said = words(text)
    while said and said[0] in FILLERS:
        said.pop(0)
    if "?" in text or not said or INDIRECT_QUESTION.search(text.lower()):
        return False
    return said[0] not in QUESTION_OPENERS and not WH_WORDS & set(said)


# A clause opening with one of these asks, with or without its question mark ("how do i start").
QUESTION_START = {"what", "whats", "what's", "how", "hows", "how's", "which", "where", "why", "am", "should"}


def asks_in_any_form(text: str) -> bool:
    """A question by its mark and opener, by its opener alone ("how do i start"), or asked as a
    statement ("I've been wondering whether it's too late")."""
    said = [w for w in words(text) if w not in FILLERS]
    opens = bool(said) and said[0] in QUESTION_START
    return asks(text) or opens or bool(INDIRECT_QUESTION.search(text.lower()))


def asks(text: str) -> bool:
    """A clause that is a question by its form: a question mark after a question opener."""
    said = [w for w in words(text) if w not in FILLERS]
    return text.rstrip().endswith("?") and bool(said) and said[0] in QUESTION_OPENERS


# One clause of a message and the intent model's guesses for it (addons/nlu/intent_classifier.py);
# careers/asked.py corrects them, careers/reading.py assembles the message's parts from them.
@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str
    intent: str = ""
    confidence: float = 0.0
    ranking: tuple[tuple[str, float], ...] = ()  # the classifier's best guesses for the clause
