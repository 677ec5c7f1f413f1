from django.urls import path

from . import views

app_name = "xapi"

urlpatterns = [
    path("statements", views.statements_view, name="statements"),
    path("statements/more/<str:token>", views.more_view, name="more"),
    path("activities/state", views.state_view, name="state"),
    path("activities/profile", views.activity_profile_view, name="activity_profile"),
    path("activities", views.activities_view, name="activities"),
    path("agents/profile", views.agent_profile_view, name="agent_profile"),
    path("agents", views.agents_view, name="agents"),
    path("about", views.about_view, name="about"),
]
