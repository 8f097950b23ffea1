"""The words that tell what a clause asks, beyond what the intent model guessed (feature
`reading`, issue 17): a choice between two roles, a move, readiness, a first step, an age, the
options open to the person, the effect of AI, a figure's source, a role set beside another.
careers/reading.py reads each clause with these; addons/nlu/intent_rules.py uses the choice, the
move and the comparison on whole messages. Each cue was seen in a held-out message the model
alone read otherwise, and each is narrow enough not to take common questions for it. Pure Python."""

from __future__ import annotations

import re
from typing import Sequence

from careers import names
from careers.clauses import words as _words
from careers.words import AIMING_AS, ARTICLES

# Asking to be helped to decide between roles, rather than to compare them.
CHOICE_WORDS = {"choose", "decide", "pick", "torn", "undecided", "deciding", "choosing"}
FOR_ME = {"me", "i", "my", "suits", "suit", "aim", "i'm", "im"}
NOT_CHOOSING = {
    "compare",
    "difference",
    "differences",
    "each",
    "both",
    "closer",
    "closest",
    "nearest",
    "nearer",
}


def choosing_between(words: set[str], role_count: int) -> bool:
    """ "Help me choose between A and B", "A or B, which should I go for?"."""
    if role_count != 2:
        return False
    return bool(CHOICE_WORDS & words) or bool(
        FOR_ME & words and {"which", "should", "or", "vs", "versus"} & words and not NOT_CHOOSING & words
    )


# Words of a move from one job to another ("could a DBA switch to data engineering?", "is data
# engineering a reasonable next step for me?", "could i jump straight to ml engineer?").
MOVE_WORDS = {
    "switch", "switching", "move", "moving", "pivot", "pivoting", "transition", "transitioning",
    "become", "becoming", "retrain", "change", "into", "path", "way", "step", "jump", "jumping",
    "shift", "shifting", "leap", "possible", "doable", "feasible",
}  # fmt: skip
# "How do I make that move?": a move asked without a role, after the person said where to.
MOVE_NOUNS = {"move", "switch", "transition", "jump", "pivot", "leap"}
# What a move question may have been taken for, when the person said where they start from.
MOVE_REPLACES = {names.COMPARE_ROLES, names.INFORM_ROLE, names.START_PATH} | {
    names.ask_role(a) for a in ("overview", "fit", "education", "responsibilities", "challenges")
}


def asks_a_move(words: set[str], role_count: int, has_profile: bool) -> bool:
    """A move from one role to another named ("can ML engineers pivot to MLOps?"), or from the
    person's own background to one role ("I'm a nurse: could data analysis be a path for me?")."""
    if not MOVE_WORDS & words or NOT_CHOOSING & words or choosing_between(words, role_count):
        return False
    return role_count == 2 or (role_count == 1 and has_profile)


# "is DE a natural next step after DBA?", "is DE the next step for me?", "too much of a stretch
# for an analyst?", "a big leap": a move weighed, which the model may take for the gap, the
# roadmap, the fit or the outlook. A next step asked with "what", or "the next step (for me) to
# learn / become ...", asks the roadmap.
NEXT_STEP = re.compile(r"\b(an?|the) (\w+ )?next (step|move)\b(?! (to|for me to|is to)\b)")
MOVE_WEIGHT = re.compile(
    r"\bstretch\b"
    r"|\b(big|huge|large|realistic|natural|logical|sensible|reasonable) (next )?(jump|leap|step|move)\b"
)
# A jump in pay or demand is no move weighed, nor a choice between two ("would DS or DE be the
# better next step?": the guided path).
NOT_A_MOVE_WEIGHED = re.compile(
    r"\b(pay|salary|salaries|paid|earn|earns|earnings|demand|vs|versus)\b|\bor\b.*\b(better|best)\b"
    r"|\b(better|best)\b.*\bor\b"
)
# (The move itself too: two roles and a move weighed lift its doubt, intent_rules.py.)
WEIGHED_REPLACES = MOVE_REPLACES | {
    names.ASK_SKILL_GAP, names.ASK_ROADMAP, names.ASK_TRANSITION, names.ask_role("outlook"),
}  # fmt: skip


def weighs_a_move(text: str) -> bool:
    lowered = text.lower()
    step = NEXT_STEP.search(lowered)
    weighed = bool(MOVE_WEIGHT.search(lowered)) or (
        step is not None and "what" not in _words(lowered[: step.start()])
    )
    return weighed and not NOT_A_MOVE_WEIGHED.search(lowered)


