package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The follow-up part of the loop and the patient timeline in the browser app, in zh-CN: a county clinician opens
 * the timeline of a recorded report's patient, generates the follow-up schedule from the template and hands it to
 * the doctor of another unit (the community doctor); that doctor finds the visit on their worklist, records the
 * contact (the server's problem shown under its field first), and the attending doctor's notification opens the
 * schedule, whose patient timeline shows the outcome.
 */
class FollowUpWalkIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("followup-walk");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aScheduleIsHandedToTheCommunityDoctorWhoseOutcomeReachesTheAttendingDoctorAndTheTimeline() throws Exception {
        String name = "邵秀兰";
        String localId = "FU-" + UUID.randomUUID().toString().substring(0, 8);
        String report = as("cx.doctor").body(Map.of("patient", Map.of("localId", localId, "name", name, "sex", "F"),
                        "certainty", "SUSPECTED", "icd10", "C34.1", "topography", "C34.1", "detection", "SCREENING",
                        "finding", "低剂量CT筛查：右肺上叶磨玻璃结节"))
                .post("/api/registry/reports").then().statusCode(201).extract().path("id");
        as("cm.wang").queryParam("version", 0).post("/api/registry/reports/{id}/record", report).then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        try (Browser b = new Browser()) {
            b.signIn(app.url("/"), "cx.doctor");
            b.open(app.url("/registry/reports/" + report));
            b.find("heading", "新发肿瘤报告：" + name);
            b.click("link", "患者时间线");
            b.find("heading", "患者时间线：" + name);
            b.find("link", "疑似新发肿瘤报告 C34.1");
            b.type("ICD-10 编码", "C34.1");
            b.type("分期（AJCC）", "IIB");
            setDate(b, "起始日期", today.minusMonths(3).plusDays(3));
            b.click("button", "按模板生成");
            b.find("heading", "随访计划：" + name);
            b.awaitText("3年内每3个月，之后每6个月至5年");
            b.choose("单位", "富民县人民医院");
            b.await("富民县人民医院's doctors", d -> d.findElements(By.tagName("option")).stream()
                    .anyMatch(o -> o.getText().equals("杨帆")) ? true : null);
            b.choose("医生", "杨帆");
            b.click("button", "移交");
            b.awaitText("杨帆 · ");
            b.screenshot("registry-follow-up-schedule");
            b.signOut();

            b.signIn(app.url("/"), "fm.doctor");
            b.click("link", "随访任务");
            b.find("heading", "随访任务");
            b.find("link", name);
            String row = b.await("the worklist row", d -> d.findElements(By.cssSelector("tbody tr")).stream()
                    .map(WebElement::getText).filter(t -> t.contains(name)).findFirst().orElse(null));
            assertTrue(row.contains("天后到期") && row.contains("钱进") && row.contains("已移交"), row);
            b.screenshot("registry-follow-up-worklist");
            b.click("link", name);
            b.find("heading", "随访计划：" + name);
            WebElement record = b.await("a record button", d -> d.findElements(By.tagName("button")).stream()
                    .filter(e -> e.getAccessibleName().startsWith("记录 ")).findFirst().orElse(null));
            record.click();
            b.choose("生存状态", "死亡");
            b.click("button", "保存随访结果");
            WebElement death = b.await("the problem under its field", d -> d.findElements(By.cssSelector(
                    "[role=alert].field-problem")).stream().filter(e -> e.getText().contains("date of death is required"))
                    .findFirst().orElse(null));
            assertEquals("死亡日期", b.driver.findElement(By.cssSelector("label[for='"
                    + death.getDomAttribute("id").replace("-problem", "") + "']")).getText());
            b.screenshotHere("registry-follow-up-problem");
            b.choose("生存状态", "生存");
            b.choose("疗效评价（RECIST 1.1）", "PR 部分缓解");
            b.type("不良反应", "轻度乏力");
            b.type("下一步", "3个月后复查胸部CT");
            b.click("button", "保存随访结果");
            b.awaitText("生存；RECIST PR；不良反应：轻度乏力；下一步：3个月后复查胸部CT — 杨帆");
            b.screenshot("registry-follow-up-outcome");
            b.signOut();

            b.signIn(app.url("/"), "cx.doctor");
            WebElement bell = b.await("the notifications button", d -> d.findElements(By.tagName("button")).stream()
                    .filter(e -> e.getText().startsWith("通知")).findFirst().orElse(null));
            bell.click();
            b.click("link", "随访结果：" + name + "，生存，RECIST PR");
            b.find("heading", "随访计划：" + name);
            b.click("link", "患者时间线");
            b.find("heading", "患者时间线：" + name);
            b.find("link", "随访：生存，RECIST PR");
            b.find("link", "疑似新发肿瘤报告 C34.1");
            b.screenshot("registry-timeline");
            assertTrue(b.violations().isEmpty(), "axe on the timeline: " + b.violations());
        }
    }

    /** Sets a date field as a person picking a day would (the field's own format differs by locale). */
    private static void setDate(Browser b, String label, LocalDate day) {
        WebElement field = b.await("the date field '" + label + "'", d -> d.findElements(By.cssSelector(
                "input[type=date]")).stream().filter(e -> label.equals(e.getAccessibleName().trim())).findFirst()
                .orElse(null));
        b.driver.executeScript("const f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new Event('input', {bubbles: true}));", field, day.toString());
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(app.url("")).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
