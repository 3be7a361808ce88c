import pytest

from bot.content.citations import CitationLinker
from bot.content.notes import parse_notes
from bot.content.references import parse_reference
from tests.content.test_references import essay_entries


@pytest.fixture(scope="module")
def linker() -> CitationLinker:
    return CitationLinker([ref for line in essay_entries() if (ref := parse_reference(line)) is not None])


def keys(linker: CitationLinker, sentence: str) -> list[str | None]:
    refs = linker._references
    return [None if c.reference is None else refs[c.reference].key for c in linker.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Over 120,000 people languish in political prison camps (United Nations, 2014).",
            ["United Nations, 2014"],
        ),
        ("“I had no words for freedom,” she said (Park, 2015).", ["Park, 2015"]),
        (
            "Travel bans have restricted officials (U.N. Panel of Experts, 2021).",
            ["U.N. Panel of Experts, 2021"],
        ),
        ("Both agree (BBC, 2019; Park, 2015).", ["BBC, 2019", "Park, 2015"]),
    ],
)
def test_parenthetical_citations_link_to_their_entries(linker, sentence, expected):
    assert keys(linker, sentence) == expected


def test_narrative_citation_links_by_name(linker):
    sentence = "Hackers stole around $1 billion in 2022, according to Chainalysis."
    assert keys(linker, sentence) == ["Chainalysis, 2023"]
    assert linker.find(sentence)[0].kind == "narrative"


def test_narrative_citation_with_two_entries_by_one_author_needs_the_year(linker):
    assert keys(linker, "Amnesty International reported abuses.") == []
    assert keys(linker, "Amnesty International reported in 2021 that reforms were reversed.") == [
        "Amnesty International, 2021"
    ]


def test_a_mere_mention_of_a_cited_body_is_not_a_citation(linker):
    sentence = "The United Nations, the United States and other actors have implemented sanctions."
    assert linker.find(sentence) == []


def test_an_unknown_work_is_kept_unlinked(linker):
    found = linker.find("A new study disagrees (Kim, 2024).")
    assert [(c.cited, c.reference) for c in found] == [("Kim, 2024", None)]


def test_sentence_without_citation_inherits_none(engine):
    hits = engine.search("Over 20 resolutions since 2006 have condemned", limit=1).results
    assert hits[0].text.startswith("Over 20 resolutions since 2006")
    assert hits[0].reference is None and hits[0].references == []


STYLES = [
    "Amnesty International. (2021). Death sentences and executions 2020. Amnesty International.",
    "Office of the High Commissioner for Human Rights (OHCHR). (2020). Annual report. United Nations.",
    "Human Rights Watch. (2019). World report 2019. Human Rights Watch.",
    "Bates, D., Maechler, M., Bolker, B., & Walker, S. (2015). Fitting linear mixed-effects models. JSS.",
    "Bates, D. (2015). MixedModels. Julia package.",
    "Kim, S., & Lee, J. (2018). Hunger and the state. Seoul Press.",
    "Smith, J. 2017. Borders and belonging. Harvard University Press.",
    "Refugee Council. (n.d.). Asylum facts. Refugee Council.",
    "C.-S. J. Chu, K. Hornik, and C.-M. Kuan. MOSUM tests for parameter constancy. Biometrika, 82:603–617, 1995a.",
    "C.-S. J. Chu, K. Hornik, and C.-M. Kuan. The moving-estimates test. Econometric Theory, 11:669–720, 1995b.",
    "B. E. Hansen. Approximate asymptotic p values. Journal of Business & Economic Statistics, 15:60–67, 1997.",
    "S. Stigler. Boscovich, simpson and a 1760 manuscript note on fitting a linear relation. Biometrika, 1984.",
    "R. Koenker and V. d’Orey. Computing regression quantiles. Applied Statistics, 36:383–393, 1987.",
]


