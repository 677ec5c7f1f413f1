from django.urls import path

from .scorm import views

app_name = "packages"

# The content origin's paths all start with /package-content/ (see
# lessons.h5p.middleware).
urlpatterns = [
    path("package-content/scorm/<str:token>/", views.launch, name="scorm_launch"),
    path(
        "package-content/scorm/<str:token>/files/<path:path>",
        views.package_file,
        name="scorm_file",
    ),
    path(
        "package-content/scorm/<str:token>/commit",
        views.commit,
        name="scorm_commit",
    ),
    path(
        "package-content/scorm-player/<path:path>",
        views.player_file,
        name="scorm_player_file",
    ),
]
