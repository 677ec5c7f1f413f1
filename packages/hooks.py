"""Names of the Wagtail hooks through which higher layers answer questions
about package activities.

`LEARNERS_IN_COURSES(courses)`: the users enrolled (and not withdrawn) in any
of `courses`, a CoursePage queryset, as a User queryset. Enrolments belong to
the enrollments app, above this one, which registers the answer; the cmi5
waiver's admin form (`packages.cmi5.admin_views`) asks it whom it may waive
units for.
"""

LEARNERS_IN_COURSES = "packages_learners_in_courses"
