package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.consilium.archive.Stow;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A radiotherapy plan's review in the browser app, in zh-CN: the county's rt-staff submits the sample lung
 * plan by its study UID before the planning system has sent it, and sees it wait, then pass the consistency
 * check with its one warning; the case manager finds it in the review queue and assigns a radiation
 * oncologist and a physicist; both open the live review room in two browsers, see the ROIs, and each takes
 * one ROI (PTV, SPINALCORD) for editing: the other sees who holds it and cannot take it, and each sees the
 * other's freehand edit; the oncologist commits a revision, compares it with the submitted one (changed
 * ROIs with Dice below 1, the others 1), reads the DVH and the constraint results, and both sign the
 * approval; the county sees the decision and downloads the accepted RTSTRUCT.
 */
class RtReviewIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-rt");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** The planning system sends the plan's objects (STOW-RS), in a random order. */
    static void planningSystemSends(SamplePlan plan) {
        List<byte[]> files = new ArrayList<>(plan.files.values());
        Collections.shuffle(files, new Random(23));
        Stow.bytes(app.url(""), Tokens.of("cx.rt"), files).statusCode(200);
    }

    /** A closed freehand stroke around a point of the image, as a hand draws it. */
    static void drawCircle(Browser b, int dx, int dy, int radius) {
        WebElement canvas = b.find("application", "勾画画布");
        Actions hand = new Actions(b.driver).moveToElement(canvas, dx + radius, dy).clickAndHold();
        int x = radius;
        int y = 0;
        for (int i = 1; i <= 24; i++) {
            int nx = (int) Math.round(radius * Math.cos(2 * Math.PI * i / 24));
            int ny = (int) Math.round(radius * Math.sin(2 * Math.PI * i / 24));
            hand.moveByOffset(nx - x, ny - y);
            x = nx;
            y = ny;
        }
        hand.release().perform();
    }

    /** The Dice cell of an ROI's row in the comparison table. */
    static String diceOf(Browser b, String roi) {
        return b.await("the metrics row of " + roi, d -> d.findElements(By.cssSelector("table.numbers tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(roi))
                .map(r -> r.findElements(By.tagName("td")).get(3).getText()).findFirst().orElse(null));
    }

    @Test
    void countyPlanIsReviewedLiveByTwoExpertsComparedDoseCheckedApprovedAndDownloaded() throws Exception {
        SamplePlan plan = SamplePlan.copy();
        Path downloads = Files.createTempDirectory("rt-downloads");
        try (Browser county = new Browser(); Browser physicist = new Browser()) {
            county.signIn(app.url("/"), "cx.rt");
            county.find("heading", "我的放疗计划");
            county.click("link", "提交放疗计划");
            county.type("检查实例 UID", plan.studyUid);
            county.type("临床资料", "右肺上叶腺癌 cT2aN0M0");
            county.type("审核问题", "请审核 PTV 外扩及脊髓勾画");
            county.click("button", "提交审核");
            county.find("heading", "放疗计划:肺癌 · 60 Gy / 30 次");
            county.awaitText("等待影像与计划对象");
            String submission = county.driver.getCurrentUrl();

            planningSystemSends(plan);
            county.awaitText("待审核", Duration.ofMinutes(1));
            county.awaitText("1 个警告,不影响审核");
            county.awaitText("SPINALCORD");
            county.screenshot("rt-submission");
            county.signOut();

            // the case manager's review queue, and the reviewers
            county.signIn(app.url("/"), "cm.wang");
            county.click("link", "放疗计划审核");
            county.find("heading", "放疗审核队列");
            county.awaitText(plan.studyUid);
            county.screenshot("rt-queue");
            county.open(submission);
            county.click("button", "指派 李明");
            county.click("button", "指派 陈静");
            county.awaitText("已指派");
            county.signOut();

            Browser oncologist = county;
            oncologist.signIn(app.url("/"), "dr.li");
            oncologist.open(submission);
            oncologist.click("button", "进入审核室");
            oncologist.find("heading", "放疗审核室:肺癌 · 60 Gy / 30 次");
            oncologist.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            oncologist.find("checkbox", "PTV");
            oncologist.find("checkbox", "SPINALCORD");
            oncologist.find("heading", "靶区");
            oncologist.find("heading", "危及器官");

            physicist.signIn(app.url("/"), "phys.chen");
            physicist.open(submission + "/room");
            physicist.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            oncologist.awaitText("陈静");

            // leases: each takes one ROI; the other sees the holder and cannot take it
            oncologist.click("button", "编辑 PTV");
            oncologist.find("button", "结束编辑 PTV");
            physicist.awaitText("李明 正在编辑");
            assertFalse(physicist.find("button", "编辑 PTV").isEnabled(), "PTV is held by 李明");
            physicist.click("button", "编辑 SPINALCORD");
            physicist.find("button", "结束编辑 SPINALCORD");
            oncologist.awaitText("陈静 正在编辑");
            assertFalse(oncologist.find("button", "编辑 SPINALCORD").isEnabled(), "SPINALCORD is held by 陈静");

            // both draw at the same time; each sees the other's edit
            oncologist.click("button", "定位到 PTV");
            oncologist.click("button", "手绘(替换本层)");
            physicist.click("button", "定位到 SPINALCORD");
            physicist.click("button", "手绘(替换本层)");
            drawCircle(oncologist, -60, -20, 45);
            drawCircle(physicist, 0, 90, 12);
            physicist.awaitText("李明 修改了 1 层", Duration.ofSeconds(5));
            oncologist.awaitText("陈静 修改了 1 层", Duration.ofSeconds(5));
            oncologist.click("button", "下一层");
            oncologist.click("button", "复制上一层");
            oncologist.awaitText("李明 修改了 2 层");
            oncologist.click("button", "下一层");
            oncologist.click("button", "插值(上下层之间)");
            oncologist.awaitText("李明 修改了 3 层");
            physicist.awaitText("李明 修改了 3 层");
            oncologist.screenshot("rt-room");
            physicist.click("button", "结束编辑 SPINALCORD");
            oncologist.find("button", "编辑 SPINALCORD");

            // commit, lineage, compare
            oncologist.type("修订理由", "PTV 外扩 3 mm,脊髓按椎管重新勾画");
            oncologist.click("button", "生成修订版");
            oncologist.awaitText("已生成修订版 R2");
            oncologist.awaitText("PTV 外扩 3 mm,脊髓按椎管重新勾画");
            oncologist.click("tab", "比较");
            double ptv = Double.parseDouble(diceOf(oncologist, "PTV"));
            double cord = Double.parseDouble(diceOf(oncologist, "SPINALCORD"));
            assertTrue(ptv > 0 && ptv < 1, "PTV changed, Dice " + ptv);
            assertTrue(cord >= 0 && cord < 1, "SPINALCORD changed, Dice " + cord);
            assertEquals("1.000", diceOf(oncologist, "HEART"), "HEART unchanged");
            assertEquals("1.000", diceOf(oncologist, "BODY"), "BODY unchanged");
            oncologist.click("button", "指标定义");
            oncologist.awaitText("第 95 百分位");
            oncologist.showHeading("修订版比较");
            oncologist.screenshotHere("rt-compare");

            // sagittal and coronal reconstructions with both revisions cut on them
            oncologist.click("checkbox", "矢状位与冠状位重建");
            for (String plane : List.of("矢状位重建", "冠状位重建")) {
                oncologist.await(plane, Duration.ofMinutes(1), d -> d.findElements(By.cssSelector("canvas[aria-label='" + plane + "']"))
                        .stream().anyMatch(c -> c.getSize().getHeight() > 50) ? true : null);
            }
            oncologist.click("button", "定位到 PTV");
            oncologist.driver.executeScript("document.querySelector(\"canvas[aria-label='矢状位重建']\").scrollIntoView({block: 'end'})");
            oncologist.screenshotHere("rt-mpr");
            oncologist.click("checkbox", "矢状位与冠状位重建");

            // dose: DVH and the constraint template
            oncologist.click("tab", "剂量");
            oncologist.await("the DVH chart", d -> d.findElements(By.cssSelector("[aria-label='修订版 R2 的剂量体积直方图'] canvas"))
                    .isEmpty() ? null : true);
            oncologist.awaitText("剂量限值模板");
            oncologist.awaitText("通过");
            oncologist.choose("剂量显示", "等剂量线");
            oncologist.awaitText("57.0 Gy (95%)", Duration.ofMinutes(1));
            oncologist.screenshot("rt-isodose");
            oncologist.showHeading("剂量审核");
            oncologist.screenshotHere("rt-dvh");

            // both sign the approval of R2
            oncologist.click("tab", "决定");
            oncologist.click("button", "签署批准 R2");
            oncologist.awaitText("放疗医师 李明 (R2)");
            physicist.click("tab", "决定");
            physicist.click("button", "签署批准 R2");
            physicist.awaitText("已批准");
            assertFalse(oncologist.driver.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(WebElement::isDisplayed),
                    "no error in the oncologist's room:\n" + oncologist.console());
            physicist.signOut();
            oncologist.signOut();

            // the county sees the decision and downloads the accepted RTSTRUCT
            Browser back = oncologist;
            back.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            back.signIn(app.url("/"), "cx.rt");
            back.open(submission);
            back.awaitText("已批准");
            back.awaitText("采纳修订版 R2");
            back.find("heading", "修订版比较");
            assertEquals("1.000", diceOf(back, "HEART"), "the county reads the same numbers");
            back.click("button", "下载 RTSTRUCT (R2)");
            Path file = downloads.resolve("RTSTRUCT-R2.dcm");
            back.await("the downloaded RTSTRUCT", d -> Files.exists(file) ? true : null);
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals("DICM".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(bytes, 128, 132));
            back.screenshot("rt-approved");
        }
    }
}
