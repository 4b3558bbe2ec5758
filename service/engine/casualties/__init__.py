"""The casualty layer: counts tied to a casualty category, with victims, date, place, source and cause.

Within each sentence, a count (from the number layer, or an implicit one such as "a man") is linked to a
trigger (from ``lexicon/casualty_triggers.yaml``) by one of four kinds of link, each allowed by the rules of
``lexicon/casualty_rules.yaml`` that read the gap between them; the rule's name is the fact's ``rule``:

  subject   the count is the subject of a passive or intransitive trigger   "At least 93 people died"
            (subject_gap, relative_gap, appositive_gap, coordinated_subject, coordinated_passive_gap,
            locative_subject, who_gap)
  object    the count is the object of an active trigger                    "killing about 1,200 people"
            (object_gap, coordinated_object, coordinated_count_object, coordinated_object_far)
  noun      the count counts a casualty noun                                "93 deaths", "251 hostages"
            (noun_gap)
  toll      a toll noun, a linking verb, the count                          "the death toll approaching 40,000"
            (toll_link, qualified_toll_gap)

Facts no link makes name the rule that found them: a breakdown (including, aside_open, of_them_after), a
phrase that is a fact by itself (ordinal_killing, multiple_shooting, caused_single_death, gun_on_self), a stated zero
(negated_noun).

Link policy: each count takes the nearest trigger a pattern allows (subject and noun first, then object,
then toll); a count that no pattern links is not a casualty fact. A count after "including" is a
breakdown of the fact before it. Hypotheticals ("could kill thousands") are dropped; "feared dead"
is kept with status ``feared``; "no one was hurt" is a stated zero (``negated``).


The layer's modules, in the order of a reading:

  reader.py      extract_casualties: sentence by sentence, the steps below; then the article-wide attributes
  triggers.py    the sentence's triggers, and the one overlap policy
  implicit.py    counts that no number states ("a man", "twin sisters", "he died")
  links.py       the kinds of link and the rules that allow a gap (LINK_RULES), the trigger each count takes
  vetoes.py      the named vetoes that drop a linked candidate, and explain_vetoes
  attributes.py  victims, place, source, cause, perpetrator, date, running total, statistic, lead, title,
                 corrections
  sentence.py    the state of a reading (the facts found, the sentence being read)
  facts.py       Fact, FactTraits, fact_id

Their language is the rulebook's (``lexicon/casualty_rules.yaml``, loaded by ``casualty_rulebook.py``).
"""
from .attributes import event_day, event_dates
from .facts import Fact, FactTraits, fact_id
from .links import LINK_RULES
from .reader import extract_casualties
from .triggers import find_triggers
from .vetoes import explain_vetoes


__all__ = ["LINK_RULES", "Fact", "FactTraits", "event_dates", "event_day", "explain_vetoes", "extract_casualties",
           "fact_id", "find_triggers"]
