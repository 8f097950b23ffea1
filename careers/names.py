"""Intent and entity names, exactly as domain.yml declares them: the one place for the strings
that the NLU components (addons/nlu/), the actions and careers/ share. tests/test_wiring.py checks
that each name here is declared in domain.yml, and that each intent there is here.

Aspect questions are one intent per aspect of knowledge_base/aspects.yml (`ask_role_<aspect>`),
so they are made by `ask_role` rather than listed.
"""

from __future__ import annotations

# Intents

GREET = "greet"
GOODBYE = "goodbye"
THANK = "thank"
BOT_CHALLENGE = "bot_challenge"
HELP = "help"
START_OVER = "start_over"
OUT_OF_SCOPE = "out_of_scope"
INFORM_ROLE = "inform_role"
ASK_OTHER_ROLE = "ask_other_role"
COMPARE_ROLES = "compare_roles"
RANK_ROLES = "rank_roles"
LIST_ROLES = "list_roles"
ASK_SOURCES = "ask_sources"
START_PATH = "start_path"
ANSWER_PATH = "answer_path"
ASK_WHY = "ask_why"
STOP_PATH = "stop_path"
GO_BACK = "go_back"
ACKNOWLEDGE = "acknowledge"
EXPRESS_FRUSTRATION = "express_frustration"
ASK_DETAIL = "ask_detail"
TELL_SKILLS = "tell_skills"
ASK_SKILL_GAP = "ask_skill_gap"
ASK_ROADMAP = "ask_roadmap"
ASK_CLOSEST_ROLE = "ask_closest_role"
ASK_TRANSITION = "ask_transition"
ASK_RELATED_ROLES = "ask_related_roles"
ASK_PROFILE = "ask_profile"
FORGET_SKILL = "forget_skill"
RESET_PROFILE = "reset_profile"
DELETE_CONVERSATION = "delete_conversation"
CONFIRM_DELETE_CONVERSATION = "confirm_delete_conversation"
KEEP_CONVERSATION = "keep_conversation"
SAY_SEVERAL = "say_several"
OTHER_LANGUAGE = "other_language"
ASK_WHY_NOT = "ask_why_not"
ASK_SKILL_RANKING = "ask_skill_ranking"
ASK_DURATION = "ask_duration"
ASK_AI_RISK = "ask_ai_risk"
ASK_AGE = "ask_age"
# pay (issue 18): how many jobs, where they are, where pay is highest
ASK_JOBS_WHERE = "ask_jobs_where"
# feedback (issue 19): 👍 / 👎 on an answer, or "that helped" typed
FEEDBACK = "feedback"

ASK_ROLE_PREFIX = "ask_role_"
OVERVIEW_INTENT = "ask_role_overview"


def ask_role(aspect_id: str) -> str:
    """The intent that asks about one aspect of a role: ask_role_salary."""
    return ASK_ROLE_PREFIX + aspect_id


def aspect_of(intent: str) -> str | None:
    """The aspect an `ask_role_<aspect>` intent asks about, else None."""
    return intent[len(ASK_ROLE_PREFIX) :] if intent.startswith(ASK_ROLE_PREFIX) else None


INTENTS = frozenset(
    {
        GREET,
        GOODBYE,
        THANK,
        BOT_CHALLENGE,
        HELP,
        START_OVER,
        OUT_OF_SCOPE,
        INFORM_ROLE,
        ASK_OTHER_ROLE,
        COMPARE_ROLES,
        RANK_ROLES,
        LIST_ROLES,
        ASK_SOURCES,
        START_PATH,
        ANSWER_PATH,
        ASK_WHY,
        STOP_PATH,
        GO_BACK,
        ACKNOWLEDGE,
        EXPRESS_FRUSTRATION,
        ASK_DETAIL,
        TELL_SKILLS,
        ASK_SKILL_GAP,
        ASK_ROADMAP,
        ASK_CLOSEST_ROLE,
        ASK_TRANSITION,
        ASK_RELATED_ROLES,
        ASK_PROFILE,
        FORGET_SKILL,
        RESET_PROFILE,
        DELETE_CONVERSATION,
        CONFIRM_DELETE_CONVERSATION,
        KEEP_CONVERSATION,
        SAY_SEVERAL,
        OTHER_LANGUAGE,
        ASK_WHY_NOT,
        ASK_SKILL_RANKING,
        ASK_DURATION,
        ASK_AI_RISK,
        ASK_AGE,
        ASK_JOBS_WHERE,
        FEEDBACK,
    }
)

# Entities (each slot that an entity fills has the same name)

ROLE = "role"
ASPECT = "aspect"
JOB = "job"
PATH_OPTION = "path_option"
RANKING = "ranking"
PLACE = "place"
SENIORITY = "seniority"
EMPLOYER = "employer"
YEAR = "year"
DETAIL = "detail"
SKILL = "skill"
BACKGROUND = "background"
UNKNOWN_SKILL = "unknown_skill"
# pay (issue 18)
INDUSTRY = "industry"
# feedback (issue 19): "up" or "down", sent by the 👍 / 👎 buttons
RATING = "rating"

ENTITIES = frozenset(
    {
        ROLE,
        ASPECT,
        JOB,
        PATH_OPTION,
        RANKING,
        PLACE,
        SENIORITY,
        EMPLOYER,
        YEAR,
        DETAIL,
        SKILL,
        BACKGROUND,
        UNKNOWN_SKILL,
        INDUSTRY,
        RATING,
    }
)
