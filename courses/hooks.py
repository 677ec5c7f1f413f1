"""Names of the Wagtail hooks through which higher layers extend course pages.

`ANNOTATE_COURSES(user, courses)`: set per-learner attributes on catalog cards.
`CONSTRUCT_COURSE_CONTEXT(request, course, context)`: add learner state to a
course page's template context.
`CONSTRUCT_PATH_CONTEXT(request, path, context)`: the same for a learning path
page (`context["path_courses"]` holds its live courses in order).
"""

ANNOTATE_COURSES = "annotate_courses_for_learner"
CONSTRUCT_COURSE_CONTEXT = "construct_course_context"
CONSTRUCT_PATH_CONTEXT = "construct_learning_path_context"
