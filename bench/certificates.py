"""Benchmark 4: certificates.

a) Issuance throughput in this process (one worker's worth), two ways, each
   held to the goal:
   - single: one call of `certificates.services.issue_certificate` per
     enrolment (a completion with no backlog): reads the enrolment and any
     certificate it has (one query), takes a serial, inserts the row and
     enqueues (ORM broker) two tasks, the e-mail and the PDF's rendering;
   - backlog: the completion task
     `certificates.tasks.issue_certificate` for each of N fresh completions,
     run in turn as a worker runs its queue; each task that finds no
     certificate sweeps up to BATCH_SIZE recent completions into one batch
     (`issue_certificate_on_completion`): one serial range, one bulk insert,
     one task for the e-mails and one for the PDFs.
   Wall time and this process's CPU time (the machine is shared: CPU time is
   the steadier figure). The check counts the tasks queued in the broker's
   table. Then the PDFs those tasks render are rendered here
   (`tasks.render_certificate_pdfs`, as the worker would) and timed apart, as
   is the pure PDF render.
b) Issuance latency through a real `manage.py qcluster` (ORM broker): the clock
   starts when the learner's last lesson is completed (in a transaction, as the
   view does), and stops when this process first reads the certificate with
   its PDF. Completion enqueues the task on commit."""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_q.models import OrmQ

from certificates import pdf, services, tasks
from certificates.models import Certificate
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from lessons.models import LessonPage
from tests.factories import make_course

from .latency import ClusterFailed, _percentile, _tail, qcluster
from .seed import RUN_TAG, bulk_learners, catalog, make_learners

GOAL_PER_S = 500
GOAL_PAGES_PER_S = 500
GOAL_P95_MS = 2000
POLL_S = 0.005
TIMEOUT_S = 60


def run(*, count: int = 1000, latency: int = 50, log_path: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"pdf": _pure_pdf(max(count, 100))}
    result["throughput"] = _throughput(count)
    result["batch"] = _batch_throughput(count)
    result["latency"] = _latency(latency, log_path)
    result["goal"] = {
        "what": f">= {GOAL_PER_S} certificates/s per worker; "
        f">= {GOAL_PAGES_PER_S} PDF pages/s; "
        f"issuance p95 <= {GOAL_P95_MS} ms",
        "met": result["batch"]["certificates_per_s"] >= GOAL_PER_S
        and result["throughput"]["certificates_per_s"] >= GOAL_PER_S
        and result["pdf"]["pages_per_s"] >= GOAL_PAGES_PER_S
        and result["latency"]["p95_ms"] <= GOAL_P95_MS,
    }
    return result


def _pure_pdf(count: int) -> dict[str, Any]:
    code = services.new_verification_code()
    content = pdf.CertificateContent(
        learner_name="Bench Learner",
        course_title="Bench course on civil-military co-operation",
        completed_on=date(2026, 1, 31),
        hours=6,
        serial="IGN-2026-000001",
        verification_url=services.verification_url(code),
        qr_data=services.verification_qr_data(code),
        signatory_name="Dr. Bench",
        signatory_title="Director of Studies",
    )
    pdf.render(content)
    started, cpu = time.perf_counter(), time.process_time()
    sizes = [len(pdf.render(content)) for _ in range(count)]
    elapsed = time.perf_counter() - started
    cpu_s = time.process_time() - cpu
    return {
        "pages": count,
        "ms_per_page": round(elapsed / count * 1000, 2),
        "pages_per_s": round(count / elapsed, 1),
        "cpu_ms_per_page": round(cpu_s / count * 1000, 2),
        "pages_per_cpu_s": round(count / cpu_s, 1),
        "bytes": sizes[0],
    }


def _completed_enrollments(count: int, name: str) -> list[int]:
    course = make_course(catalog(), title=f"Bench {name} {RUN_TAG}", lessons=1)
    learners = bulk_learners(count, name=name)
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            learner=learner,
            course=course,
            enrolled_at=now,
            status=Enrollment.Status.COMPLETED,
            completed_at=now,
        )
        for learner in learners
    )
    return [e.pk for e in enrollments]


def _check(ids: list[int]) -> dict[str, int]:
    issued = Certificate.objects.filter(enrollment_id__in=ids)
    return {
        "issued": issued.count(),
        "with_pdf": issued.exclude(pdf="").count(),
        "unique_serials": issued.values("serial").distinct().count(),
    }


