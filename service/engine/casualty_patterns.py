"""The casualty layer's patterns, built once from its lexicons.

``lexicon/casualty_triggers.yaml`` holds the triggers per category and the person nouns;
``lexicon/casualty_grammar.yaml`` holds the function words the link patterns are made of (auxiliaries,
clause breaks, determiners, reporting verbs, causes, negators ...). This module only assembles regular
expressions from them — the shapes are here, the words are data; ``casualties.py`` applies them.
"""
from __future__ import annotations

import regex as re

from .lexicon import alternation, load

L = load("casualty_triggers")
G = load("casualty_grammar")
_I = re.IGNORECASE


def W(name: str, boundary: bool = True) -> str:
    """The alternation of the grammar list ``name``."""
    return alternation(G[name], boundary=boundary)


PERSONS = alternation(L["persons"])
_PLURAL_PERSONS = {p.lower() for p in L["plural_persons"]}
_SINGULAR_PERSONS = alternation([p for p in L["persons"] if not p.endswith("s") and p[0].islower()
                                 and p.lower() not in _PLURAL_PERSONS])
_SINGULAR_PERSONS_ANY_CASE = alternation([p for p in L["persons"] if not p.endswith("s")
                                          and p.lower() not in _PLURAL_PERSONS])
_AGE = r"\d{1,3}[-\s]?(?:year|yr|month|week)s?[-\s]?old|\d{1,3}\s?y/o"
_MONTHS_AND_DAYS = list(load("date_words")["months"]) + list(load("date_words")["weekdays"])


def _trigger_regex(words, phrase: str | None = None) -> re.Pattern | None:
    parts = ([alternation(words)] if words else []) + ([phrase] if phrase else [])
    return re.compile("|".join(parts), _I) if parts else None


def _phrase_regex(spec: dict) -> str:
    """A trigger built of an opener, up to three modifiers and a head: "taken to a hospital WITH
    NON-LIFE-THREATENING INJURIES", "SUFFERED MINOR HEAD INJURIES", "ESCAPED WITH SERIOUS, BUT NOT
    LIFE-THREATENING, WOUNDS"."""
    modifier = rf"(?:{alternation(spec['modifiers'])}(?:\s*,\s*|\s+)(?:{alternation(spec['joiners'])}\s+)?)"
    return (rf"{alternation(spec['openers'])}\s+(?:{alternation(spec['articles'])}\s+)?{modifier}{{0,3}}"
            rf"{alternation(spec['heads'])}")


# ------------------------------------------------------------------------------------------- triggers
TRIGGER_PATTERNS = {cat: {kind: _trigger_regex(spec.get(kind) or [],
                                        _phrase_regex(spec[f"{kind}_phrases"]) if f"{kind}_phrases" in spec else None)
                   for kind in ("passive", "active", "nouns", "tolls")}
             for cat, spec in L["categories"].items()}


def _first_word(phrase: str) -> str | None:
    m = WORD_RE.match(str(phrase))
    return m.group().lower() if m else None


# Per category and kind, the first words its triggers can begin with (an opener, for phrase triggers): a sentence
# none of whose words is one of them holds no trigger of that kind, and its pattern need not run (None: no first
# word to tell, the pattern always runs). Exact for ASCII words, where the patterns' case folding is lower().
WORD_RE = re.compile(r"\w+")
TRIGGER_FIRST_WORDS = {
    cat: {kind: (None if None in (words := {_first_word(w) for w in (spec.get(kind) or [])} |
                                  {_first_word(w) for w in spec.get(f"{kind}_phrases", {}).get("openers", [])})
                 else frozenset(words))
          for kind in ("passive", "active", "nouns", "tolls")}
    for cat, spec in L["categories"].items()}
