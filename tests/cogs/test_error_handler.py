from bot.cogs.error_handler import as_slash_commands

NAMES = {"topics", "search", "quiz"}


def test_hints_name_slash_commands_on_discord():
    assert as_slash_commands("Try `search` or `quiz start`.", NAMES) == "Try `/search` or `/quiz start`."


def test_code_that_is_not_a_command_is_left_alone():
    assert as_slash_commands("Use `09:00` or `Europe/Berlin`; `help` is not loaded.", NAMES) == (
        "Use `09:00` or `Europe/Berlin`; `help` is not loaded."
    )
