"""The quiz's scoring and answering rules, directly: no Discord, no database."""

from __future__ import annotations

import pytest

from bot.quiz_rules import (
    BASE_POINTS,
    MISSED_AGAIN_WAIT,
    REVIEW_WAITS,
    SPEED_BONUS,
    STREAK_CAP,
    QuizGame,
    Verdict,
    next_box,
    points_for,
)


@pytest.mark.parametrize(
    ("seconds", "streak", "expected"),
    [
        (0.0, 0, BASE_POINTS + SPEED_BONUS),  # at once: the whole speed bonus
        (10.0, 0, BASE_POINTS + SPEED_BONUS // 2),  # half the time gone: half the bonus
        (20.0, 0, BASE_POINTS),  # on the bell: none
        (25.0, 0, BASE_POINTS),  # never less than the base
        (20.0, 2, BASE_POINTS + 20),  # 10 per right answer already in a row
        (20.0, 99, BASE_POINTS + STREAK_CAP),  # ... up to the cap
    ],
)
def test_points_for_a_right_answer(seconds, streak, expected):
    assert points_for(seconds, 20.0, streak) == expected


def game() -> QuizGame:
    quiz = QuizGame(answers=[0, 1, 2], seconds=20.0)
    quiz.ask(0, now=100.0)
    return quiz


def test_only_the_first_click_on_a_question_counts():
    quiz = game()
    assert quiz.answer(1, 0, 0, now=101.0).verdict is Verdict.RIGHT
    assert quiz.answer(1, 0, 1, now=102.0).verdict is Verdict.ALREADY_ANSWERED


def test_a_click_after_the_time_or_on_another_question_does_not_count():
    quiz = game()
    assert quiz.answer(1, 0, 0, now=121.0).verdict is Verdict.TOO_LATE
    assert quiz.answer(2, 1, 1, now=101.0).verdict is Verdict.NOT_THIS_QUESTION
    quiz.close()
    assert quiz.answer(3, 0, 0, now=101.0).verdict is Verdict.TOO_LATE


def test_a_wrong_answer_breaks_the_streak_and_a_withdrawn_one_restores_it():
    quiz = game()
    assert quiz.answer(1, 0, 0, now=100.0).points == BASE_POINTS + SPEED_BONUS
    quiz.ask(1, now=200.0)
    assert quiz.answer(1, 1, 0, now=200.0).verdict is Verdict.WRONG and quiz.streaks[1] == 0
    quiz.withdraw(1, 1)  # the answer could not be saved: as if never given
    assert quiz.streaks[1] == 1
    assert quiz.answer(1, 1, 1, now=200.0).points == BASE_POINTS + SPEED_BONUS + 10


def test_everyone_answered_waits_for_all_who_played_before_and_never_ends_the_first_question():
    quiz = game()
    quiz.answer(1, 0, 0, now=101.0)
    quiz.answer(2, 0, 1, now=101.0)
    assert not quiz.everyone_answered()  # nobody knows who is playing until the first question ends
    quiz.ask(1, now=200.0)
    quiz.answer(1, 1, 1, now=201.0)
    assert not quiz.everyone_answered()
    quiz.answer(2, 1, 0, now=202.0)
    assert quiz.everyone_answered()


def test_a_reviewed_question_climbs_the_boxes_when_right_and_falls_to_the_first_when_missed():
    assert next_box(1, right=True) == (2, REVIEW_WAITS[1])
    assert next_box(3, right=False) == (1, MISSED_AGAIN_WAIT)
    assert next_box(len(REVIEW_WAITS), right=True) == (None, 0.0)  # learned
    waits = [next_box(box, right=True)[1] for box in range(1, len(REVIEW_WAITS))]
    assert waits == sorted(waits) and waits[0] > 0
