import pytest

from bot.content.statistics import find_statistics


def values(sentence: str) -> list[str]:
    return [m.value for m in find_statistics(sentence)]


def test_the_seed_statistics_are_found_with_what_they_count(engine):
    found = {s.value: s for s in engine.stats(limit=50).stats}
    assert set(found) == {
        "four",
        "around 4.77 million",
        "over 120,000",
        "40%",
        "around $1 billion",
        "Over 20",
        "10.7 million",
    }
    assert found["over 120,000"].counts == "people" and found["over 120,000"].kind == "count"
    assert found["four"].counts == "fever cases"
    assert found["Over 20"].counts == "resolutions" and found["Over 20"].year == 2006
    assert found["40%"].kind == "percent" and found["40%"].number == 40
    assert found["around $1 billion"].kind == "money" and found["around $1 billion"].number == 1e9
    assert found["around $1 billion"].year == 2022
    assert found["10.7 million"].counts == "North Koreans" and found["10.7 million"].number == 10_700_000


def test_statistics_are_attributed_to_the_reference_their_sentence_cites(engine):
    found = {s.value: s for s in engine.stats(limit=50).stats}
    assert found["over 120,000"].reference.key == "United Nations, 2014"
    assert found["40%"].reference.key == "Amnesty International, 2020"
    assert found["10.7 million"].reference.key == "World Food Programme, 2022"
    assert found["around $1 billion"].reference.key == "Chainalysis, 2023"
    assert found["four"].reference is None
    assert found["four"].document.id == "000_fae6be9c9b19f124"


def test_furniture_numbers_are_not_statistics(engine):
    quotes = " ".join(s.quote for s in engine.stats(limit=50).stats)
    assert "3rd-year" not in quotes and "Najib Razak" not in quotes and "Five-Year" not in quotes


