package org.consilium.radiotherapy.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;
import org.junit.jupiter.api.Test;

/** The review summary PDF: what it says in both languages, its DVH plots, storing it with the study. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReviewReportTest {

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static void assign(String id, String username, String name) {
        String userId = as(username).get("/api/me").then().extract().path("id");
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("userId", userId, "displayName", name))
                .post("/api/rt/submissions/{id}/reviewers", id).then().statusCode(204);
    }

    private static void approve(String user, String id) {
        as(user).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "revision", 1))
                .post("/api/rt/submissions/{id}/decision", id).then().statusCode(200);
    }

    @Test
    void theSummaryCarriesPlanMetricsDoseDecisionAndSignaturesAndIsStoredWithTheStudy() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        String id = SubmissionTest.submit("cx.rt", plan.studyUid);
        as("cx.rt").get("/api/rt/submissions/{id}/report", id).then().statusCode(409);
        SamplePlan.stow("cx.rt", new java.util.ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        assign(id, "dr.li", "李明");
        assign(id, "phys.chen", "陈静");
        as("dr.li").post("/api/rt/submissions/{id}/report", id).then().statusCode(409);
        approve("dr.li", id);
        approve("phys.chen", id);

        byte[] zh = as("cx.rt").get("/api/rt/submissions/{id}/report", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(zh)) {
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", "");
            for (String expected : List.of("放疗计划审核报告", plan.studyUid, "60.00 Gy / 30", "PTV", "SPINALCORD Dmax < 45 Gy",
                    "审核通过", "审核医师", "李明", "陈静", "累积剂量体积直方图")) {
                assertTrue(flat.contains(expected.replaceAll("\\s+", "")), "the summary says " + expected + ":\n" + text);
            }
            assertTrue(redPixels(doc) > 100, "a DVH curve is drawn");
        }
        byte[] en = as("cm.wang").get("/api/rt/submissions/{id}/report?lang=en", id).then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(en)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Radiotherapy plan review summary") && text.contains("Approved")
                    && text.contains("Physicist"), text);
        }
        as("cx.rt").get("/api/rt/submissions/{id}/report?lang=fr", id).then().statusCode(400)
                .contentType("application/problem+json");
        as("fm.rt").get("/api/rt/submissions/{id}/report", id).then().statusCode(404);

        as("cx.rt").post("/api/rt/submissions/{id}/report", id).then().statusCode(403);
        as("fm.rt").post("/api/rt/submissions/{id}/report", id).then().statusCode(404);
        String sop = as("dr.li").post("/api/rt/submissions/{id}/report", id).then().statusCode(200)
                .body("studyInstanceUid", equalTo(plan.studyUid)).body("submissionVersion", equalTo(1))
                .extract().path("sopInstanceUid");
        as("cx.rt").accept("application/dicom+json").get("/dicomweb/studies/{study}/instances", plan.studyUid).then()
                .statusCode(200).body(containsString(sop)).body(containsString("1.2.840.10008.5.1.4.1.1.104.1"));
    }

    /** Strongly red pixels of every page at 72 dpi (the first DVH curve is drawn in red). */
    private static int redPixels(PDDocument doc) throws Exception {
        int red = 0;
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            BufferedImage image = renderer.renderImageWithDPI(p, 72);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if (((rgb >> 16) & 0xFF) > 150 && ((rgb >> 8) & 0xFF) < 90 && (rgb & 0xFF) < 90) {
                        red++;
                    }
                }
            }
        }
        return red;
    }
}
