"""What a person says about themselves (feature `reading`): their job said as their own, even
one no list names ("I've been a plumber for 12 years"), a denial ("not a programmer"), and the
words that take a skill back ("scratch R"). careers/reading.py reads the parts with these.
Pure Python."""

from __future__ import annotations

import re

from careers.clauses import words as _words

# A job stated as one's own ("I work as a pharmacist", "I've been a nurse for 6 years").
FIRST_PERSON_CUES = re.compile(
    r"\b(i\s*'?\s*m|i am|im|i work(?:ed)? as|i've been|ive been|i have been|i was|i used to be|"
    r"my job is|i'm currently|currently a|working as)\b",
    re.IGNORECASE,
)
FIRST_PERSON = {"i", "i'm", "im", "i've", "ive", "i'd", "my", "me", "myself", "mine"}
# Taking a skill back, in any wording ("scratch R", "take out sql", "I was wrong about git").
CORRECTION_CUES = re.compile(
    r"\b(scratch|scrap|strike|remove|delete|erase|drop|forget|cancel|undo|ignore|never ?mind|"
    r"take (?:\w+ )?(?:out|off)|cross (?:\w+ )?out|wrong about|mistaken about|correction)\b"
)


# A job we know nothing about, said as one's own ("I've been a plumber for 12 years", "i work
# as a cashier at a supermarket"): the words after the cue, up to the first of STOP_AFTER, when
# the last of them reads as an occupation. backgrounds.yml and other_jobs.yml name the jobs we
# know; this keeps any other as "career changer from X" instead of losing it.
_STATED_JOB = re.compile(
    r"\b(?:i\s*'?\s*m|i am|i work(?:ed)? as|i'?ve been|i have been|been|i was|i used to be|"
    r"work(?:ing|ed)? as|as)\s+an?\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)",
    re.IGNORECASE,
)
OCCUPATION_END = re.compile(
    r"(er|or|ist|yst|ian|ant|ent|man|woman|ee|agent|officer|chef|cook|clerk|pilot|medic|nurse|tech|vet)$"
)
NOT_A_JOB = {
    "bit", "lot", "little", "fan", "person", "people", "beginner", "newbie", "novice", "number",
    "member", "career", "changer", "user", "learner", "lover", "starter", "quick", "fast", "slow",
    "better", "power", "computer", "other", "former", "matter", "answer", "order", "junior",
    "senior", "major", "minor", "mentor", "mother", "father", "parent", "perfectionist", "introvert",
    "extrovert", "hardcore", "complete", "total", "huge", "big", "stay-at-home", "however", "whatever",
    "moreover", "remember", "rather", "either", "neither", "never", "ever", "after", "further",
    "together", "later", "over", "under", "whether", "wonder", "consider",
}  # fmt: skip
STOP_AFTER = {
    "for", "at", "in", "with", "and", "but", "from", "who", "since", "so", "then", "to", "of",
    "on", "w", "that", "which", "because", "or", "now", "right", "currently", "full", "part",
}  # fmt: skip


# "Epidemiologist, SAS and R daily.", "Journalist who does a lot of data stories": a message
# that opens with an occupation, then a comma or words about it, is the writer introducing
# themselves.
# Said only of oneself ("DBA here", "dba 15 yrs", "nurse (ICU)"); with a comma or "at ..." too in a
# message about the writer.
_SELF_INTRODUCTION = r"(?=\s+(?:here|by trade)\b|\s+\d+\s*(?:yrs?|years?)\b|\s*\()"
_AFTER_AN_INTRODUCTION = _SELF_INTRODUCTION[:-1] + r"|\s*[,:]|\s+(?:who|with|at|for|in|of)\b)"
_LEADING_JOB = re.compile(
    r"^\s*((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*)" + _AFTER_AN_INTRODUCTION, re.IGNORECASE
)
_FILLER_OPENING = re.compile(r"^\s*(?:(?:hi|hey|hello|ok|so|well|me)\b[,:!]?\s*)*", re.IGNORECASE)


def introduced_role(text: str, start: int, end: int, personal: bool) -> bool:
    """ "dba 15 yrs sql server, ...", "DS at a consultancy, ... what do i need": the message opens
    with the role at start:end, said as what the writer is: followed by "here", years or a
    bracket, or by a comma or "at ..." in a message about the writer (`personal`)."""
    opening = _FILLER_OPENING.match(text)
    if opening is None or opening.end() != start:
        return False
    return bool(re.match(_SELF_INTRODUCTION, text[end:])) or (
        personal and bool(re.match(_AFTER_AN_INTRODUCTION, text[end:]))
    )


def stated_job(text: str) -> tuple[int, int, str] | None:
    """Where a job said as one's own is named, and its name, if the message says one."""
    leading = _LEADING_JOB.match(text)
    opening = (
        (leading.start(1), leading.end(1), leading.group(1).lower())
        if leading and _occupation(leading.group(1).lower().split())
        else None
    )
    if not FIRST_PERSON & set(_words(text)) and not re.match(r"\s*been\b", text, re.IGNORECASE):
        return opening
    for match in _STATED_JOB.finditer(text):
        kept = []
        for word in re.finditer(r"\S+", match.group(1)):
            if word.group(0).lower() in STOP_AFTER:
                break
            kept.append(word)
        names_ = [w.group(0).lower() for w in kept]
        if not _occupation(names_):
            continue
        start = match.start(1) + kept[0].start()
        return start, match.start(1) + kept[-1].end(), " ".join(names_)
    return opening


def _occupation(words: list[str]) -> bool:
    return bool(words) and not NOT_A_JOB & set(words) and bool(OCCUPATION_END.search(words[-1]))


def states_a_job(text: str) -> bool:
    """ "I work as a pharmacist", "I've been a nurse for 6 years": the person's own job."""
    return bool(FIRST_PERSON_CUES.search(text))


def denied(text: str, start: int) -> bool:
    """ "not a hardcore programmer": a negation just before what the person says they are."""
    before = _words(text[:start])[-3:]
    return bool({"not", "never", "isn't", "wasn't", "aren't"} & set(before))