def move_asked(intent: str, text: str, role_count: int, has_profile: bool) -> bool:
    """Whether a clause the model read as `intent` asks about a move between two roles named, or
    from the person's background to one."""
    words = set(_words(text))
    if intent in MOVE_REPLACES and asks_a_move(words, role_count, has_profile):
        return True
    return (
        intent in WEIGHED_REPLACES
        and weighs_a_move(text)
        and not NOT_CHOOSING & words
        and not choosing_between(words, role_count)
        and (role_count == 2 or (role_count == 1 and has_profile))
    )


# The word before a role says which end of a move it is: "from a DBA", "after data scientist",
# "as a statistician" start it, unless "as" follows an aim ("retrain as", "get hired as"); "for"
# starts it only after a move weighed ("a stretch for (a senior) data analysts", "a natural next
# step for DBAs"; "retrain for a data engineer job" names the goal); "to", "into" end it.
MOVE_FROM = {"from", "after", "as"}
MOVE_TO = {"to", "into", "toward", "towards"}
MOVE_WEIGHED_BY = {"stretch", "step", "jump", "leap", "move"}
MOVE_AIMS = AIMING_AS | {"work", "working", "apply", "applying"}
# Words that may stand between those and the role: "for a senior data analyst".
ROLE_MODIFIERS = {"senior", "junior", "experienced", "mid", "level", "entry", "lead", "new", "seasoned"}


def _end_of_move(text: str, at: int) -> str:
    """ "from", "to" (or "") as the words before the role at offset `at` of `text` say."""
    if not 0 <= at <= len(text):
        return ""  # an entity carried in from another clause of the message
    said = [w for w in _words(text[:at]) if w not in ARTICLES]
    while said and said[-1] in ROLE_MODIFIERS:
        said.pop()
    last, before = (said[-1] if said else ""), (said[-2] if len(said) > 1 else "")
    if last in MOVE_FROM and not (last == "as" and before in MOVE_AIMS):
        return "from"
    if last == "for" and before in MOVE_WEIGHED_BY:
        return "from"
    return "to" if last in MOVE_TO or last == "as" else ""


def move_ends(text: str, roles: Sequence[tuple[str, int]]) -> tuple[str, str] | None:
    """(where the move starts, where it goes) among the roles named in `text`, each given with
    its offset in `text`; without a word that says it, the first named is where it starts ("could
    a DBA become a data engineer?"), and of more than two, the last is where it goes."""
    first_seen: dict[str, int] = {}
    for role, at in roles:
        first_seen.setdefault(role, at)
    named = sorted(first_seen.items(), key=lambda role_at: role_at[1])
    if len(named) < 2:
        return None
    if len(named) > 2:
        return named[0][0], named[-1][0]
    (first, first_at), (second, second_at) = named
    ends = _end_of_move(text, first_at), _end_of_move(text, second_at)
    if ends[1] == "from" and ends[0] != "from" or ends[0] == "to":
        return second, first  # "is data science too much of a stretch for a data analyst?"
    return first, second


# "am I ready", "where do I stand", "is that enough to land an ML engineer job": readiness for a
# role is the gap to it.
READY_WORDS = {
    "ready", "stand", "employable", "hireable", "hirable", "qualified", "reachable", "attainable",
    "achievable",
}  # fmt: skip
READY_PHRASES = re.compile(
    r"\bget hired\b|\benough to (land|get)\b|\bland (a|an|the) (\w+ ){0,3}(job|role|position)\b"
)


def asks_readiness(text: str) -> bool:
    return bool(READY_WORDS & set(_words(text)) or READY_PHRASES.search(text.lower()))


# "what should I learn first for it": the first stage of a roadmap.
FIRST_WORDS = {"first", "learn"}
START_WORDS = {"start", "begin", "starting", "beginning"}
# "what ELSE should a BI analyst know?": after telling one's skills, the skills of a role asked
# with one of these words is the gap to it; without, the role's skills as they are.
GAP_WORDS = {"else", "missing", "still", "more", "gap", "add", "lack", "lacking", "left"}
# "options outside academia?" after telling one's skills: the roles closest to them.
OPTIONS_WORDS = {"options", "opportunities", "alternatives", "openings"}
# Words of a comparison: two roles named with one are compared (addons/nlu/intent_rules.py); a
# "comparison" naming one role without any of COMPARING asks about that role.
COMPARISON_WORDS = {
    "vs",
    "versus",
    "compare",
    "compared",
    "comparison",
    "difference",
    "differences",
    "between",
}
COMPARING = COMPARISON_WORDS | {"than", "different", "better", "worse", "like", "similar"}
# "which of your data roles is the shortest hop from where I am?", "is BI or DA closer to what i
# already do?": after telling one's skills, the roles closest to them.
CLOSEST_WORDS = {"closest", "closer", "nearest", "nearer", "shortest", "easiest"}
# "what's the source behind the outlook numbers", "is that figure national? what year is it from".
SOURCE_CUE = re.compile(
    r"\b(your|the|what'?s the|whats the) sources?\b|\bsources? (for|of|behind)\b|\bcited?\b|\bcitation\b|"
    r"\b(what|which) year\b|\bhow (recent|current|up to date) (is|are)\b|"
    r"\bwhere (is|are|does|do|did) (that|this|those|these) (\w+ )?(come from|from)\b|"
    r"\b(that|this|those|these) (figure|number|stat|data)s? (national|from|based)\b"
)
# "research scientists: do u need a phd? and hows their pay next to ML engineers", "DE and DBA side
# by side": a question about one role set beside another is a comparison. "next to", "against"
# and "than" only right before a role ("what should I learn next to become a statistician" is no
# comparison): see `sets_beside`.
COMPARE_CUE = re.compile(r"\b(vs\.?|versus|compared?|comparison|stacks? up|side by side)\b")
BESIDE = re.compile(r"\b(next to|against|relative to|than)\s+((an?|the|plain|what|with)\s+){0,2}$")


