import pytest

from bot.content.references import citation_name, parse_reference
from tests.conftest import ESSAY, seed_text


def essay_entries() -> list[str]:
    text = seed_text(ESSAY)
    block = text.split("\nReferences\n", 1)[1]
    return [line for line in block.splitlines() if "(" in line]


def test_every_entry_of_the_essay_reference_list_parses():
    parsed = [parse_reference(line) for line in essay_entries()]
    assert len(parsed) == 12 and all(parsed)


@pytest.mark.parametrize(
    ("entry", "key", "authors", "year", "title", "publisher"),
    [
        (
            "United Nations. (2014). Report of the Commission of Inquiry on Human Rights in the Democratic "
            "People’s Republic of Korea. United Nations Human Rights Council.",
            "United Nations, 2014",
            "United Nations",
            "2014",
            "Report of the Commission of Inquiry on Human Rights in the Democratic People’s Republic of Korea",
            "United Nations Human Rights Council",
        ),
        (
            "Park, Y. (2015). In order to live: A North Korean girl’s journey to freedom. Penguin Books.",
            "Park, 2015",
            "Park, Y.",
            "2015",
            "In order to live: A North Korean girl’s journey to freedom",
            "Penguin Books",
        ),
        (
            "U.S. Department of Defense. (2020). North Korea: Impact of sanctions on military development. "
            "U.S. Department of Defense.",
            "U.S. Department of Defense, 2020",
            "U.S. Department of Defense",
            "2020",
            "North Korea: Impact of sanctions on military development",
            "U.S. Department of Defense",
        ),
        (
            "BBC. (2019). Hanoi summit collapse: Why did Trump and Kim fail to reach agreement?. BBC News.",
            "BBC, 2019",
            "BBC",
            "2019",
            "Hanoi summit collapse: Why did Trump and Kim fail to reach agreement?",
            "BBC News",
        ),
    ],
)
def test_entry_splits_into_authors_year_title_publisher(entry, key, authors, year, title, publisher):
    ref = parse_reference(entry)
    assert ref is not None
    assert (ref.key, ref.authors, ref.year, ref.title, ref.publisher) == (
        key,
        authors,
        year,
        title,
        publisher,
    )
    assert ref.text == entry


def test_citation_names_follow_apa_for_people_and_bodies():
    assert citation_name("Smith, J., & Doe, A.") == "Smith & Doe"
    assert citation_name("Smith, J., Doe, A., & Roe, B.") == "Smith et al."
    assert citation_name("Human Rights Watch") == "Human Rights Watch"


def test_citation_names_read_vancouver_authors_surname_then_initials():
    assert citation_name("Pollet TV, Nettle D") == "Pollet & Nettle"
    assert citation_name("Herberich E, Hothorn T, Nettle D, Pollet TV") == "Herberich et al."
    assert citation_name("Smith J, Doe A, et al.") == "Smith et al."
    assert citation_name("van der Berg JA") == "van der Berg"
    # a body's name with a comma in it is no list of people
    assert (
        citation_name("Office of the High Commissioner, United Nations")
        == "Office of the High Commissioner, United Nations"
    )
    entry = parse_reference(
        "Pollet TV, Nettle D (2009). Partner Wealth Predicts Orgasm Frequency. Evolution and Human Behavior."
    )
    assert entry is not None and entry.key == "Pollet & Nettle, 2009"
    # the last joined by "and", with a stop after its initials, or initials with an accent
    assert citation_name("Breslow NW and Chatterjee N.") == "Breslow & Chatterjee"
    assert citation_name("Lin DY, and Ying Z") == "Lin & Ying"
    assert citation_name("Borgan Ø, Langholz B, Samuelson SO, Goldstein L and Pogoda J") == "Borgan et al."
    # and an entry that ends on its year
    entry = parse_reference("Therneau TM and Li H., Computing the Cox model. Lifetime Data Analysis 5:99-112, 1999")
    assert entry is not None and entry.key == "Therneau & Li, 1999" and entry.title == "Computing the Cox model"


def test_a_line_without_a_year_in_brackets_is_not_an_entry():
    assert parse_reference("תגובות") is None
    assert parse_reference("Comments are closed.") is None


