"""Names of the Wagtail hooks through which higher layers answer questions
about quizzes.

`LEARNERS_IN_COURSES(courses)`: the users enrolled (and not withdrawn) in any
of `courses`, a CoursePage queryset, as a User queryset. Enrolments belong to
the enrollments app, above this one, which registers the answer.
"""

LEARNERS_IN_COURSES = "learners_in_courses"