UNDATED_NEGATIONS = frozenset(G["undated_negations"])
PRONOUNS = frozenset(w.lower() for w in G["subject_pronouns"] + G["object_pronouns"])
PERPETRATOR_HEADS = frozenset(w.lower().rstrip("s") for w in G["perpetrator_heads"])
OUT_OF_BEFORE_RE = re.compile(rf"(?:{W('partitive_openers')}\s+(?:the\s+)?|"
                               rf"(?:\b\d[\d,]*|{W('partitive_counts')})\s+(?:[\w'’-]+\s+)?of\s+the\s+)$", _I)
OF_THE_OPENING_RE = re.compile(rf"\s*{W('partitive_sentence_openers')}\s+", _I)  # "OF THE 20 injured, 3 died"
NOT_PERSONS_AFTER_RE = re.compile(rf"[\s-]+(?:[\w'’-]+\s+){{0,2}}?{alternation(L['not_persons'])}", _I)
NOUN_MODIFIER_RE = re.compile(r"[-\s]+" + alternation(L["noun_not_before"]), _I)
TOLL_LINK_RE = re.compile(alternation(L["toll_links"]) + r"\s*$", _I)
NOT_TOLL_OF_RE = re.compile(alternation(L["not_toll_of"]) + r"\s*$", _I)
# where a new clause begins, so that a hypothetical word before it does not reach the fact after it
CLAUSE_START_RE = re.compile(rf"\b{W('clause_openers')}\b|[;:]", _I)
PERSON_ONLY_VERB_RE = re.compile(W("person_only_verbs"), _I)
FIRE_DIRECTION_AFTER_RE = re.compile(rf"\s+{W('fire_directions')}", _I)
FIRED_BEFORE_RE = re.compile(rf"{W('fire_verbs')}\s+(?:[\w'’-]+\s+){{0,2}}$", _I)
HOSPITAL_VERB_RE = re.compile(W("hospital_verbs"), _I)
TO_HOSPITAL_RE = re.compile(rf"[^.;]{{0,50}}?\bto\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,2}}?{W('hospital_words')}",
                             _I)
HYPOTHETICAL_RE = re.compile(alternation(L["hypothetical"]))  # as written: "May" is a month, "may" a modal
CUMULATIVE_RE = re.compile(alternation(L["cumulative"]), _I)
FEARED_RE = re.compile(alternation(L["feared"]), _I)
# a period's statistic: its words, or a year it runs in or since ("so far in 2017", "since 1999")
# or a whole year or season ("it proved to be a ruinous year, with thousands of fatalities")
STATISTIC_RE = re.compile(alternation(L["statistic"]) + r"|\b(?:in|since)\s+(?:19|20)\d\d\b"
                           r"|\b(?:an?|the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:year|season)\b(?![-’'])"
                           rf"(?!\s+{W('period_not_after')})", _I)  # "a year EARLIER": a comparison, not a period
SHOT_RE = re.compile(r"^(?:" + alternation(L["shot_words"]) + r"|.*\s" + alternation(L["shot_wounds"]) + r")$", _I)
SHOT_THEN_DIED_RE = re.compile(rf"(?:[^.;]|\.(?=\s*\d)){{0,90}}?(?:\band|,)\s+(?:{W('adverbs_of_time')}\s+)?"
                                rf"{W('death_after_shot')}"
                                rf"|[^.;]{{0,90}}?,?\s+(?:but|and)\s+(?:[\w'’]+\s+){{1,5}}?(?:he|she)\s+(?:was\s+)?"
                                rf"(?:{W('adverbs_of_time')}\s+)?{W('death_after_shot')}",
                                _I)
NEAR_MISS_RE = re.compile(W("near_miss"), _I)
NEAR_MISS_BEFORE_RE = re.compile(rf"{W('near_miss')}\s+$", _I)
CHARGE_GAP_RE = re.compile(rf"{W('charge_words')}\s+of\b", _I)

