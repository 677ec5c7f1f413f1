"""`bench.load.generate` (`python -m bench.generate_load`) writes consistent
learner records at a small volume: the counts asked for, each enrolment's
last_seen_at equal to its latest lesson activity, attempts numbered per
learner and quiz, and primary keys that later ordinary writes continue
from."""

import pytest
from django.db.models import Count, Max, Min
from django.utils import timezone

from accounts.models import User
from assessments.models import Attempt, Response
from bench import generate_load
from bench.load import TooFewCourses, generate
from enrollments.models import Cohort, Enrollment, LessonProgress
from reports import selectors

pytestmark = pytest.mark.django_db


class Quiet:
    def write(self, text):
        pass

    def flush(self):
        pass


@pytest.fixture
def load(site):
    generate(
        enrollments=60,
        progress=300,
        attempts=90,
        courses=5,
        lessons=3,
        cohorts=2,
        stdout=Quiet(),
    )


def test_volumes_are_what_was_asked(load):
    assert Enrollment.objects.count() == 60
    assert LessonProgress.objects.count() <= 300
    assert LessonProgress.objects.count() > 60
    assert Attempt.objects.count() == 90
    assert Response.objects.count() == 90 * 5
    assert User.objects.filter(email__startswith="load-").count() == 60 // 5 + 2
    assert Cohort.objects.count() == 2


def test_last_seen_is_the_latest_lesson_activity(load):
    latest = dict(
        LessonProgress.objects.values("enrollment_id")
        .annotate(latest=Max("last_seen_at"))
        .values_list("enrollment_id", "latest")
    )
    for pk, last_seen in Enrollment.objects.values_list("pk", "last_seen_at"):
        assert last_seen == latest.get(pk)


def test_records_are_consistent(load):
    now = timezone.now()
    for enrollment in Enrollment.objects.all():
        assert enrollment.enrolled_at <= now
        if enrollment.status == Enrollment.Status.COMPLETED:
            assert enrollment.completed_at >= enrollment.enrolled_at
    numbers = (
        Attempt.objects.values("learner_id", "assessment_id")
        .annotate(first=Min("number"), last=Max("number"), n=Count("pk"))
        .values_list("first", "last", "n")
    )
    for first, last, count in numbers:
        assert (first, last) == (1, count)
    # Every quiz has its course, so the reports can name it.
    assert len(selectors.quiz_directory()) == 5


def test_too_few_courses_is_refused(site):
    with pytest.raises(TooFewCourses, match="at least 5 courses"):
        generate(enrollments=10, courses=3, stdout=Quiet())
    assert not Enrollment.objects.exists()


def test_the_command_line_refuses_too_few_courses(site, capsys):
    with pytest.raises(SystemExit) as exit:
        generate_load.main(["--enrollments", "10", "--courses", "3"])
    assert exit.value.code == 2
    assert "at least 5 courses" in capsys.readouterr().err
    assert not Enrollment.objects.exists()


def test_ordinary_writes_continue_after_the_generated_keys(load):
    learner = User.objects.filter(email__startswith="load-").last()
    top = Attempt.objects.aggregate(top=Max("pk"))["top"]
    attempt = Attempt.objects.create(
        learner=learner,
        assessment_id=Attempt.objects.values_list("assessment_id", flat=True)[0],
        number=99,
        started_at=timezone.now(),
        seed=1,
    )
    assert attempt.pk > top