@pytest.mark.parametrize(
    "sentence",
    [
        "Sanctions began in the 1950s and intensified after its first nuclear test in 2006.",
        "North Korea's COVID-19 restrictions worsened abuses.",
        "There were no new cases as of July 29.",
        "In adopting Resolution 2202 A (XXI), the Assembly acted.",
        "Punished for one member’s perceived disloyalty.",
        "A 3rd-year student wrote it (United Nations, 2014).",
        "behind every policy decision is millions of lives",
    ],
)
def test_years_dates_labels_names_and_rhetoric_are_not_statistics(sentence):
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Aid reached nearly 2,500 families.", ["nearly 2,500"]),
        ("Some 65 per cent of the budget went to defence.", ["Some 65 per cent"]),
        ("The fund needs US$ 3.5 billion.", ["US$ 3.5 billion"]),
        ("The fund needs US$3.5 billion.", ["US$3.5 billion"]),
        ("Twenty-five countries signed.", ["Twenty-five"]),
        # a possessive before a number says whose it is, not what it numbers
        ("Power reached a total of 9,112 of Tanzania’s 12,268 villages.", ["a total of 9,112", "12,268"]),
        ("Kenya’s 2 million refugees waited.", ["2 million"]),
        # a part of what was counted before, whatever word follows it
        ("It bought 11 aeroplanes, of which eight are operating.", ["11", "eight"]),
        # list items marked "1)", "2)" mid-sentence are not counted; the count of them is
        ("They endorsed four projects: 1) access to information; 2) training; and 3) equipment.", ["four"]),
        # a hyphened compound names a thing ("a 75-year existence"); "sixty-years ago" is a span
        ("During its 75-years existence, the United Nations grew.", []),
        ("The Nakba happened sixty-years ago.", ["sixty"]),
        # "-strong" counts members
        ("Not one of the 50,000-strong community was deported.", ["50,000"]),
        # a part of a group, counted; a name's number is not ("Article Two of the Charter")
        ("Early this year, three of Zambia’s neighbours were hit by cyclones.", ["three"]),
        ("Article Two of the UN Charter is categorical.", []),
        # a year with a mistyped "I" or a note marker against it
        ("Norway will strengthen its contribution by 2020.1 urge all others to do the same.", []),
        # a p value reported in brackets in prose is a figure; a formula's values are not
        ("The test would also reject stability (p = 0.034) after 90% of the observations.", ["0.034", "90%"]),
        ("The output reads df1 = 84, df2 = 80.", []),
        # a multiplier in a word; "double" as a verb multiplies nothing yet
        ("The seas are set to grow at twice the rate of the economy.", ["twice"]),
        ("The region’s diabetes rate is double the global rate.", ["double"]),
        ("We will double our contribution to the Fund.", []),
        ("Geothermal energy could more than double our current energy production.", []),
        # points listed after "at" with something after them, a class's bounds before what they count
        ("Deaths at 100 and 110 were reported.", ["100", "110"]),
        ("Five group members left.", ["Five"]),
        ("Double standards send a chilling message.", []),
        # an intensifier between a number and what it counts; a saying counts nothing
        ("We celebrate two very important anniversaries this year.", ["two"]),
        ("NCDs and climate change are two sides of the same coin.", []),
        # numbers that name: node identifiers, a numbering's range
        ("The root node has identifier 1; the first kid node has identifier 2.", []),
        ("The nodes are simply numbered (depth first) from 1 to 8.", []),
        ("In the nodes 4, 6, 7 and 8 the increase dominates.", []),
        ("If it exits with code 1 (or any code between 1 and 127, except the special code 125), it is bad.", []),
        ("#4 Women younger than 30 years have a higher risk.", []),
        ("The average evaluation (on a scale 1–5) depends on beauty.", []),
        # a sample's size, a range and an approximation
        ("With n = 768 observations, the sample is large enough.", ["768"]),
        # round 37: the value a computation prose names comes to, not the formula's own numbers
        ("Education matters, with a cumulative odds ratio of exp(−1.82) = 0.16 comparing the categories.", ["0.16"]),
        ("For the overall survival time, the maximum of the log-rank statistics is M = 3.171.", ["3.171"]),
        ("For x = 5 the function f(x) = 2x + 1 is odd.", []),
        # round 38: a symbol a thing is written with, not a count (unless a noun follows that it counts)
        ("The random intercept (represented by 1) varies by Subject.", []),
        ("In this table women are coded as 0, as the reference group.", []),
        ("The region is represented by 30 delegates in the assembly.", ["30"]),
        ("I can get a ~15 step bisection done in 20-30 minutes.", ["~15", "20-30"]),
        ("It covers the academic years 2000–2002 at the University of Texas.", []),
        # round 19: two days of a month, widths, codes and versions, vague dozens, counts without a noun
        ("The Conference will be held on 28 and 29 November in Ashgabat.", []),
        (
            "Supported are 32 and 64 bit x86, ARM and MIPS; keys of more than 2048 bits are required.",
            ["more than 2048"],
        ),
        ("There were about sixty developers maintaining packages in 0.93R6.", ["about sixty"]),
        ("This release used Linux kernel 2.0, and contained 474 packages.", ["474"]),
        ("The project had grown to several dozen people at this point.", []),
        ("Two more architectures were added, Alpha and SPARC.", ["Two"]),
        ("It increased the number of available translations to over fifty.", ["over fifty"]),
        # round 21: a body's age, scores assigned to groups
        ("We are at a historic junction for the United Nations, which will turn 70 next month.", []),
        ("The theme, “The United Nations at 70 — a new commitment”, is timely; the rate stands at 9.9.", ["9.9"]),
        ("Attaching scores 1, −1/2, −1/2 to the control, early and late onset group gives six elements.", ["six"]),
        # round 22: releases and their suffixes, pages, a list of resolutions with years, half a billion
        ("All versions labeled 2.0aN precede the versions labeled 2.0bN, which precede 2.0rcN.", []),
        ("You may find version numbers with a “+” suffix, e.g. “2.2+”, or releases such as “2.4a0”.", []),
        ("There are two production-ready versions of Python: 2.x and 3.x.", ["two"]),
        ("Delegates from 100+ countries attended.", ["100"]),
        ("It holds the copyright on Python versions 2.1 and newer.", []),
        ("CWI Quarterly, Volume 4, Issue 4 (December 1991), Amsterdam, pp 283–303.", []),
        ("I must address resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993).", []),
        ("More than half a billion dollars is still required.", ["More than half a billion dollars"]),
        ("Each year the fund raises $5bn for 10m people.", ["$5bn", "10m"]),
        # round 23: an age bracket, the Council's permanent members, half the size
        ("We focus on the prevention of mortality in children under 5, and on girls’ education.", []),
        ("The veto powers of the permanent five continue to raise numerous questions.", []),
        ("The Eco-city is to be approximately half the size of Manhattan.", ["approximately half"]),
        # round 66: a journal's volume and number abbreviated inside a sentence
        ("It follows Rosen et al. (Statistica Neerlandica, Vol. 55, nr.2, pp 134-156) in full.", []),
        # round 67: a superlative between a count and its noun; a chart's name
        ("This section describes the five most common problems with messy datasets.", ["five"]),
        ("It records the date a song entered the top 100, then its rank in 75 columns.", ["75"]),
        ("The top 10% of earners hold 52% of the income.", ["10%", "52%"]),
        ("We aim to be among the top 30 countries in reaching the goals.", ["30"]),
    ],
)
def test_counts_percentages_and_money_in_other_styles(sentence, expected):
    assert values(sentence) == expected


