from bot.content.readers.plain import read_plain_text


def test_markdown_marks_typed_into_plain_text_are_not_read_as_words():
    read = read_plain_text(
        "### 2. Gratitude to the International Community\n"
        "The theme—*“No one left behind”*—resonates. Haiti will sign the *BBNJ Agreement* (2023).\n"
        "**Long live Haiti!**\n"
        "A power such as 2**30 stays, and so does __init__.\n"
    )
    assert read.text.splitlines() == [
        "2. Gratitude to the International Community",
        "The theme—“No one left behind”—resonates. Haiti will sign the BBNJ Agreement (2023).",
        "Long live Haiti!",
        "A power such as 2**30 stays, and so does __init__.",
    ]
    assert read.set_aside == {"Markdown marks": 4}


def test_paragraph_numbers_without_a_stop_are_taken_out_but_a_count_opening_a_line_stays():
    read = read_plain_text(
        "1 I bring you greetings.\n\n2 The world is in danger.\n\n42 Member States signed.\n\n3 We must act.\n"
    )
    assert read.text.splitlines()[::2] == [
        "I bring you greetings.",
        "The world is in danger.",
        "42 Member States signed.",
        "We must act.",
    ]
    assert read.set_aside == {"paragraph numbers": 3}


def test_numbers_opening_a_few_lines_that_do_not_count_up_stay():
    text = "5 Member States abstained.\n\n12 Members voted against.\n"
    assert read_plain_text(text).text == text


def test_a_un_record_s_page_headers_inside_a_sentence_are_set_aside():
    text = (
        "We did so over the last three months of 2014, when we chaired the Forum for Security Co-operation,\n"
        "15-29701 15/28\n\nA/70/PV.21 30/09/2015\nand we continue to do so today.\n"
        "The protracted conflict in Yemen has resulted in\n21-00394\n63/91\nA/75/592/Add.8\n13/01/2021\n"
        "inclusive political talks.\n"
    )
    read = read_plain_text(text)
    assert read.set_aside["page headers and footers"] == 6
    assert "15-29701" not in read.text and "A/75/592/Add.8" not in read.text and "13/01/2021" not in read.text
    assert "Co-operation,\n\nand we continue" in read.text


def test_a_un_record_s_page_number_beside_its_job_number_is_set_aside():
    text = (
        "We must renew the sense of partnership \n \n\n41 09-52604 \n \nand cooperation between us.\n"
        "We must resolve the \n\n09-52604 40 \n\n40 remaining conflicts of 2009-2010.\n"
    )
    read = read_plain_text(text)
    assert read.set_aside["page headers and footers"] == 2
    assert "52604" not in read.text and "41" not in read.text
    assert "40 remaining conflicts of 2009-2010." in read.text


def test_a_page_number_alone_before_the_page_s_blank_line_is_set_aside_and_the_sentence_read_whole():
    text = (
        "The Council renewed it for one year.\n21\n\nWe believe in the Court.\nAs is well\n22\n\n"
        "known, our region has some 2.5 million people affected.\nput forward by our President,\n12\n\n"
        "Mr. Eduard Shevardnadze, in 1992.\n"
    )
    read = read_plain_text(text)
    assert read.set_aside["page numbers"] == 3
    assert "As is well\nknown, our region" in read.text and "President,\nMr. Eduard" in read.text
    assert "21" not in read.text and "22" not in read.text and "\n12" not in read.text
