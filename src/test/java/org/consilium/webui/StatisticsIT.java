package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The provincial case manager opens the statistics dashboard: its charts (consults per month, turnaround, reports by
 * site and by how found, referrals per month) render with each figure's definition beside it, narrow to one county
 * hospital, and export; the browser logs no error.
 */
class StatisticsIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-statistics");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void caseManagerReadsTheChartsWithTheirDefinitionsAndExports() throws Exception {
        report("C18.7", "SCREENING");
        report("C34.1", "OUTPATIENT");
        report("C18.2", "INPATIENT");
        try (Browser b = new Browser()) {
            b.open(app.url("/"));
            b.click("button", "登录");
            SignInIT.keycloakLogIn(b, "cm.wang", "用户名 或 电子邮箱地址", "密码", "登录");
            b.click("link", "统计");
            b.find("heading", "医联体统计");
            b.find("heading", "新发肿瘤报告");
            b.await("five charts", d -> d.findElements(By.cssSelector(".statistics-chart canvas")).size() >= 5 ? true : null);
            b.awaitText("按部位的新发肿瘤报告");
            b.awaitText("每个ICD-10三位类目的报告数");
            b.awaitText("期内受邀且完成问卷或FIT的人数");
            b.driver.executeScript("arguments[0].scrollIntoView()", b.find("heading", "新发肿瘤报告"));
            b.screenshotHere("statistics-dashboard");

            b.choose("医院", "长兴县人民医院");
            b.awaitText("本院数据");
            b.await("the charts again", d -> d.findElements(By.cssSelector(".statistics-chart canvas")).size() >= 5 ? true : null);
            b.click("button", "导出 Excel");
            b.click("button", "导出 CSV");
            Thread.sleep(500); // let the downloads' requests finish before reading the console
            String errors = b.console().lines().filter(l -> l.contains("SEVERE")).collect(Collectors.joining("\n"));
            assertEquals("", errors);
        }
    }

    private static void report(String icd10, String detection) {
        given().auth().oauth2(Tokens.of("cx.doctor")).contentType(ContentType.JSON)
                .body(Map.of("patient", Map.of("localId", "ST" + UUID.randomUUID().toString().substring(0, 8), "name", "统计患者",
                                "sex", "F", "birthDate", "1960-01-01"), "certainty", "SUSPECTED", "icd10", icd10,
                        "topography", icd10, "detection", detection, "finding", "筛查发现"))
                .post(app.url("/api/registry/reports")).then().statusCode(201);
    }
}