# ------------------------------------------------------------------------------------------- gaps
# Between a count and a trigger after it: up to seven words (written so that it cannot backtrack).
SUBJECT_GAP_RE = re.compile(r"^\s*+(?:[\w'’.-]++\s++){0,7}$", _I)
CLAUSE_BREAK_RE = re.compile(rf"[;:()\[\]\"“”]|{W('clause_breaks')}|,\s*{W('clause_breaks_after_comma')}", _I)
WHO_GAP_RE = re.compile(r"\s*(?:who|that)\s+(?:\w+\s+){0,2}")
RELATIVE_GAP_RE = re.compile(rf"^\s*(?:[\w'’-]+\s+){{0,3}}?,?\s*{W('relative_pronouns')}\s+[^;:]{{0,90}}?(?:,\s*)?"
                              rf"{W('subject_auxiliaries')}\s+(?:\w+ly\s+|also\s+|later\s+)?$", _I)
# "Jo Li, 21, and Al Roe, 19, were": names with their ages before the conjunct
COORDINATED_SUBJECT_RE = re.compile(r"^\s*(?-i:(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+,\s*\d{1,3},\s*)*"
                                     r"(?:[\w'’-]+,?\s+){0,3}?(?:,\s*(?:[\w'’-]+\s+){1,3}?)?,?\s*(?:and|&)\s+"
                                     r"(?:[\w'’.,-]+\s+){1,8}?"
                                     r"(?:were|have\s+been|had\s+been|are|both|all)\s+(?:\w+ly\s+|also\s+)?$"
                                     # "a HIG leader along with two suspected insurgents was detained"
                                     rf"|^\s*(?:[\w'’-]+\s+){{0,3}}?,?\s*{W('far_object_coordinators')}\s+"
                                     r"(?:[\w'’,-]+\s+){1,8}?(?:was|were|have\s+been|has\s+been)\s+(?:\w+ly\s+)?$"
                                     # a headline's list of counted groups: "2 boys, 2 girls shot"
                                     rf"|^\s*(?:(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?"
                                     rf"(?:\s*,\s*(?:\d[\d,]*|{W('partitive_counts')})\s+"
                                     r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+)*"
                                     rf"\s*,\s*(?:\d[\d,]*|{W('partitive_counts')})\s+(?:[\w'’-]+\s+){{1,2}}?$", _I)
# "several insurgents presented an immediate threat to the force and were killed": a coordinated passive
COORDINATED_PASSIVE_GAP_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){1,14}?(?:and|but)\s+(?:were|was)\s+"
                                         r"(?:\w+ly\s+|later\s+|also\s+)?(?:\w+\s+and\s+)?$", _I)
# ("survived BUT WERE ALSO hit AND injured")
# "383,457 people in 609 villages of 60 municipalities were affected": the counted people, then where they are
LOCATIVE_SUBJECT_RE = re.compile(rf"^\s*(?:[\w'’-]+\s+){{0,2}}?{PERSONS}\s+{W('locative_prepositions')}\s+"
                                  rf"(?:(?!{W('locative_breaks')})[^,;:()\[\]]){{1,100}}?\s+"
                                  rf"{W('subject_auxiliaries')}\s+(?:\w+ly\s+)?$", _I)
