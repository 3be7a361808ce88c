"""Countries named however a text names them (ISO 3166 names through pycountry)."""

from __future__ import annotations

import pytest

from bot.content.countries import countries_in, country_mentions, without_countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("North Korea closed its border", {"KP"}),
        ("The Democratic People’s Republic of Korea (DPRK) is a hermit kingdom", {"KP"}),
        ("168 Bangladeshi peacekeepers", {"BD"}),
        ("Kenyan police officers", {"KE"}),
        ("the Republic of Korea and Japan", {"KR", "JP"}),
        ("Nigeria and Niger", {"NG", "NE"}),
        # names ISO 3166 keeps only in another form: the part before its comma, or its brackets left out
        ("the Democratic Republic of the Congo", {"CD"}),
        ("Palestine and the Holy See", {"PS", "VA"}),
        # short and former names in everyday use, which ISO does not carry
        ("Russia, Turkey and Burma", {"RU", "TR", "MM"}),
        # people's names no ending of the country's name makes, from countryinfo
        ("The Danish Government and the Dutch", {"DK", "NL"}),
        ("Filipino workers and Swiss banks", {"PH", "CH"}),
        # and their plurals
        ("Canadians, Norwegians and Filipinos", {"CA", "NO", "PH"}),
        # one that opens a territory's name names the country that outnumbers it
        ("British and French troops", {"GB", "FR"}),
        # a name with accents typed without them
        ("Cote d’Ivoire and Sao Tome and Principe", {"CI", "ST"}),
    ],
)
def test_a_country_is_found_by_any_of_its_names(text, countries):
    assert countries_in(text) == countries


def test_a_name_inside_a_longer_one_names_only_the_longer_country():
    assert countries_in("the Democratic People's Republic of Korea") == {"KP"}


@pytest.mark.parametrize(
    "text",
    # "Dominican" is the people of Dominica and of the Dominican Republic, "Congolese" of both Congos: they
    # name neither for sure; a people's name matches only as written ("polish" is a verb), and "Latin
    # American" is no American
    [
        "Korea",
        "Indiana Jones",
        "the dprk in lower case",
        "the Dominican people",
        "Dominicans",
        "Congolese refugees",
        "polish the text",
        "Latin American states",
    ],
)
def test_words_that_are_not_a_country_name_name_none(text):
    assert countries_in(text) == set()


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("How fast is Eswatini's economy growing?", "How fast is economy growing?"),
        ("Are North Korean defectors sent back from China?", "Are defectors sent back from ?"),
        ("What did the DPRK say?", "What did the say?"),
        ("How fast is the economy growing?", "How fast is the economy growing?"),
    ],
)
def test_a_question_without_the_countries_it_names(text, without):
    assert without_countries(text) == without


def test_a_name_written_without_the_article_before_its_head_is_the_same_country():
    # "the Democratic Republic of Congo" is the DRC as much as "... of the Congo"; "Republic of Congo" is not
    assert countries_in("the Democratic Republic of Congo") == {"CD"}
    assert countries_in("the Democratic Republic of the Congo") == {"CD"}
    assert countries_in("the Republic of Congo") == {"CG"}


def test_of_overlapping_names_the_longest_is_taken():
    assert countries_in("French Polynesia") == {"PF"}
    assert country_mentions("the Swiss Confederation and the Swiss") == [("CH", 4, 23)]
