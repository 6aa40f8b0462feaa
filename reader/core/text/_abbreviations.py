"""Word lists the English sentence splitter consults at a candidate boundary.

All sets hold lower-case forms without the final period ("u.s", "mr", "a.m"). They are frozen:
the splitter only looks things up, nobody adds to them at run time.
"""

from __future__ import annotations

# Titles and prefixes that stand before a name: "Mr. Smith", "Mt. Fuji". A capitalised word
# after them continues the sentence.
PREFIX_TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms mx messrs mmes dr prof rev hon pres gov sen rep gen lt col maj capt cpt cmdr adm
    sgt cpl pvt supt insp det msgr fr sra srta st mt ft mme mlle amb atty
    """.split()
)

# Abbreviations that introduce something and never end a sentence: "e.g. The report".
NEVER_FINAL: frozenset[str] = frozenset("e.g i.e cf viz vs v esp incl approx resp".split())

# Clock times: "6 p.m. Mr. Smith" usually ends a sentence, "At 5 a.m. Mr. Smith" does not.
TIME_ABBREVIATIONS: frozenset[str] = frozenset("a.m p.m am pm".split())

# Abbreviations that may or may not end a sentence: "Smith & Co. at noon" versus "Smith & Co.
# It closed". After them a boundary needs the next word to be a typical sentence starter.
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    co corp inc ltd llc plc bros assn assoc dept univ inst intl natl govt admin est etc al
    jr sr esq phd
    jan feb apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    ave blvd rd hwy ln sq ste apt bldg
    ala ariz ark calif colo conn fla ga ind kan kans ky la md mich minn mo
    mont neb nev okla pa penn tenn tex va vt wis wyo
    avg misc dist div vol vols trans repr orig
    yr yrs mos hr hrs wk wks sec secs
    oz lb lbs gal qt ft st mt pt
    """.split()
)

# Abbreviations seen before a number: "p. 55", "No. 5", "N°. 1026". Words like "no" and "art"
# are also ordinary words, so these only count when a digit follows.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    "p pp no nos nr n° nº num vol vols fig figs ch chap sec sect art arts para paras par op "
    "eq eqs ref refs tab pl app ex vs v ed ca c".split()
)

# Words that commonly open an English sentence. After an ambiguous abbreviation or a single
# capital letter ("U.S. How", "and I. Did"), one of these makes the period a boundary; any other
# capitalised word ("U.S. Government", "Albert I. Jones") continues the sentence.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    A After Also Although An And Another Any Are As At Because Before Being Both But By Can
    Could Despite Did Do Does During Each Either Even Every For From Had Has Have He Her Here His
    How However I If In Instead Is It Its Just Last Later Let Many Meanwhile More Moreover Most
    Much My Neither Never Nevertheless Next No None Nor Not Now On Once One Only Or Other Our
    Perhaps She Should Since So Some Still Such That The Their Then There Therefore These They
    This Those Though Thus To Today Too Under Unlike Until Was We Were What Whatever When
    Whenever Where Whether Which While Who Whoever Why With Within Without Would Yet You Your
    Millions Thousands Hundreds Yesterday Tomorrow
    """.split()
)
