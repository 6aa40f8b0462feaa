"""Word lists behind the suggestion cues (English), folded into one read-only lookup table.

Each lower-cased word maps to one class; one dictionary lookup per token keeps the cue finder
fast (10,000 statements a second). Reporting verbs map to their lemma separately.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

EVALUATIVE = frozenset("""
absurd absurdly admirable amazing angry appalling arrogant ashamed awful baffling bankroll beloved
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

# Evaluative words that also name a feeling: after "<someone> are/felt ..." they report how
# others feel ("Labour mayors are disappointed"), which is not the writer's judgement.
FEELINGS = frozenset("""
ashamed delighted disappointed furious jealous proud thrilled angry upset worried concerned
frustrated happy sad pleased relieved unhappy outraged
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

# Sentence adverbs in -ly that order, date, place or source a statement rather than judge it
# ("Finally, ...", "Politically, ...", "Reportedly, ..."); any other "-ly," opening a sentence
# is a comment adverb, the writer's stance ("Worryingly, ...", "Sadly, ...").
NOT_STANCE_ADVERBS = frozenset("""
finally firstly secondly thirdly lastly recently currently previously subsequently initially
eventually originally additionally similarly consequently accordingly separately suddenly
usually typically generally normally traditionally historically formerly lately early only
likely daily weekly monthly yearly nearly family italy july politically economically
technically legally financially locally nationally internationally globally publicly
privately officially specifically particularly especially mainly mostly largely partly
briefly shortly immediately simultaneously alternatively conversely reportedly allegedly
supposedly reputedly increasingly gradually rapidly quickly slowly
""".split())

# Sentence-initial verbs that make an imperative addressed to the reader.
IMPERATIVES = frozenset("""
see try delete ask consider imagine remember forget stop start read watch visit join vote
think look check buy enjoy don't let's
""".split())

# Reporting verbs by lemma: a reference list of verbs that attribute words, beliefs or
# findings to a source (say-verbs, stance verbs, and what polls, studies and documents
# "show" or "find"), after the attribution-cue inventories of news corpora (PARC, PolNeAR).
# Lemmas in NEEDS_THAT count only with a 'that' clause ("reports that", "found that").
_REPORTING_FORMS = {
    "say": "say says said saying", "tell": "tell tells told telling",
    "state": "stated states stating", "argue": "argue argues argued arguing",
    "claim": "claim claims claimed claiming", "write": "write writes wrote writing written",
    "warn": "warn warns warned warning", "insist": "insist insists insisted insisting",
    "explain": "explains explained explaining", "assert": "asserts asserted asserting",
    "contend": "contend contends contended", "acknowledge": "acknowledges acknowledged",
    "admit": "admits admitted", "declare": "declares declared", "reply": "replies replied",
    "respond": "responded", "ask": "asks asked", "demand": "demands demanded",
    "allege": "alleges alleged", "question": "questioned", "estimate": "estimate estimates",
    "deny": "denies denied", "proclaim": "proclaims proclaimed proclaiming",
    "tweet": "tweeted", "testify": "testified", "complain": "complains complained",
    "concede": "concedes conceded", "add": "added", "note": "noted notes",
    "urge": "urges urged", "call": "call calls called",
    "report": "reports reported", "charge": "charges charged", "maintain": "maintains maintained",
    "stress": "stresses stressed", "emphasize": "emphasizes emphasized emphasises emphasised",
    "observe": "observes observed", "recall": "recalls recalled", "confirm": "confirms confirmed",
    "predict": "predicts predicted", "suggest": "suggests suggested",
    "believe": "believes believed", "conclude": "concludes concluded",
    "show": "show shows showed shown", "find": "find finds found",
    "indicate": "indicates indicated", "reveal": "reveals revealed",
    "accuse": "accuses accused", "exhibit": "exhibits exhibited", "present": "presents",
    "inform": "informed", "advise": "advised", "assure": "assured", "represent": "represented",
    "point": "points pointed", "agree": "agrees agreed", "promise": "promises promised",
    "vow": "vows vowed", "pledge": "pledges pledged", "wonder": "wonders wondered",
    "fear": "fears feared", "hope": "hopes hoped", "expect": "expects expected",
    "think": "thinks", "feel": "feels",
}
REPORTING: Mapping[str, str] = MappingProxyType(
    {form: lemma for lemma, forms in _REPORTING_FORMS.items() for form in forms.split()})
NEEDS_THAT = frozenset("report charge maintain stress emphasize observe recall confirm predict "
                       "suggest believe conclude show find indicate reveal agree promise vow "
                       "pledge fear hope expect think feel exhibit present inform advise "
                       "assure represent".split())

# Nouns that can stand as the speaker of a reporting verb.
SPEAKER_NOUNS = frozenset("""
spokesperson spokesman spokeswoman official officials company agency government police ministry
minister union researchers scientists experts analysts critics supporters residents statement
report study economists lawyers lawyer organizers management court judge group groups
organization organisation authority email letter filing administration department campaigners
advocates opponents doctors teachers officers prosecutors regulator regulators bank board
commission committee council trust university club team firm spokespeople people sources
source network campaign witnesses witness aide aides adviser advisers advisor spokesperson
poll polls survey surveys studies data figures documents document records research analysis
memo filings census statistics newspaper paper magazine broadcaster channel website outlet
party lawmakers legislators senators senator president mayor governor chairman chairwoman
chair chief director executive executives ceo founder owner activists protesters family
relatives friends neighbours neighbors colleagues insiders observers commentators pollsters
military army ministry embassy prosecutor defence defense attorney investigators inquiry
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