def _batch_throughput(count: int) -> dict[str, Any]:
    """A worker draining a backlog of completion tasks: `count` learners have
    just completed, one `certificates.tasks.issue_certificate` task each, run
    in turn as a qcluster worker runs its queue. The first task sweeps the
    next BATCH_SIZE completions into one batch; the tasks behind it find their
    certificates made."""
    ids = _completed_enrollments(count, "certificate-batch")
    size = services.BATCH_SIZE
    batches = [ids[start : start + size] for start in range(0, count, size)]
    queue = OrmQ.objects.count()
    started, cpu = time.perf_counter(), time.process_time()
    for enrollment_id in ids:
        tasks.issue_certificate(enrollment_id)
    elapsed = time.perf_counter() - started
    cpu_s = time.process_time() - cpu
    # One e-mail task and one PDF task a batch.
    queued = {"tasks": OrmQ.objects.count() - queue, "expected": 2 * len(batches)}
    # Idempotence under repeats: the same batches again issue nothing new.
    again = time.perf_counter()
    services.issue_certificates(enrollment_ids=batches[0])
    repeat_ms = (time.perf_counter() - again) / len(batches[0]) * 1000
    render = _render_pdfs(ids)
    return {
        "batch_size": size,
        **_figures(ids, elapsed, cpu_s, repeat_ms, queued),
        "render": render,
    }


def _render_pdfs(ids: list[int]) -> dict[str, Any]:
    """What the PDF tasks enqueued by issuing do, run here in turn."""
    certificate_ids = list(
        Certificate.objects.filter(enrollment_id__in=ids).values_list("pk", flat=True)
    )
    started = time.perf_counter()
    tasks.render_certificate_pdfs(certificate_ids)
    elapsed = time.perf_counter() - started
    return {
        "pdfs": len(certificate_ids),
        "seconds": round(elapsed, 2),
        "pdfs_per_s": round(len(certificate_ids) / elapsed, 1),
    }


def _throughput(count: int) -> dict[str, Any]:
    ids = _completed_enrollments(count, "certificates")
    queue = OrmQ.objects.count()
    started, cpu = time.perf_counter(), time.process_time()
    for enrollment_id in ids:
        services.issue_certificate(enrollment_id=enrollment_id)
    elapsed = time.perf_counter() - started
    cpu_s = time.process_time() - cpu
    # One e-mail task and one PDF task a certificate.
    queued = {"tasks": OrmQ.objects.count() - queue, "expected": 2 * count}
    # Idempotence under repeats: a second pass issues nothing new.
    again = time.perf_counter()
    for enrollment_id in ids[:100]:
        services.issue_certificate(enrollment_id=enrollment_id)
    repeat_ms = (time.perf_counter() - again) / min(100, len(ids)) * 1000
    render = _render_pdfs(ids)
    return {**_figures(ids, elapsed, cpu_s, repeat_ms, queued), "render": render}


def _figures(
    ids: list[int],
    elapsed: float,
    cpu_s: float,
    repeat_ms: float,
    queued: dict[str, int],
) -> dict[str, Any]:
    count = len(ids)
    check = {**_check(ids), "queued_tasks": queued["tasks"]}
    return {
        "certificates": count,
        "seconds": round(elapsed, 2),
        "certificates_per_s": round(count / elapsed, 1),
        "ms_each": round(elapsed / count * 1000, 2),
        "cpu_ms_each": round(cpu_s / count * 1000, 2),
        "certificates_per_cpu_s": round(count / cpu_s, 1),
        "repeat_ms_each": round(repeat_ms, 2),
        "check": check,
        "check_ok": check["issued"]
        == check["with_pdf"]
        == check["unique_serials"]
        == count
        and queued["tasks"] == queued["expected"],
    }


