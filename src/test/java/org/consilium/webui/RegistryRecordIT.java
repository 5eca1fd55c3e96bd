package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The tumor registry in the browser app, in zh-CN: a county clinician's new-tumor report and a follow-up outcome are
 * what the system knows of 邬桂兰; the provincial case manager opens her record, sees which fields were filled from
 * the report and the follow-up, completes the diagnosis, stage and treatment, confirms it and downloads the mCODE
 * (FHIR R4) bundle; the patient's timeline then lists the record and leads back to it.
 */
class RegistryRecordIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("registry-record");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theCaseManagerCompletesConfirmsAndExportsARecordFilledFromReportAndFollowUp() throws Exception {
        String localId = "REG-" + UUID.randomUUID().toString().substring(0, 8);
        knownToTheSystem(localId, "邬桂兰");
        Path downloads = Files.createTempDirectory("registry-downloads");
        try (Browser b = new Browser()) {
            b.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            b.signIn(app.url("/"), "cm.wang");
            b.click("link", "肿瘤数据库");
            b.find("heading", "肿瘤数据库");
            b.await("the alliance's hospitals to pick from", d -> d.findElements(
                    By.xpath("//option[normalize-space()='长兴县人民医院']")).isEmpty() ? null : true);
            b.choose("患者所在医院", "长兴县人民医院");
            b.type("姓名或患者编号", localId);
            b.click("button", "查找患者");
            b.click("button", "为 邬桂兰 建档");
            b.find("heading", "肿瘤登记档案：邬桂兰");
            b.awaitText("待确认");
            String icd10Row = b.await("the ICD-10 row", d -> d.findElements(By.cssSelector("tr")).stream()
                    .map(r -> r.getText()).filter(t -> t.startsWith("ICD-10 诊断编码")).findFirst().orElse(null));
            assertTrue(icd10Row.contains("C34.1") && icd10Row.contains("新发肿瘤报告"), icd10Row);
            String recistRow = b.await("the RECIST row", d -> d.findElements(By.cssSelector("tr")).stream()
                    .map(r -> r.getText()).filter(t -> t.startsWith("疗效评价")).findFirst().orElse(null));
            assertTrue(recistRow.contains("部分缓解") && recistRow.contains("随访结果"), recistRow);
            b.awaitText("确认前尚缺");

            b.type("主管医生", "钱进");
            // a date field's segments follow the machine's locale, not the page's, so keys would land in another
            // order from one machine to the next: the date is picked as the picker would set it
            var diagnosed = input(b, "诊断日期");
            b.driver.executeScript("arguments[0].value = '2026-11-02';"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", diagnosed);
            assertEquals("2026-11-02", diagnosed.getDomProperty("value"));
            b.choose("诊断依据", "原发灶组织学");
            b.type("ICD-O-3 形态学", "8140/3");
            b.type("病理类型", "浸润性腺癌");
            input(b, "TNM 版本（AJCC）").sendKeys("8");
            b.type("T", "pT2a");
            b.type("N", "pN1");
            b.type("M", "cM0");
            b.type("分期", "IIB");
            b.choose("新增治疗方式", "手术");
            b.type("治疗说明", "胸腔镜右肺上叶切除");
            b.click("button", "添加治疗");
            b.click("button", "保存");
            b.awaitText("已保存");
            String morphologyRow = b.await("the morphology row", d -> d.findElements(By.cssSelector("tr")).stream()
                    .map(r -> r.getText()).filter(t -> t.startsWith("ICD-O-3 形态学")).findFirst().orElse(null));
            assertTrue(morphologyRow.contains("8140/3") && morphologyRow.contains("专管员填写"), morphologyRow);
            b.screenshot("registry-record-completed");
            b.click("button", "确认档案");
            b.awaitText("王芳 于");
            b.find("heading", "已确认版本");
            b.click("button", "下载 mCODE（FHIR R4）");
            Path bundle = b.await("the downloaded bundle", d -> {
                try (var files = Files.list(downloads)) {
                    return files.filter(f -> f.toString().endsWith(".fhir.json")).findFirst().orElse(null);
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            b.screenshot("registry-record-confirmed");
            JsonNode json = new ObjectMapper().readTree(Files.readString(bundle));
            assertEquals("Bundle", json.path("resourceType").asText());
            List<String> types = new java.util.ArrayList<>();
            json.path("entry").forEach(e -> types.add(e.path("resource").path("resourceType").asText()));
            assertTrue(types.containsAll(List.of("Patient", "Condition", "Observation", "Procedure")), types.toString());
            assertEquals("邬桂兰", json.path("entry").get(0).path("resource").path("name").get(0).path("text").asText());

            // the patient's timeline lists the record, opened and confirmed, and leads back to it
            b.click("link", "患者时间线");
            b.find("heading", "患者时间线：邬桂兰");
            b.awaitText("建立肿瘤登记档案（C34）");
            b.click("link", "肿瘤登记档案确认（C34，第1版）");
            b.find("heading", "肿瘤登记档案：邬桂兰");
        }
    }

    /** A county clinician reports her suspected lung cancer and records a follow-up contact (partial response). */
    private static void knownToTheSystem(String localId, String name) {
        Map<String, Object> report = new HashMap<>();
        report.put("patient", Map.of("localId", localId, "name", name, "sex", "F", "birthDate", "1957-05-20"));
        report.put("certainty", "CONFIRMED");
        report.put("icd10", "C34.1");
        report.put("topography", "C34.1");
        report.put("detection", "OUTPATIENT");
        report.put("finding", "右肺上叶周围型占位，穿刺病理：腺癌");
        String patientId = as("cx.doctor").body(report).post("/api/registry/reports").then().statusCode(201)
                .extract().path("patientId");
        String schedule = as("cx.doctor").body(Map.of("patientId", patientId, "icd10", "C34.1", "stage", "IIB",
                "startOn", LocalDate.now().minusMonths(4).toString())).post("/api/registry/follow-up-schedules").then()
                .statusCode(201).extract().path("id");
        String visit = as("cx.doctor").get("/api/registry/follow-up-schedules/{id}", schedule).then().statusCode(200)
                .extract().path("visits[0].id");
        as("cx.doctor").body(Map.of("contactedOn", LocalDate.now().minusDays(1).toString(), "reached", true,
                "vitalStatus", "ALIVE", "recist", "PR")).post("/api/registry/follow-up-schedules/{s}/visits/{v}/outcome",
                schedule, visit).then().statusCode(200);
    }

    /** The date or number field labelled {@code label} (roles the Browser's textbox does not cover). */
    private static WebElement input(Browser b, String label) {
        return b.await("the field " + label, d -> d.findElements(By.xpath("//label[starts-with(normalize-space(.), '"
                + label + "')]//input")).stream().findFirst().orElse(null));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().baseUri(app.url("")).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