@pytest.fixture(scope="module")
def styles() -> CitationLinker:
    return CitationLinker([ref for line in STYLES if (ref := parse_reference(line)) is not None])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Executions rose (Amnsety International, 2021).", ["Amnesty International, 2021"]),
        ("Detention grew (OHCHR, 2020).", ["Office of the High Commissioner for Human Rights, 2020"]),
        (
            "Detention grew (Office of the High Commissioner for Human Rights (OHCHR), 2020).",
            ["Office of the High Commissioner for Human Rights, 2020"],
        ),
        ("Torture was common (HRW, 2019).", ["Human Rights Watch, 2019"]),
        ("Models were fitted (Bates et al., 2015).", ["Bates et al., 2015"]),
        ("Models were fitted (Bates, Maechler, Bolker, & Walker, 2015).", ["Bates et al., 2015"]),
        ("Julia is faster (Bates, 2015).", ["Bates, 2015"]),
        ("Kim and Lee (2018) found that rations were cut.", ["Kim & Lee, 2018"]),
        ("Rations were cut (Kim & Lee, 2018, p. 44).", ["Kim & Lee, 2018"]),
        ("Smith (2017) argues that borders shape belonging.", ["Smith, 2017"]),
        ("Claims rose (Refugee Council, n.d.).", ["Refugee Council, n.d."]),
        ("Claims rose, the charity says (Refugee Council).", ["Refugee Council, n.d."]),
        ("Human Rights Watch's 2019 report documented torture.", ["Human Rights Watch, 2019"]),
        ("Values come from Chu et al. (1995b) and Chu et al. (1995a).", ["Chu et al., 1995b", "Chu et al., 1995a"]),
        ("The p values are computed based on Hansen (1997).", ["Hansen, 1997"]),
        # two works by the same authors in one bracket after their names
        ("The tests are surveyed in Chu et al. (1995a, 1995b).", ["Chu et al., 1995a", "Chu et al., 1995b"]),
        # the year in square brackets, and a name with a particle glued to it
        ("Stigler [1984] describes an amusing episode in 1760.", ["Stigler, 1984"]),
        ("It is the simplex algorithm described in Koenker and d’Orey [1987].", ["Koenker & d’Orey, 1987"]),
    ],
)
def test_citations_in_every_style_link_to_their_entries(styles, sentence, expected):
    assert keys(styles, sentence) == expected


def test_a_page_alone_cites_the_work_cited_last():
    linker = CitationLinker([ref for line in STYLES if (ref := parse_reference(line)) is not None])
    linker.find("Rations were cut (Kim & Lee, 2018).")
    assert keys(linker, "Some villages starved (p. 51).") == ["Kim & Lee, 2018"]


def test_a_citation_of_a_work_missing_from_the_list_stays_unlinked(styles):
    found = styles.find("Another study disagrees (Park, 2016).")
    assert [(c.cited, c.reference) for c in found] == [("Park, 2016", None)]


def test_dates_in_brackets_are_not_citations(styles):
    assert styles.find("The law changed (January 2020) and again (in 2021).") == []


def test_numbered_entries_and_notes_link_from_brackets_and_superscripts():
    numbered = [parse_reference(f"[{n}] Author {n}, Title {n}, 20{n:02d}.") for n in (1, 2, 3)]
    linker = CitationLinker([r for r in numbered if r is not None])
    assert keys(linker, "Camps expanded [1, 3].") == ["[1]", "[3]"]
    assert keys(linker, "Camps expanded [1–3].") == ["[1]", "[2]", "[3]"]
    notes = parse_notes(["1 UNHCR, Global Trends 2022 (Geneva: UNHCR, 2023), 8.", "2 Ibid., 9."])
    linker = CitationLinker(notes)
    assert keys(linker, "Arrivals doubled.¹ Most were children.²") == ["note 1", "note 2"]
    assert keys(linker, "Its σ² was small.") == []  # a power, not a note marker


def test_two_authors_or_three_named_without_a_year_cite_their_work():
    entries = [
        "Pollet TV, Nettle D (2009). “Partner Wealth Predicts Self-Reported Orgasm Frequency.” Evolution and "
        "Human Behavior, 30, 146–151.",
        "Hothorn T, Bretz F, Westfall P (2008). “Simultaneous Inference in General Parametric Models.” "
        "Biometrical Journal, 50(3), 346–363.",
        "Agresti A (2002). Categorical Data Analysis. 2nd edition. John Wiley and Sons, New York.",
    ]
    linker = CitationLinker([ref for line in entries if (ref := parse_reference(line)) is not None])

    def linked(sentence: str) -> list[int | None]:
        return [c.reference for c in linker.find(sentence)]

    assert linked("The same variables are chosen as by the strategy of Pollet and Nettle.") == [0]
    assert linked("As Hothorn et al. show, the max-t-test is exact.") == [1]
    # one surname alone may be any word's: "Agresti" names the work only as a source ("Agresti notes")
    assert linked("Agresti was right about the data.") == []


def test_a_citation_with_what_it_is_cited_for_or_a_range_of_years_links():
    entries = [
        "Honaker, James, and Gary King. 2010. “What to Do about Missing Values.” American Journal of Politics.",
        "Honaker, James, Anne Joseph, Gary King, and Naunihal Singh. 1998-2002. “Amelia: A Program for Missing Data.”",
        "Schafer, Joseph L. 1997-1999. Analysis of Incomplete Multivariate Data. London: Chapman & Hall.",
    ]
    linker = CitationLinker([ref for entry in entries if (ref := parse_reference(entry)) is not None])
    pair, four, one = (ref.key for ref in linker._references)
    assert keys(linker, "Such models work with mixed data (Schafer 1997–1999).") == [one]  # either dash
    assert keys(linker, "This gives us uncertainty too (see Honaker and King 2010 for details of the algorithm).") == [
        pair
    ]
    # "et al." with the years it came out over is the list of four, not the pair by the same first author
    assert keys(linker, "It goes beyond the first version of Amelia (Honaker et al. 1998-2002).") == [four]