def _latency(count: int, log_path: Path) -> dict[str, Any]:
    course = make_course(catalog(), title=f"Bench issue latency {RUN_TAG}", lessons=1)
    lesson = LessonPage.objects.child_of(course).get()
    learners = make_learners(count + 1, course=course, name="cert-latency")
    facts: dict[str, Any] = {
        "command": "manage.py qcluster",
        "workers": settings.Q_CLUSTER["workers"],
        "poll_s": settings.Q_CLUSTER.get("poll", 0.2),
    }
    # Tasks queued by earlier benchmarks (the regrade's completion checks) would
    # be measured too: this benchmark starts with an empty queue.
    facts["purged_tasks"] = OrmQ.objects.all().delete()[0]
    latencies = []
    with qcluster(log_path, facts) as cluster:
        started = time.perf_counter()
        _complete_and_wait(learners[0], lesson, cluster, log_path, first=True)
        facts["ready_s"] = round(time.perf_counter() - started, 2)
        for learner in learners[1:]:
            latencies.append(_complete_and_wait(learner, lesson, cluster, log_path))
    ordered = sorted(latencies)
    return {
        "cluster": facts,
        "completions": count,
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(_percentile(ordered, 95), 1),
        "max_ms": round(ordered[-1], 1),
    }


def _complete_and_wait(learner, lesson, cluster, log_path, first=False) -> float:
    t0 = time.perf_counter()
    with transaction.atomic():  # as the view: the task is enqueued on commit
        enrollment_services.complete_lesson(learner=learner, lesson=lesson)
    timeout = 90 if first else TIMEOUT_S
    while True:
        if (
            Certificate.objects.filter(enrollment__learner=learner)
            .exclude(pdf="")
            .exists()
        ):
            return (time.perf_counter() - t0) * 1000
        if time.perf_counter() - t0 > timeout:
            raise ClusterFailed(
                f"no certificate after {timeout} s; see {log_path}:\n{_tail(log_path)}"
            )
        if cluster.poll() is not None:
            raise ClusterFailed(
                f"qcluster exited with {cluster.returncode}:\n{_tail(log_path)}"
            )
        time.sleep(POLL_S)


def report(result: dict[str, Any]) -> list[str]:
    page, thr, lat = result["pdf"], result["throughput"], result["latency"]
    batch = result["batch"]
    goal = "met" if result["goal"]["met"] else "NOT MET"
    return [
        "4. Certificates (database + e-mail and PDF tasks queued; PDF + QR)",
        f"   pure PDF render: {page['ms_per_page']} ms a page = "
        f"{page['pages_per_s']} pages/s (CPU {page['cpu_ms_per_page']} ms = "
        f"{page['pages_per_cpu_s']} per CPU-second; {page['bytes']:,} bytes), "
        f"{page['pages']} pages",
        f"   one worker draining {batch['certificates']} completion tasks "
        f"(sweeps of up to {batch['batch_size']}): "
        f"{batch['certificates']} in {batch['seconds']} s = "
        f"{batch['certificates_per_s']} certificates/s ({batch['ms_each']} ms each, "
        f"CPU {batch['cpu_ms_each']} ms each = {batch['certificates_per_cpu_s']} "
        f"per CPU-second; a repeated batch {batch['repeat_ms_each']} ms each)",
        _render_line(batch),
        _check_line(batch),
        f"   issue_certificate, one call each, one process: {thr['certificates']} "
        f"in {thr['seconds']} s = {thr['certificates_per_s']} certificates/s "
        f"({thr['ms_each']} ms each, CPU {thr['cpu_ms_each']} ms each = "
        f"{thr['certificates_per_cpu_s']} per CPU-second; an idempotent repeat "
        f"{thr['repeat_ms_each']} ms)",
        _render_line(thr),
        _check_line(thr),
        f"   completion → certificate with a real qcluster "
        f"({lat['cluster']['workers']} workers, poll {lat['cluster']['poll_s']} s, "
        f"ready after {lat['cluster']['ready_s']} s), {lat['completions']} "
        f"completions one at a time: p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms, "
        f"max {lat['max_ms']} ms; stop: {lat['cluster']['stop']}",
        f"   goal {result['goal']['what']}: {goal}",
    ]


def _render_line(figures: dict[str, Any]) -> str:
    render = figures["render"]
    return (
        f"   then their PDF task: {render['pdfs']} PDFs rendered and stored in "
        f"{render['seconds']} s = {render['pdfs_per_s']} PDFs/s"
    )


def _check_line(figures: dict[str, Any]) -> str:
    check = figures["check"]
    return (
        f"   check: {check['issued']} issued, {check['with_pdf']} with a PDF, "
        f"{check['unique_serials']} distinct serials, "
        f"{check['queued_tasks']} tasks queued (e-mail and PDF): "
        f"{'ok' if figures['check_ok'] else 'WRONG'}"
    )
