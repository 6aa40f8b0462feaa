"""Word lists behind the suggestion cues (English), folded into one read-only lookup table.

Each lower-cased word maps to one class; one dictionary lookup per token keeps the cue finder
fast (10,000 statements a second). Reporting verbs map to their lemma separately.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

EVALUATIVE = frozenset("""
absurd absurdly admirable amazing appalling arrogant ashamed awful baffling bankroll beloved
best better bizarre blunder botched brilliant careless catastrophe charade clueless commendable
compelling conveniently corrupt cowardly crazy cutting-edge cynical debacle delighted delightful
delusional deplorable derelict deserve deserves disappointed disappointing disaster disastrous
disgrace disgraceful dishonest dismal dreadful dubious dumb embarrassing embarrassment excellent
exceptional extraordinary fantastic farce fiasco finest flawed folly foolish fortunately frenzy
funny furious giveaway glory gorgeous grandstanding greatest greedy hapless horrible hype
hypocrisy hypocritical idiotic ignorant impressive incompetent inept inexcusable innovative
insane irrational irrationalism irresponsible jealous joke laughable lazy lousy lovely ludicrous
magnificent marvelous masterful meaningful meddling mess misguided misleading muddle muddled
naive nerds nonsense outrageous outstanding pathetic perfect petty pointless preposterous proud
reckless refreshing regrettably remarkable revolutionary ridiculous sadly scandal scandalous
seamless senseless sensible sham shameful shameless shoddy silly sloppy splendid staggering
stunning stunt stupid superb tantrum terrible terrific thankfully thrilled timid toxic tragedy
tragic travesty troubling unacceptable unfair unforgivable unfortunately unparalleled useless
valid wasteful whining wise wonderful world-class worse worst
""".split())

# Words that mark the writer's certainty or doubt about a judgement.
CERTAINTY = frozenset("clearly obviously certainly undoubtedly surely indeed plainly".split())
HEDGES = frozenset(
    "maybe perhaps arguably presumably seemingly hopefully honestly may might".split())
INTENSIFIERS = frozenset("""
really simply actually seriously truly utterly remarkably exactly extremely incredibly totally
absolutely entirely deeply even
""".split())

FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves let's".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
OBLIGATION = frozenset("must should ought shouldn't mustn't".split())
PREDICTION = frozenset("will won't would wouldn't".split())

# Sentence-initial verbs that make an imperative addressed to the reader.
IMPERATIVES = frozenset("""
see try delete ask consider imagine remember forget stop start read watch visit join vote
think look check buy enjoy don't let's
""".split())

REPORTING = MappingProxyType({
    **{f: "say" for f in ("say", "says", "said", "saying")},
    **{f: "tell" for f in ("tell", "tells", "told", "telling")},
    **{f: "state" for f in ("stated", "states", "stating")},
    **{f: "argue" for f in ("argue", "argues", "argued", "arguing")},
    **{f: "claim" for f in ("claim", "claims", "claimed", "claiming")},
    **{f: "write" for f in ("write", "writes", "wrote", "writing", "written")},
    **{f: "warn" for f in ("warn", "warns", "warned", "warning")},
    **{f: "insist" for f in ("insist", "insists", "insisted", "insisting")},
    **{f: "explain" for f in ("explains", "explained", "explaining")},
    **{f: "assert" for f in ("asserts", "asserted", "asserting")},
    **{f: "contend" for f in ("contend", "contends", "contended")},
    **{f: "acknowledge" for f in ("acknowledges", "acknowledged")},
    **{f: "admit" for f in ("admits", "admitted")},
    **{f: "declare" for f in ("declares", "declared")},
    **{f: "reply" for f in ("replies", "replied")},
    **{f: "respond" for f in ("responded",)},
    **{f: "ask" for f in ("asks", "asked")},
    **{f: "demand" for f in ("demands", "demanded")},
    **{f: "allege" for f in ("alleges", "alleged")},
    **{f: "question" for f in ("questioned",)},
    **{f: "estimate" for f in ("estimate", "estimates")},
    **{f: "deny" for f in ("denies", "denied")},
    **{f: "proclaim" for f in ("proclaims", "proclaimed", "proclaiming")},
    **{f: "tweet" for f in ("tweeted",)},
    **{f: "testify" for f in ("testified",)},
    **{f: "complain" for f in ("complains", "complained")},
    **{f: "concede" for f in ("concedes", "conceded")},
    **{f: "add" for f in ("added",)},
    **{f: "note" for f in ("noted",)},
    **{f: "urge" for f in ("urges", "urged")},
    **{f: "call" for f in ("call", "calls", "called")},
})

# Nouns that can stand as the speaker of a reporting verb.
SPEAKER_NOUNS = frozenset("""
spokesperson spokesman spokeswoman official officials company agency government police ministry
minister union researchers scientists experts analysts critics supporters residents statement
report study economists lawyers lawyer organizers management court judge group groups
organization organisation authority email letter filing administration department campaigners
advocates opponents doctors teachers officers prosecutors regulator regulators bank board
commission committee council trust university club team firm spokespeople people sources
""".split())
SPEAKER_PRONOUNS = frozenset("he she they it".split())

IRREGULAR_PAST = frozenset("""
began became bought brought built came chose drew drove fell fled flew found gave got grew held
hit kept knew led left lost made met paid ran rose sank saw sent set shot sold spent stole struck
stood swept took threw won went beat broke froze hid hung laid lent meant overtook quit rode sat
shook shut slid spoke swore tore understood upheld withdrew woke
""".split())
NOT_PAST = frozenset("""
need needed indeed speed based red bed shed feed seed hundred alleged concerned limited
interested required affected unprecedented talented dedicated skilled supposed so-called
""".split())

MONTHS = frozenset("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = frozenset("yesterday today tonight tomorrow".split())
NUMBER_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds
thousand thousands million millions billion billions trillion half third quarter fifth
""".split())

# Capitalized words that do not make a name (sentence openers and function words).
NOT_NAMES = frozenset("""
the a an in on at for of to by with from and but or so if when while after before since as it
this that these those there here his her its their our my your he she they we i you not no yet
still however despite although though because only every each some many most more all both last
next one two three also even just then now today whoever whatever what why how who where which
anyone everyone nobody like maybe perhaps under over about among between against during around
despite until unless whether do does did is are was were be been being has have had can could
will would should must may might shall
""".split())

# Classes in the single lookup table; order matters where a word is in two lists.
_CLASSES = (
    ("eval", EVALUATIVE), ("certain", CERTAINTY), ("hedge", HEDGES),
    ("intens", INTENSIFIERS), ("first", FIRST_PERSON), ("second", SECOND_PERSON),
    ("modal", OBLIGATION), ("will", PREDICTION), ("past", IRREGULAR_PAST), ("month", MONTHS),
    ("weekday", WEEKDAYS), ("time", TIME_WORDS), ("numword", NUMBER_WORDS),
    ("speaker", SPEAKER_NOUNS), ("pronoun", SPEAKER_PRONOUNS),
)


def _word_classes() -> Mapping[str, str]:
    table: dict[str, str] = {}
    for name, words in reversed(_CLASSES):
        for word in words:
            table[word] = name
    for form in REPORTING:
        table[form] = "report"
    return MappingProxyType(table)


WORD_CLASSES: Mapping[str, str] = _word_classes()
