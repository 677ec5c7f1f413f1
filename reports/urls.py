from django.urls import path

from exports import views as export_download

from . import action_views, export_views, exports, views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("courses/<id:course_id>/", views.course, name="course"),
    path("assessments/<id:assessment_id>/", views.assessment, name="assessment"),
    path("learners/<id:learner_id>/", views.learner, name="learner"),
    path("at-risk/", views.at_risk, name="at_risk"),
    path("cohorts/", views.cohorts, name="cohorts"),
    path("cohorts/<id:cohort_id>/", views.cohort, name="cohort"),
    path("cohorts/<id:cohort_id>/members/", views.add_member, name="add_member"),
    path(
        "cohorts/<id:cohort_id>/members/<id:learner_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path(
        "cohorts/<id:cohort_id>/removed/<id:removal_id>/restore/",
        views.restore_member,
        name="restore_member",
    ),
    path("at-risk/remind/", action_views.remind, name="remind"),
    path("subscriptions/", action_views.subscriptions, name="subscriptions"),
    path("subscriptions/new/", action_views.subscribe, name="subscribe"),
    path(
        "subscriptions/<id:subscription_id>/delete/",
        action_views.delete_subscription,
        name="delete_subscription",
    ),
    path("unsubscribe/<str:token>/", action_views.unsubscribe, name="unsubscribe"),
    path("cohorts/<id:cohort_id>/courses/", views.assign_course, name="assign_course"),
    path("cohorts/<id:cohort_id>/import/", views.import_members, name="import"),
    path("exports/", export_views.export_list, name="exports"),
    path(
        "exports/<id:export_id>/download/",
        export_download.download,
        {"kind": exports.KIND},
        name="export_download",
    ),
    path("api-tokens/", export_views.api_tokens, name="api_tokens"),
    path(
        "api-tokens/<id:token_id>/revoke/",
        export_views.revoke_api_token,
        name="revoke_api_token",
    ),
]