# between a count and an aside that breaks it down: "six PEOPLE, three men and three women, were shot"
ASIDE_OPEN_RE = re.compile(r"\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*")
# ... and where it closes: a comma, then at most the verb's auxiliary ("three men and three women, WERE shot"; not
# "two men, three women, and a child were", "2 boys, 2 girls, 1 adult shot")
SUBJECT_AFFECTED_RE = re.compile(W("subject_affected_verbs"), _I)
FLED_FROM_RE = re.compile(rf"\s+(?:{W('fled_from')})", _I)
COMMA_RE = re.compile(r",(?!\d)")  # a comma between words, not a thousands separator
ASIDE_CLOSE_RE = re.compile(rf",\s*(?:{W('subject_auxiliaries')}\s+)?(?:\w+ly\s+)?", _I)
# "27 lakh (2.7 million) people": the same figure in other units, between a count and its trigger
RESTATEMENT_GAP_RE = re.compile(r"\s*\(\s*(?:[a-z]+\s+){0,2}\d[^()]{0,30}\)", _I)
# "Hank Bollen, dies", "Eleven PEOPLE, none of them Americans, died", "Two individuals from the vehicle, both a
# woman and a man, escaped with injuries", "Two people -- including a boy -- were wounded": the count's noun
# phrase, then an aside between commas or dashes, or a list of ages ("Three men, ages 24, 25, and 41, were")
APPOSITIVE_GAP_RE = re.compile(r"^\s*(?:[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*)?"
                                r"(?:,\s*[^,;:()]{1,50},|\s*(?:--|[–—])\s*[^;:()–—]{1,50}?\s*(?:--|[–—])"
                                rf"|,\s*{W('age_asides')}\s+\d{{1,3}}(?:\s*,\s*\d{{1,3}})*,?\s+"
                                rf"{W('age_list_joiners')}\s+"
                                r"\d{1,3},)\s*"
                                r"(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:\w+ly\s+)?$")
# Between an active trigger and the count after it.
OBJECT_GAP_RE = re.compile(rf"^\s*(?:{W('object_gap_words')}\s+)*"
                            # a possessor: "evacuated THE ISLAND'S 337 residents"
                            rf"(?:the\s+(?:[\w-]+\s+)?[\w-]+['’]s?\s+(?:{W('object_gap_words')}\s+)*)?$", _I)
# between an active verb and a second object: "killed a man AND two women", "killed a woman, two men and a child"
COORDINATED_OBJECT_RE = re.compile(rf"^\s*(?:(?:an?|the|one|another)\s+[^,;.]{{0,70}}?|them|him|her)"
                                    rf"(?:\s+{W('object_coordinators')}\s+(?:also\s+)?|\s*,\s*)$", _I)
# between an active verb and a second counted object: "detained [two Haqqani leaders and] several insurgents"
COORDINATED_COUNT_OBJECT_RE = re.compile(rf"^\s*(?:{W('object_gap_words')}\s+)*[\w,.-]+\s+(?:[\w'’-]+\s+){{0,7}}?"
                                          rf"{W('object_coordinators')}\s+(?:also\s+)?$", _I)
# "captured a facilitator for weapons, fighters and equipment, along with more than 10 of his associates": a far
# second object, joined by a phrase that cannot start a new clause
# "captured a facilitator for weapons, fighters and equipment, along with ...", "killed Taliban leader, Mahjur,
# along with ..." (a title without a determiner: capitalised)
COORDINATED_OBJECT_FAR_RE = re.compile(rf"^\s*(?:(?:an?|the|one)\s+|(?-i:(?=[A-Z])))[^;.]{{0,100}}?,?\s+"
                                        rf"{W('far_object_coordinators')}"
                                        r"\s+(?:also\s+)?$", _I)
NOUN_GAP_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}$")
# an adjective coordinated before a noun phrase: "about 200 000 SICK AND injured people" (not "one man and injured
# three")
NOUN_ADJECTIVE_AND_RE = re.compile(rf"\s*(?-i:[a-z]+)\s+{W('group_joiners')}\s+")
HOUSEHOLDS_RE = re.compile(rf"\s+{W('household_nouns')}", _I)
INCLUDING_RE = re.compile(rf"{W('breakdown_cues')}\s*:?\s*$", _I)
_FUNCTION_WORDS = W("function_words")
OBJECT_AFTER_RE = re.compile(rf"\s+(?:(?!{_FUNCTION_WORDS})(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)|{W('object_starts')}|\d)",
                              _I)
NOT_RE = re.compile(rf"{W('negation_words', boundary=False)}\s+(?:\w+ly\s+)?(?:been\s+)?$", _I)
PASSIVE_AUX_RE = re.compile(rf"{W('passive_auxiliaries')}\s+(?:\w+ly\s+)?$", _I)
LINK_WINDOW = 220  # no pattern bridges more characters than this between a count and its trigger

