package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Collectors;
import org.consilium.registry.teaching.TeachingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Teaching in the browser, in zh-CN: an approved lung plan review becomes a de-identified teaching case in a
 * course (made over REST as the teacher would); the county trainee opens the course, contours the PTV freehand on
 * the teaching CT, submits and sees the score against the expert with the overlay; the teacher opens the case,
 * whose de-identified CT shows in the viewer with the expert contours, and reads the leaderboard.
 */
class TeachingIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-teaching");
        URI base = URI.create(app.url(""));
        RestAssured.baseURI = base.getScheme() + "://" + base.getHost();
        RestAssured.port = base.getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.reset();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void traineeContoursAndSeesAScoreAndTheTeachingCaseOpensInTheViewer() throws Exception {
        TeachingFixtures.Approved approved = TeachingFixtures.approvedReview();
        JsonPath made = TeachingFixtures.teachingCase(approved.submission());
        String caseId = made.getString("id");
        String course = TeachingFixtures.course(caseId);
        try (Browser b = new Browser()) {
            b.signIn(app.url("/"), "cx.rt");
            b.click("link", "远程培训");
            b.find("heading", "远程培训：教学病例与靶区勾画");
            b.click("link", "靶区勾画 / delineation");
            b.click("link", "开始勾画");
            b.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            b.find("heading", "待勾画靶区");
            b.awaitText("GTV · 0 层");
            // the PTV around the right lung's tumour, as it shows on the middle slice (left of centre on screen)
            b.driver.findElement(By.xpath("//label[contains(normalize-space(.), 'PTV ·')]/input")).click();
            RtReviewIT.drawCircle(b, -63, -10, 17);
            b.awaitText("PTV · 1 层");
            b.click("button", "提交并评分");
            b.awaitText("平均 Dice", Duration.ofMinutes(1));
            b.find("heading", "成绩");
            b.await("the score rows", d -> d.findElements(By.cssSelector("table.numbers tbody tr")).size() == 3 ? true : null);
            b.awaitText("实线：专家勾画；虚线：我的勾画。");
            String ptvDice = b.await("the PTV's Dice", d -> d.findElements(By.cssSelector("table.numbers tbody tr")).stream()
                    .filter(r -> r.findElement(By.tagName("th")).getText().startsWith("PTV"))
                    .map(r -> r.findElements(By.tagName("td")).get(0).getText()).findFirst().orElse(null));
            assertTrue(Double.parseDouble(ptvDice) > 0, "the PTV drawn over the tumour overlaps the expert's: " + ptvDice);
            b.screenshot("teaching-score");
            String errors = b.console().lines().filter(l -> l.contains("SEVERE"))
                    .filter(l -> !l.contains("attempts/mine") || !l.contains("404"))
                    .collect(Collectors.joining("\n"));
            assertEquals("", errors, "only the expected 404 of the attempt before submitting");
            b.signOut();

            b.signIn(app.url("/"), "dr.li");
            b.open(app.url("/teaching/cases/" + caseId));
            b.awaitText("已去标识化的教学病例");
            b.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            b.awaitText("已显示 8 个 ROI 的专家勾画。");
            b.screenshot("teaching-case");
            b.open(app.url("/teaching/courses/" + course));
            b.find("heading", "排行榜");
            b.await("冯涛 first", d -> d.findElements(By.xpath("//table[contains(@class,'numbers')]//tr[td[normalize-space()='1']]"
                    + "/th[normalize-space()='冯涛']")).size() == 1 ? true : null);
        }
    }
}