def test_the_default_view_takes_turns_between_documents_and_puts_telling_figures_first(engine):
    shown = engine.stats(limit=50).stats
    documents = [s.document.id for s in shown]
    assert len(set(documents)) == 2 and len(set(documents[:2])) == 2  # not the first file's figures first
    for document in set(documents):
        # what it counts weighs 2, the year and a cited reference 1 each; within a source, most first
        telling = [
            2 * (s.counts is not None) + (s.year is not None) + (s.reference is not None)
            for s in shown
            if s.document.id == document
        ]
        assert telling == sorted(telling, reverse=True)


def facts(sentence: str) -> list[tuple[str, str, str | None, int | None]]:
    return [(m.value, m.kind, m.counts, m.year) for m in find_statistics(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Detention was routine [12] across the region.",
        "Detention was routine [3, 4] across the region.",
        "Detention was routine.¹² Families waited outside.",
        "See pp. 12–14 and Section 4 for the method.",
        "Article 17 (2) of the United Nations Charter clearly states that the expenses shall be borne.",
        "Under section 5(1) of the Act, a court may order it.",
    ],
)
def test_note_markers_pages_and_sections_are_not_statistics(sentence):
    assert find_statistics(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Activists were 7X more likely to be killed.", [("7X", "multiple", "more likely to be killed", None)]),
        (
            "Women were seven times more likely to be detained.",
            [("seven times", "multiple", "more likely to be detained", None)],
        ),
        ("The fine was 10,000 yuan.", [("10,000 yuan", "money", "fine", None)]),
        ("A mere 3% of cases reached court.", [("A mere 3%", "percent", "cases", None)]),
        (
            "In 2019 and 2020, 120 and 150 people were executed, respectively.",
            [("120", "count", "people", 2019), ("150", "count", "people", 2020)],
        ),
        (
            "Today, 33 of the world's 48 least developed countries are African countries.",
            [("33", "count", "least developed countries", None), ("48", "count", "least developed countries", None)],
        ),
        (
            "Tragically, four of the five permanent member States have not paid.",
            [("four", "count", "permanent member States", None), ("five", "count", "permanent member States", None)],
        ),
        (
            "Some 70 per cent of the 34 million to 35 million AIDS sufferers live there.",
            [
                ("Some 70 per cent", "percent", "AIDS sufferers", None),
                ("34 million", "count", "AIDS sufferers", None),
                ("35 million", "count", "AIDS sufferers", None),
            ],
        ),
    ],
)
def test_the_value_keeps_its_unit_and_qualifier_and_says_what_it_counts(sentence, expected):
    assert facts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They killed over two-hundred UN staff members.", [("over two-hundred", 200)]),
        ("Two hundred thousand people fled.", [("Two hundred thousand", 200_000)]),
        ("Australia committed $AUD492 million to the fund.", [("$AUD492 million", 492e6)]),
        ("The annual budget of the United Nations is $US 800 million.", [("$US 800 million", 800e6)]),
        ("Singapore gave more than S$17 million in aid.", [("more than S$17 million", 17e6)]),
        ("Imprisoning half their society’s population halves it.", [("half", 50)]),
        ("Only 17% are on track; nearly half show little progress.", [("Only 17%", 17), ("nearly half", 50)]),
        ("Democracy is more than a ballot every four or five years.", [("four", 4), ("five", 5)]),
        ("The objectives may have been set sixty-years ago.", [("sixty", 60)]),
        ("Peru offers a Rapid Reaction Force of 200 troops.", [("200", 200)]),
        ("Africa demands no less than TWO PERMANENT SEATS WITH THE RIGHT TO VETO.", [("no less than TWO", 2)]),
        ("There were no more than two cases.", [("no more than two", 2)]),
        ("Clusters with few observations per cluster (5) are considered.", [("5", 5)]),
        ("Chad hosts the two million refugees who fled.", [("two million", 2e6)]),
        ("The flood pushed one third of my country under water.", [("one third", 33.3)]),
        ("Palestinians lived through the Nakba 74 years ago.", [("74", 74)]),
        ("In fact, my two older children were born under that system.", [("two", 2)]),
        ("Pledges put us on track for a 3-3.5°C increase in temperatures.", [("3-3.5", 3)]),
        ("Growth rebounded to 3.2 per cent from -2.6 per cent.", [("3.2 per cent", 3.2), ("-2.6 per cent", -2.6)]),
        ("Leaders undertook to lift one sixth of humanity from poverty.", [("one sixth", 16.7)]),
        ("Screening began only after two and a half years.", [("two and a half", 2.5)]),
        ("We built a new airport and remodelled six more, along with seaports.", [("six", 6)]),
        ("We reduced child deaths per 1,000 from 189 live births to 133.", [("189", 189), ("133", 133)]),
        ("The same river supplies two, three or more countries.", [("two", 2), ("three", 3)]),
        ("Two or more loci can be analysed at once.", [("Two", 2)]),
        ("There would have been only 52 Member States instead of the current 192.", [("only 52", 52), ("192", 192)]),
        ("It is the focus of the United Nations 58 years after its inception.", [("58", 58)]),
        ("Sixty-per cent of our fellow citizens lived under the poverty line.", [("Sixty-per cent", 60)]),
        ("We have reduced poverty by half, to 33 per cent.", [("half", 50), ("33 per cent", 33)]),
        ("Today only half as many live in poverty.", [("only half", 50)]),
        ("We have built one kilometre of road every day.", [("one", 1)]),
        ("Millions survive on less than one dollar a day.", [("less than one dollar", 1)]),
        ("The number of automobiles has grown by a factor of four.", [("four", 4)]),
        ("I venture to suggest three: first, man is vulnerable to the misuse of power.", [("three", 3)]),
        # figures in words alone, with no digit in the sentence: its scale, multiplier or fraction is the word
        ("A thousand families lost their homes.", [("A thousand", 1000)]),
        ("Women are twice as likely to be poor.", [("twice", 2)]),
        ("Nearly a third of children are stunted.", [("Nearly a third", 33.3)]),
        (
            "Literacy has reached 60 per cent and health coverage 90 per cent.",
            [("60 per cent", 60), ("90 per cent", 90)],
        ),
    ],
)
def test_figures_written_the_ways_speakers_write_them(sentence, expected):
    assert [(m.value, m.number) for m in find_statistics(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We focus on digital rights and SDGs 9, 16, and 17 this year.",
        "We will invest in (1) quality education, (2) training and (3) health.",
        "The friendship between our two countries dates back to 1779.",
        "Average growth has been just half the rate recorded before.",
        "He met the Group of 77 and China.",
        "Finally, we are interested in the 95% quantile of W.",
        "The statistic is computed for cutpoints between the 10% and 90% quantile of MGE.",
        "The tomograph does a three dimensional topographical analysis of the optic nerve head.",
        "Mortality fell for children under 5 years of age.",
        "Links run from chromosome 4 to the disease.",
        "The compressor (especially numbers 1 and 4) shows no deviation.",
        "We enhance the shading (based on the user-defined cut-offs 1 and 1.5, here).",
        "It is significant as are the other two cells.",
        "We thank him as we approach the end of his two terms in office.",
        "The fund was inspired by Goals 1 and 2 of the SDGs.",
        "Quantiles of the distribution function, F(t) = ˆ 1−S(t), could be expressed so.",
        "It is conscripting children under the age of 10.",
        "Mortality rates for children under five years of age have fallen.",
        "The residual was −1.7 in that cell.",
        "In versions of Python prior to 2.0 it was common to use this idiom.",
        "“Python” could hash to 1142331976 on one run.",
        "Age is given in groups: age group (15–24, 25–39, ≥40 years).",
        "It is correct to say that no two countries can have the same perception of peace.",
        "We welcome Zimbabwe as the one hundred and fifty-third Member of the United Nations.",
        "The data set is well approximated using cutpoints at 45 and 500 days.",
        "Literacy is high in the 15–24 age group, as in the 100 110 interval.",
        "Look at the coefficients for the fit with 2.5 degrees of freedom.",
        "A fit that forces the curve to be horizontal from 14 onward fits well.",
        "The Council adopted resolutions 822 (1993), 853 (1993) 874 (1993) and 884 (1993).",
        "Adjusted p-values are computed as in algorithm 2.5 (page 47) and Theorem 3.1.",
        "The admission of Zimbabwe represents a twofold victory.",
        "The aim of the programme is threefold: to teach, to heal and to build.",
        "A series can either be shown as (1) multiple single plots:",
        "Sea levels will keep rising until 2150 unless emissions fall.",
        # round 73: an equation's or an item's number, referred to ("(1c)" was a count of "c")
        "The modification given in (1c) was proposed to make the formulation simpler.",
        "The forecasts follow by iterating equations (6) and (8) forward.",
    ],
)
def test_labels_item_numbers_and_both_are_not_statistics(sentence):
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("State expenditure in the social sector has increased more than fivefold.", ["more than fivefold"]),
        ("Exports rose tenfold.", ["tenfold"]),
        ("The region saw a threefold increase in cases.", ["threefold"]),
        ("Smokers carry a 3-fold higher risk.", ["3-fold"]),
        ("The programme pays $80 monthly to the bottom fourth of the poorest families.", ["$80", "bottom fourth"]),
        ("Counted to all depths, then 2127 packages on CRAN depend on it.", ["2127"]),
    ],
)
def test_a_multiplier_glued_to_fold_and_a_ranked_share_are_figures(sentence, expected):
    assert values(sentence) == expected