# ------------------------------------------------------------------------------------------- attributes
VICTIM_AFTER_RE = re.compile(rf"\s*(?:(?:of\s+)?(?:the\s+)?)?((?:[\w'’-]+\s+){{0,3}}?{PERSONS})\b", _I)
VICTIM_BEFORE_RE = re.compile(rf"\b({PERSONS})(?:\s+[\w'’-]+){{0,2}}\s*$", _I)
DEMONYM_TOLL_RE = re.compile(r"\b([A-Z][a-z]+(?:ian|ese|i|an))\s+(?:death\s+)?toll\b")
SOURCE_RE = re.compile(rf"\baccording\s+to\s+(?:the\s+)?([^,.;]+?)(?=\s*(?:[,.;]|$))|"
                        rf"(?:,|^)\s*([A-Z][^,.;]{{2,60}}?)\s+{W('source_verbs')}|"
                        rf"{W('source_verbs')}\s+([A-Z][^,.;]{{2,60}}?)\s*(?=[,.;]|$)")
LOCATION_RE = re.compile(
    rf"(?i:{W('place_prepositions')})\s+(?:the\s+)?((?:{W('compass_words')}\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:City|[A-Z][\w'’-]+))*(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?)")
NOT_PLACE = re.compile(rf"^{W('not_places')}")
CAUSE_RE = re.compile(rf"\b(?:an?|the)\s+((?:[\w'’-]+\s+){{0,2}}?{W('causes')})", _I)
REPORTING_BEFORE_RE = re.compile(rf"(?:{W('reporting_before')}|\btold\s+[\w.]+(?:\s+[\w.]+)?)"
                                  r"\s+(?:on\s+|late\s+|early\s+)?$", _I)
REPORTING_AFTER_RE = re.compile(rf"\s+(?:\w+\s+){{0,2}}?{W('reporting_after')}", _I)
ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAY_HAVE_RE = re.compile(r"\bmay\s+have\b", _I)

# ------------------------------------------------------------------------------------------- implicit counts
IMPLICIT_RE = re.compile(
    rf"\b(?P<det>{'|'.join(G['implicit_determiners'])})\s+(?P<np>(?:[\w'’-]+\s+){{0,2}}(?P<age>{_AGE})"
    rf"(?:(?!\s*[\w-])|(?=\s+{W('after_bare_age_words')}))|"
    rf"(?:[\w'’-]+\s+){{0,2}}(?P<age2>{_AGE})(?=\s+{W('after_bare_age')})|"
    rf"(?:(?!{W('not_in_noun_phrase')})[\w'’-]+\s+){{0,5}}(?P<noun>{_SINGULAR_PERSONS_ANY_CASE}))\b"
    rf"|(?P<pair>{W('pairs')})", _I)
DEFINITE_VICTIM_RE = re.compile(W("definite_victims"))
DETERMINED_RE = re.compile(rf"(?:{W('determiners')}|\b\d[\d,]*)(?:\s+[\w'’-]+){{0,2}}\s+$", _I)
BARE_PLURAL_RE = re.compile(
    rf"(?<!\b(?:the|these|those|of|their|his|her|its|two|three|four|five|six|seven|eight|nine|ten|\d)\s+)"
    rf"\b(?P<np>(?:suspected\s+)?{W('bare_plural_nouns')})"
    rf"(?!\s+(?:{_SINGULAR_PERSONS}|{W('bare_plural_modified')}))", _I)
ADDITIVE_RE = re.compile(rf"{W('additive_cues')}|\b(?:one|two|three|four|five|\d+)\s+{W('additive_after_count')}",
                          _I)