def sets_beside(text: str, role_starts: list[int]) -> bool:
    """Whether the text compares (COMPARE_CUE), or sets a role beside another: "next to",
    "against", "than" just before a role named at one of `role_starts`."""
    lower = text.lower()
    return bool(COMPARE_CUE.search(lower)) or any(BESIDE.search(lower[:start]) for start in role_starts)


# "... and what would a new grad earn in each": a question about both roles compared before.
EACH_WORDS = {"each", "both", "either", "them"}
# An age said with a question about starting ("at 40", "I'm 52", "at my age", "38 with two kids, is
# it daft to start", "47 now, too late for DA?", "I turned 50").
AGE = re.compile(
    r"\b(at|i'?m|im|i am|aged?|turned)\s+(\d{2})\b(?!\s*(k|%|years? of|hours?))|\bmy age\b|\btoo old\b|"
    r"\btoo late\b|^\s*(\d{2})\s*(,|now\b|with\b|y/?o\b|years? old\b)|\b(\d{2}) now\b"
)
# "what do i pick up first", "in which order should I learn": the first stage of a roadmap.
FIRST_STEP = re.compile(
    r"\b(learn|pick up|study|focus on|tackle|do|start with)\b.*\bfirst\b|\bfirst (thing|step|steps)\b|"
    r"\b(in )?(which|what) order\b"
)
# A question on how long it takes names a length of time.
DURATION_WORDS = {
    "long", "time", "years", "yrs", "year", "months", "month", "weeks", "week", "quickly", "fast",
    "soon", "till", "until", "quickest", "fastest", "duration",
}  # fmt: skip
AGE_REPLACES = {
    names.ASK_AI_RISK, names.ASK_TRANSITION, names.ASK_DURATION, names.ask_role("fit"), names.START_PATH,
    names.ASK_SKILL_GAP,
}  # fmt: skip
# "will AI take over data engineering jobs", "chatgpt writes sql now, are bi analysts done for?":
# whether AI replaces a role, read by the model as a question on the outlook (or not at all).
_MACHINES = r"\b(ai(?! ?eng)|a\.i\.|chat ?gpt|gpt|llms?|copilot|automation|robots?)\b"
_REPLACING = (
    r"\b(replac\w*|take over|taking over|took over|done for|obsolete|kill\w*|wipe\w* out|"
    r"redundant|automat\w*)\b"
)
AI_RISK = re.compile(f"{_MACHINES}.*{_REPLACING}|{_REPLACING}.*{_MACHINES}|\\bdone for\\b")
AI_RISK_REPLACES = {
    names.ask_role("outlook"), names.ask_role("fit"), names.ask_role("overview"), names.INFORM_ROLE,
    names.OUT_OF_SCOPE, names.ask_role("challenges"), names.COMPARE_ROLES,
}  # fmt: skip
# "that seems high", "is that number right?": a doubt about the figures just given asks where
# they come from and what they cover.
FIGURE_DOUBT = re.compile(
    r"\b(that|this|those|these)( \w+)? (seems?|looks?|sounds?) (really |way |a bit |kind of |pretty )?"
    r"(high|low|off|wrong|inflated|too (high|low|much))\b|"
    r"\b(is|are) (that|this|those|these) (number|figure|stat)s? (right|correct|accurate|real)\b"
)
# "data scientist gap?", "what's the gap": the gap to a role; not a gap year or a career gap.
GAP_CUE = re.compile(r"(?<!career )(?<!employment )\bgap\b(?! years?\b)")
