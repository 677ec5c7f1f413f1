"""Media on object storage (MEDIA_S3_BUCKET, config/settings/media.py): a
certificate issued with django-storages' S3 backend lands in the bucket as a
private object, and its owner downloads it through our view. The S3 API is
moto's in-process stand-in for a real bucket."""

import boto3
import pytest
from django.urls import reverse
from moto import mock_aws

from config.settings.media import media_storage

from .conftest import complete_course

pytestmark = pytest.mark.django_db

BUCKET = "ign-media-test"


def test_without_a_bucket_media_stays_on_the_file_system():
    assert media_storage({}) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_the_bucket_settings_come_from_the_environment():
    storage = media_storage(
        {
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_REGION": "eu-west-1",
            "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == BUCKET
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["default_acl"] == "private"
    assert storage["OPTIONS"]["querystring_auth"] is True


@pytest.fixture
def s3(settings, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": media_storage(
                {"MEDIA_S3_BUCKET": BUCKET, "MEDIA_S3_REGION": "us-east-1"}
            ),
        }
        yield client


def test_a_certificate_pdf_goes_to_the_bucket_and_downloads(
    s3, learner, learner_client, course, django_capture_on_commit_callbacks
):
    complete_course(learner, course, django_capture_on_commit_callbacks)
    certificate = learner.enrollments.get(course=course).certificate

    key = f"media/{certificate.pdf.name}"
    stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored.startswith(b"%PDF")
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all("AllUsers" not in str(grant.get("Grantee")) for grant in grants)

    response = learner_client.get(
        reverse("certificates:download", args=[certificate.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