# the count itself followed by "more": "TWO MORE suspects were detained", "SEVERAL MORE insurgents" (a new group;
# "two OTHER men" often retells the first figure's people, and stays to the summary's retelling rule)
MORE_AFTER_RE = re.compile(rf"\s+{W('new_group_after_count')}", _I)
# a headline or the head of a line names its victim without a determiner: "Police officer shot in foot"
HEADLINE_NP_RE = re.compile(rf"\s*(?:[\w.'’ ]{{0,20}}:\s*)?(?P<np>(?:[\w'’-]+\s+){{0,2}}(?:{_SINGULAR_PERSONS}|"
                             rf"\d{{1,3}}[-\s]?(?:year|yr)s?[-\s]?old|\d{{1,3}}\s?y/o))(?![\w-])", _I)
# a headline's victims listed by comma, without determiners: "Man, woman found shot to death", "Man, teen injured"
HEADLINE_PAIR_RE = re.compile(rf"\s*(?P<np>{W('generic_persons')}(?:\s*,\s*{W('generic_persons')})+"
                               rf"(?:\s*,?\s+and\s+{W('generic_persons')})?)(?![\w-])", _I)
GENERIC_PERSON_WORD_RE = re.compile(W("generic_persons"), _I)  # one person each in such a list
# "the killing of Dr. Barnett Slepian", "the shooting death of Alton Sterling"
NAMED_VICTIM_RE = re.compile(rf"{W('death_of_nouns')}\s+of\s+(?P<name>(?:(?:{'|'.join(G['titles'])})\.?\s+)?"
                              r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})")
# an object without a determiner right after the verb: "killed Taliban leader Saifullah", "killing Selmon"
NOT_A_NAME = alternation(_MONTHS_AND_DAYS + G["not_names"])
BARE_OBJECT_RE = re.compile(rf"(?<={W('bare_object_verbs')}\s)"
                             rf"(?P<np>(?:(?!{W('bare_object_stop')})[\w'’-]+\s+){{0,4}}?"
                             rf"(?:{_SINGULAR_PERSONS}|\d{{1,3}}-(?:year|month)-old)"
                             rf"|(?!{NOT_A_NAME}|{_FUNCTION_WORDS})(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}))\b"
                             rf"(?!\s+(?-i:{W('not_names_after')}))", _I)
# "killed his wife, son and daughter": relatives named by a possessive, right after a killing verb
# "his older brother", "her six-month-old daughter", "their children"
_RELATIVE_MODIFIER = (rf"(?:{W('relative_modifiers')}|(?:\d{{1,2}}|{alternation(L['age_number_words'])})"
                      rf"-(?:year|month|week)-old)")
_RELATIVE_NOUN = rf"(?:{W('relatives')}|{W('relatives_plural')})"
_RELATIVE = rf"(?:(?:his|her|their)\s+)?(?:{_RELATIVE_MODIFIER}\s+)?{_RELATIVE_NOUN}"
RELATIVES_RE = re.compile(rf"(?<=\b{W('relative_verbs')}\s)(?P<np>(?:his|her|their)\s+(?:{_RELATIVE_MODIFIER}\s+)?"
                           rf"{_RELATIVE_NOUN}(?:\s*,\s*{_RELATIVE})*(?:\s*,?\s+and\s+{_RELATIVE})?)\b(?!['’]s\b)",
                           _I)
_RELATIVES_PLURAL_RE = re.compile(W("relatives_plural"), _I)
_RELATIVE_ONE_RE = re.compile(W("relatives"), _I)


def relatives_value(np: str) -> int:
    """How many people a possessive list of relatives names: one each, two for a plural."""
    return len(_RELATIVE_ONE_RE.findall(np)) + 2 * len(_RELATIVES_PLURAL_RE.findall(np))


# "double fatal shooting": two killed
MULTIPLIERS = dict(G["multipliers"])
MULTIPLE_FATAL_RE = re.compile(rf"\b(?P<word>{'|'.join(MULTIPLIERS)})\s+(?={W('multiplied_nouns')})", _I)
MULTIPLE_SHOOTING_RE = re.compile(rf"(?P<np>\b(?P<word>{'|'.join(MULTIPLIERS)})[\s-]+{W('multiplied_shootings')})", _I)
# a headline's bare noun right before its participle: "farewell to toddler killed by gunfire"
BARE_VICTIM_RE = re.compile(rf"(?<!{W('bare_victim_not_after')}\s)(?<![\w-])(?P<np>{_SINGULAR_PERSONS})"
                             rf"(?=\s+{W('participles')})", _I)
