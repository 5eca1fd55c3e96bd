package org.consilium.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.platform.UuidV7;
import org.consilium.radiotherapy.review.Revisions;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.SubmissionState;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's latency benchmark of the contours JSON: revision 1 of a submission is the synthetic 30-ROI,
 * 150-plane structure set; {@code GET /api/rt/submissions/{id}/revisions/1} with gzip, as a viewer asks for
 * it, is timed in rounds of 200 requests after 50 unmeasured ones; each round's p95 is printed and the
 * median round's is held against the 50 ms target. Not a test (no *Test name): run by bench/rt-numbers.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RevisionJsonBench {

    private static final int WARM_UP = 50;
    private static final int REQUESTS = 200;

    @Inject
    Revisions revisions;

    @Transactional
    UUID submissionWithSyntheticRevision(UUID hospital) throws org.consilium.dicom.DicomException {
        PlanSubmission s = new PlanSubmission();
        s.id = UuidV7.next();
        s.hospitalId = hospital;
        s.studyUid = "2.25.2021.1." + System.nanoTime();
        s.state = SubmissionState.AWAITING_REVIEW;
        s.diseaseSite = "lung";
        s.prescriptionGy = 60;
        s.fractions = 30;
        s.technique = "IMRT";
        s.question = "benchmark";
        s.submittedById = "bench";
        s.submittedBy = "bench";
        s.awaiting = "[]";
        s.findings = "[]";
        s.checkedInstances = 0;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        s.submissionVersion = 1;
        s.persist();
        revisions.recordSubmitted(s, SyntheticPlan.revisionA());
        return s.id;
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void contoursJsonOfThe30RoiRevision() throws Exception {
        String token = Tokens.of("cx.rt");
        UUID hospital = UUID.fromString(given().auth().oauth2(token).get("/api/me").then().extract().path("hospital.id"));
        UUID id = submissionWithSyntheticRevision(hospital);
        int rounds = Integer.getInteger("rounds", 5);
        List<Double> p95s = new ArrayList<>();
        // the JDK's client, not REST Assured: its filters may log (and pretty-print) a 10 MB body
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/rt/submissions/" + id + "/revisions/1"))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build();
        HttpRequest plain = HttpRequest.newBuilder(request.uri()).header("Authorization", "Bearer " + token).build();
        int bytes = http.send(plain, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        int gzipped = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        for (int r = 0; r < rounds; r++) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("revision answered " + response.statusCode());
                }
                if (i >= WARM_UP) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }
            ms.sort(null);
            double p95 = ms.get((int) Math.ceil(0.95 * ms.size()) - 1);
            p95s.add(p95);
            System.out.printf(Locale.ROOT, "  round %d: p50 %.1f ms, p95 %.1f ms%n", r + 1, ms.get(ms.size() / 2), p95);
        }
        p95s.sort(null);
        double median = p95s.get(p95s.size() / 2);
        System.out.printf(Locale.ROOT, "contours JSON, 30 ROIs x 150 planes (%d kB, %d kB gzipped): median p95 %.1f ms "
                + "(target < 50 ms: %s)%n", bytes / 1024, gzipped / 1024, median, median < 50 ? "met" : "NOT met");
    }
}
