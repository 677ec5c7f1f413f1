from django.urls import path

from .cmi5 import views as cmi5_views
from .scorm import views

app_name = "packages"

# The content origin's paths all start with /package-content/ (see
# lessons.h5p.middleware); cmi5's fetch URL is on the platform.
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
        "package-content/scorm/<str:token>/sequencing",
        views.sequencing_state,
        name="scorm_sequencing_state",
    ),
    path(
        "package-content/scorm-player/<path:path>",
        views.player_file,
        name="scorm_player_file",
    ),
    path(
        "package-content/cmi5/<uuid:course>/<path:path>",
        cmi5_views.package_file,
        name="cmi5_file",
    ),
    # On the platform: the AU's one-time fetch URL (cmi5 8.2).
    path("cmi5/fetch/<str:secret>", cmi5_views.fetch, name="cmi5_fetch"),
]