@pytest.mark.parametrize(
    ("entry", "key", "year", "title"),
    [
        (
            "D. W. K. Andrews and W. Ploberger. Optimal tests when a nuisance parameter is present only under "
            "the alternative. Econometrica, 62:1383–1414, 1994.",
            "Andrews & Ploberger, 1994",
            "1994",
            "Optimal tests when a nuisance parameter is present only under the alternative",
        ),
        (
            "C.-S. J. Chu, K. Hornik, and C.-M. Kuan. MOSUM tests for parameter constancy. Biometrika, "
            "82:603–617, 1995a.",
            "Chu et al., 1995a",
            "1995a",
            "MOSUM tests for parameter constancy",
        ),
        (
            "A. Zeileis. p values and alternative boundaries for CUSUM tests. Working Paper 78, December 2000b. "
            "URL http://www.wu-wien.ac.at/am/wp00.htm#78.",
            "Zeileis, 2000b",
            "2000b",
            "p values and alternative boundaries for CUSUM tests",
        ),
        (
            "Douglas Bates. lme4: Linear mixed-effects models using S4 classes, 2007. URL http: "
            "//CRAN.R-project.org. R package version 0.99875-9.",
            "Bates, 2007",
            "2007",
            "lme4: Linear mixed-effects models using S4 classes",
        ),
        (
            "Don Edwards and Jack J. Berry. The efficiency of simulation-based multiple comparisons. "
            "Biometrics, 43:913–928, December 1987.",
            "Edwards & Berry, 1987",
            "1987",
            "The efficiency of simulation-based multiple comparisons",
        ),
        (
            "P.D. Watson, M. B. Wolf, and I.S. Beck-Montgemery. Blood and isoproterenol reduce capillary "
            "permeability in cat hindlimb. The American Journal of Physiology, 252:H47–H53, 1987.",
            "Watson et al., 1987",
            "1987",
            "Blood and isoproterenol reduce capillary permeability in cat hindlimb",
        ),
        (
            "Valentin Todorov, Andreas Ruckstuhl, Martin Maechler, and others. robustbase: Basic Robust "
            "Statistics, 2007. URL http://CRAN.R-project.org.",
            "Todorov et al., 2007",
            "2007",
            "robustbase: Basic Robust Statistics",
        ),
        (
            "R Development Core Team. R: A Language and Environment for Statistical Computing. R Foundation "
            "for Statistical Computing, Vienna, Austria, 2008. URL http://www.R-project.org.",
            "R Development Core Team, 2008",
            "2008",
            "R: A Language and Environment for Statistical Computing",
        ),
        (
            "A. Zeileis, C. Kleiber, W. Krämer, and K. Hornik. Testing and dating of structural changes in "
            "practice. Computational Statistics & Data Analysis, 44(1–2):109–123, 2003. doi: "
            "10.1016/S0167-9473(03)00030-6.",
            "Zeileis et al., 2003",
            "2003",
            "Testing and dating of structural changes in practice",
        ),
    ],
)
def test_natbib_entries_give_names_first_and_the_year_last(entry, key, year, title):
    ref = parse_reference(entry)
    assert ref is not None
    assert (ref.key, ref.year, ref.title) == (key, year, title)


def test_names_given_first_before_a_quoted_title_and_the_year_last():
    # ei.pdf's style: the authors end at a comma, the title is in quotation marks, the year comes last
    pair = parse_reference(
        "Gary King and Langche Zeng, “The Dangers of Extreme Counterfactuals.” Political Analysis, 14:2, pp "
        "131-159, 2006."
    )
    assert pair is not None and (pair.authors, pair.year, pair.cited_as) == (
        "Gary King and Langche Zeng",
        "2006",
        "King & Zeng",
    )
    several = parse_reference("Rosen et al, “Bayesian and Frequentist Inference.” Statistica Neerlandica, 55:2, 2001.")
    assert several is not None and (several.year, several.cited_as) == ("2001", "Rosen et al.")


def test_a_work_that_came_out_over_years_keeps_the_range_as_its_year():
    entry = parse_reference(
        "Honaker, James, Anne Joseph, and Gary King. 1998–2002. “Amelia: A Program for Missing Data.”"
    )
    assert entry is not None and entry.year == "1998-2002"