_TIME_POSSESSOR = alternation(_MONTHS_AND_DAYS + G["time_possessors"])
POSSESSIVE_DEATH_RE = re.compile(rf"(?!{_TIME_POSSESSOR}['’])(?P<np>\b[\w-]+)['’]s\s+"
                                  rf"(?=(?:{W('death_adjectives')}\s+){{0,3}}death\b)", _I)
NAME_AGE_RE = re.compile(r"\b(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2}),\s+\d{1,2},")
# "Sangari, an insurgent leader, was killed": a name and its role; linked from after the apposition
NAME_ROLE_RE = re.compile(rf"\b(?P<name>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})),\s+(?:an?|the)\s+"
                           rf"(?:[\w'’-]+\s+){{0,4}}?{_SINGULAR_PERSONS}\s*,", _I)
SURNAME_RE = re.compile(r"\b(?P<name>(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<last>[A-Z][a-z][\w'’-]+))\b"
                         rf"(?=\s+(?-i:{W('surname_verbs')}))")
FULL_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<surname>[A-Z][a-z][\w'’-]+)\b")
# "He was pronounced dead": a pronoun subject of a death, counted only as the first killed fact
PRONOUN_SUBJECT_RE = re.compile(rf"{W('subject_pronouns')}(?=\s+(?:{W('adverbs_of_time')}\s+)?(?:{W('pronoun_deaths')}|"
                                 rf"was\s+(?:{W('adverbs_of_time')}\s+)?(?:{W('pronoun_passive_deaths')}|"
                                 rf"{W('pronoun_passive_injuries')})))", _I)
# "... before police shot and killed him": the one who did it, killed in turn
AGENT_KILLED_PRONOUN_RE = re.compile(rf"{W('clause_linkers_in_time')}\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){{0,2}}?"
                                      rf"{W('law_enforcement')}\s+(?:\w+\s+){{0,4}}?{W('agent_object_pronouns')}$", _I)
NEW_SUBJECT_RE = re.compile(rf"\b{W('subject_pronouns')}\s+(?:\w+\s+){{0,2}}$", _I)
REFLEXIVE_RE = re.compile(rf"{W('object_pronouns')}(?!\s+{W('possessed_nouns')})", _I)
ONE_OF_RE = re.compile(rf"\b[Oo]ne(?=\s+of\s+(?-i:{W('one_of_determiners')}))")
# (a name's age closes it: "David Jones, 19, Leonard Andrews, 21, and ..." are three people)
AND_BETWEEN_RE = re.compile(rf"{W('group_joiners')}|,\s*(?:and\s+)?"
                             rf"{W('group_openers')}\s|,\s*\d{{1,3}}\s*,", _I)
NEW_GROUP_CUE_RE = re.compile(W("new_group_cues"), _I)
SUPERSEDED_OPENER_RE = re.compile(W("superseded_openers"), _I)
SUPERSEDED_CORRECTION_RE = re.compile(W("superseded_corrections"), _I)
OF_THEM_AFTER_RE = re.compile(rf"\s+{W('partitive_pronouns_after')}", _I)
SEVERITY_RE = re.compile(rf"(?<!non[-\s])(?<!not\s){W('severity_words')}", _I)
NEW_PERSON_DETERMINER_RE = re.compile(W("new_person_determiners"), _I)
PLACE_LIST_RETOLD_BEFORE_RE = re.compile(rf"{W('place_list_retold_before')}\s+$", _I)
PLACE_LIST_RETOLD_AFTER_RE = re.compile(rf"\s+{W('place_list_retold_after')}", _I)
# "three OTHERS injured", "two OTHER people": more people than the sentence's count before them
OTHERS_AFTER_RE = re.compile(rf"\s+{W('others_words')}", _I)
# between two counts of one subject: "two boys AND two girls", "four adults AND a 3-year-old"
COUNTS_JOINED_RE = re.compile(rf"\s*(?:(?!{W('passive_auxiliaries')})[\w'’-]+\s+){{0,7}}?"
                               rf"(?:and|&|{W('far_object_coordinators')})\s+"
                               r"|\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*", _I)  # "2 boys, 2 girls shot"
AND_RE = re.compile(r"\s*,?\s*(?:and|&)\s+$|\s*,\s*$", _I)
AGE_NP_RE = re.compile(_AGE, _I)
DETERMINER_START_RE = re.compile(rf"(?:{'|'.join(G['implicit_determiners'])})\s", _I)
GENERIC_PERSON_RE = re.compile(rf"^(?:an?|one|another)\s+{W('generic_persons')}$", _I)
BARE_SECOND_RE = re.compile(rf"\s*,?\s*(?:and|&)\s+(?P<np>(?:(?!\d[\d,.]*\s|other\b|others\b|more\b)[\w'’-]+\s+)"
                             rf"{{0,2}}(?:{_SINGULAR_PERSONS}|\d{{1,3}}[-\s]?(?:year|yr)s?[-\s]?old))\b", _I)

# a title is a line of its own: its sentence ends at a line break
LINE_END_RE = re.compile(r"[ \t\u00a0]*[\n\u2028\u2029]")

# ------------------------------------------------------------------------------------------- running tallies
# "an 8th teen was injured", "the 4th child shot", "the city's 12th homicide": the ordinal is a running total
_ORDINAL = r"(?P<n>\d{1,4})(?:st|nd|rd|th)\s+"
TALLY_ORDINALS = {k.lower(): v for k, v in G["tally_ordinals"].items()}
ORDINAL_PERSON_RE = re.compile(rf"(?<![\w-])(?:{_ORDINAL}(?P<np>(?:[\w'’-]+\s+)?{_SINGULAR_PERSONS_ANY_CASE})\b|"
                                rf"(?<=\b(?:a|an)\s)(?P<w>{alternation(TALLY_ORDINALS)})(?:\s+(?P<np2>(?:[\w'’-]+\s+)?"
                                rf"{_SINGULAR_PERSONS_ANY_CASE})\b|(?=\s+(?:was\s+)?{W('tally_participles')})))", _I)
TALLY_OF_A_KIND_RE = re.compile(rf"\s+{W('tally_kinds')}", _I)
ORDINAL_KILLING_RE = re.compile(rf"(?<![\w-]){_ORDINAL}(?:[\w'’-]+\s+)?(?P<noun>{W('tally_killings')})\b", _I)

# ------------------------------------------------------------------------------------------- stated zeros
NEGATED_RE = re.compile(W("negated_subjects"), _I)
NEG_CAT = dict(G["negated_nouns"])
CAUSED_SINGLE_DEATH_RE = re.compile(
    rf"{W('caused_verbs')}\s+(?:\w+\s+)?(?P<np>{W('caused_articles')}\s+(?:\w+\s+)?{W('caused_single_deaths')})"
    rf"(?!\s+{W('caused_single_not_after')})", _I)
NEGATED_NOUN_RE = re.compile(rf"\bno\s+(?:{W('negated_noun_adjectives')}\s+)?(?P<noun>{alternation(NEG_CAT)})", _I)

# ------------------------------------------------------------------------------------------- named events
_NAME = rf"(?!{W('event_name_not')})[A-Z][\w'’-]+"
EVENT_NAME_RE = re.compile(rf"{W('event_kinds_before')}\s+(?P<before>{_NAME})|"
                           rf"\b(?P<after>{_NAME})\s+{W('event_kinds_after')}(?!\s+{W('event_kind_not_before')})")
