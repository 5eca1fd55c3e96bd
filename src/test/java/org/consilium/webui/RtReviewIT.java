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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A radiotherapy plan's review in the browser app, in zh-CN: the county's rt-staff submits the sample lung
 * plan by its study UID before the planning system has sent it, and sees it wait, then pass the consistency
 * check with its one warning; the case manager finds it in the review queue and assigns a radiation
 * oncologist and a physicist; both open the live review room in two browsers, see the ROIs and each other
 * with their roles, talk in the chat, and the physicist follows the slices the oncologist presents
 * (follow-me), stops following and follows again; his length measurement appears in her room. Each takes
 * one ROI (PTV, SPINALCORD) for editing: the other sees who holds it and cannot take it, and each sees the
 * other's freehand edit; the oncologist erases a band across the PTV and the physicist sees the outline
 * cut. The oncologist commits a revision, compares it with the submitted one (changed ROIs with Dice below
 * 1, the others 1), reads the DVH and the constraint results, and returns it with a required change on
 * SPINALCORD; the county reads the change on its plan, answers it and resubmits, and the planning system
 * sends the corrected objects; both reviewers see the answer and sign the approval of the resubmitted
 * revision, and the physicist sends it to the county's PACS; the county sees the decision and where the
 * structure set went, and downloads the accepted RTSTRUCT and the review report.
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
        WebElement canvas = wholeInView(b, b.find("application", "勾画画布"));
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

    /**
     * The element scrolled wholly into the window: a pointer's offsets are from the centre of the element's
     * visible part, which is its centre only when none of it is scrolled away.
     */
    static WebElement wholeInView(Browser b, WebElement e) {
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        return e;
    }

    /** A brush dragged in a straight line across the image, from (dx, dy) by (by, 0), as a hand does. */
    static void brushAcross(Browser b, int dx, int dy, int by) {
        WebElement canvas = wholeInView(b, b.find("application", "勾画画布"));
        Actions hand = new Actions(b.driver).moveToElement(canvas, dx, dy).clickAndHold();
        for (int i = 0; i < 15; i++) {
            hand.moveByOffset(by / 15, 0);
        }
        hand.release().perform();
    }

    /**
     * Whether the contour overlay shows this colour in the box from (x0, y0) to (x1, y1), in CSS pixels from
     * its centre (a box, not a point: the two browsers' layouts may differ by a scroll bar's width).
     */
    static boolean showsColourIn(Browser b, int x0, int y0, int x1, int y1, int[] rgb) {
        return Boolean.TRUE.equals(b.driver.executeScript("""
                const [x0, y0, x1, y1, r, g, bl] = arguments;
                const c = document.querySelector("canvas[aria-label='勾画画布']");
                const dpr = window.devicePixelRatio || 1;
                const at = (dx, dy) => [Math.round((c.clientWidth / 2 + dx) * dpr), Math.round((c.clientHeight / 2 + dy) * dpr)];
                const [ax, ay] = at(x0, y0), [bx, by] = at(x1, y1);
                const d = c.getContext('2d').getImageData(ax, ay, bx - ax + 1, by - ay + 1).data;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i + 3] > 80 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - bl) < 80) return true;
                }
                return false;""", x0, y0, x1, y1, rgb[0], rgb[1], rgb[2]));
    }

    /** Where the overlay shows this colour: [left, top, right, bottom] in CSS pixels from its centre (for failure messages). */
    static Object colourBounds(Browser b, int[] rgb) {
        return b.driver.executeScript("""
                const [r, g, bl] = arguments;
                const c = document.querySelector("canvas[aria-label='勾画画布']");
                const dpr = window.devicePixelRatio || 1;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let box = null;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i + 3] > 80 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - bl) < 80) {
                    const x = (i / 4) % c.width / dpr - c.clientWidth / 2, y = Math.floor(i / 4 / c.width) / dpr - c.clientHeight / 2;
                    box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
                  }
                }
                return JSON.stringify(box) + ' in ' + c.clientWidth + 'x' + c.clientHeight;""", rgb[0], rgb[1], rgb[2]);
    }

    /** The slice a viewer shows ("第 49 / 96 层 · z = …"). */
    static String sliceOf(Browser b) {
        return b.driver.findElement(By.cssSelector(".rtviewer .status")).getText();
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

            // presence with roles, the chat, and follow-me: the oncologist presents, the physicist's CT follows her
            // slice; unticking lets the physicist look alone, ticking again brings the presenter's slice back
            oncologist.awaitText("陈静 · 审核专家");
            physicist.type("发言", "先看 PTV 上界");
            physicist.click("button", "发送");
            oncologist.awaitText("先看 PTV 上界");
            oncologist.click("button", "开始演示(跟随我)");
            physicist.awaitText("李明 在演示");
            for (int i = 0; i < 3; i++) {
                oncologist.click("button", "下一层");
            }
            oncologist.awaitText("第 52 / 96 层");
            physicist.awaitText("第 52 / 96 层", Duration.ofSeconds(5));
            physicist.click("checkbox", "跟随演示者");
            physicist.click("button", "上一层");
            physicist.awaitText("第 51 / 96 层");
            oncologist.click("button", "下一层");
            oncologist.click("button", "下一层");
            oncologist.awaitText("第 54 / 96 层");
            physicist.click("checkbox", "跟随演示者");
            physicist.awaitText("第 54 / 96 层", Duration.ofSeconds(5));
            oncologist.click("button", "停止演示");
            physicist.awaitText("没有人在演示。");

            // a measurement drawn by the oncologist appears in the physicist's room with the server's millimetres
            oncologist.click("button", "长度");
            new Actions(oncologist.driver).moveToElement(wholeInView(oncologist, oncologist.find("application", "计划 CT 与勾画")), -60, 40)
                    .clickAndHold().moveByOffset(40, 0).moveByOffset(40, 0).release().perform();
            oncologist.click("button", "窗宽窗位");
            physicist.awaitText("李明: 长度", Duration.ofSeconds(5));
            physicist.find("heading", "标注(1)");

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

            // the oncologist erases a band across the PTV outline drawn on the first slice; the physicist, on the
            // same slice, sees the outline cut there while the rest of it stays
            oncologist.click("button", "上一层");
            oncologist.click("button", "上一层");
            physicist.click("button", "定位到 PTV");
            physicist.await("the slice the PTV was drawn on", d -> sliceOf(physicist).equals(sliceOf(oncologist)) ? true : null);
            int[] ptvColour = {255, 0, 255};
            System.out.println("PTV on the drawn slice: the oncologist's overlay " + colourBounds(oncologist, ptvColour)
                    + ", the physicist's " + colourBounds(physicist, ptvColour));
            physicist.await("the PTV outline's left edge", d -> showsColourIn(physicist, -160, -23, -50, -17, ptvColour) ? true : null);
            oncologist.click("button", "擦除");
            WebElement radius = oncologist.driver.findElement(By.xpath("//label[contains(normalize-space(.), '笔刷半径')]//input"));
            radius.sendKeys(Keys.chord(Keys.CONTROL, "a"), "8"); // a number field (role spinbutton)
            brushAcross(oncologist, -135, -20, 150);
            // (the edit deletes the plane's outline, then adds the cut halves: wait for both)
            physicist.await("the erased band of the PTV, the rest of its outline kept", Duration.ofSeconds(5),
                    d -> !showsColourIn(physicist, -160, -23, -50, -17, ptvColour)
                            && showsColourIn(physicist, -80, -69, -40, -61, ptvColour) ? true : null);
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

            // the oncologist returns R2: the cord is to be drawn again by the county
            oncologist.click("tab", "决定");
            oncologist.choose("危及器官勾画涉及的 ROI", "SPINALCORD");
            oncologist.type("危及器官勾画", "脊髓按椎管内缘重新勾画");
            oncologist.type("说明", "请按 R2 的脊髓重新优化计划");
            oncologist.click("button", "退回修改");
            oncologist.awaitText("已退回修改");
            physicist.signOut();
            oncologist.signOut();

            // the county reads the required change on its plan, answers it and resubmits; the planning system sends
            // the corrected objects and the plan is back in the review queue as version 2
            county.signIn(app.url("/"), "cx.rt");
            county.open(submission);
            county.find("heading", "退回意见");
            county.awaitText("第 1 项 · 危及器官勾画 · SPINALCORD");
            county.awaitText("脊髓按椎管内缘重新勾画");
            county.awaitText("请按 R2 的脊髓重新优化计划");
            assertTrue(county.find("checkbox", "第 1 项已完成").isSelected(), "a change is answered as done unless unticked");
            county.type("第 1 项所做修改", "脊髓已按椎管内缘重新勾画");
            county.type("重新提交说明", "已重新优化计划");
            county.showHeading("退回意见");
            county.screenshotHere("rt-returned");
            county.click("button", "重新提交(第 2 版)");
            county.awaitText("等待影像与计划对象");
            Stow.bytes(app.url(""), Tokens.of("cx.rt"), plan.corrected(ds -> { })).statusCode(200);
            county.awaitText("待审核", Duration.ofMinutes(1));
            county.find("heading", "提交版本");
            county.awaitText("第 1 项 · 已完成: 脊髓已按椎管内缘重新勾画");
            county.showHeading("退回意见");
            county.screenshotHere("rt-resubmitted");
            county.signOut();

            // both reviewers see the answers and sign the approval of the resubmitted revision R3
            oncologist.signIn(app.url("/"), "dr.li");
            oncologist.open(submission);
            oncologist.awaitText("第 1 项 · 已完成: 脊髓已按椎管内缘重新勾画");
            oncologist.click("button", "进入审核室");
            oncologist.click("tab", "决定");
            oncologist.click("button", "签署批准 R3");
            oncologist.awaitText("放疗医师 李明 (R3)");
            physicist.signIn(app.url("/"), "phys.chen");
            physicist.open(submission + "/room");
            physicist.click("tab", "决定");
            physicist.click("button", "签署批准 R3");
            physicist.awaitText("已批准");
            assertFalse(oncologist.driver.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(WebElement::isDisplayed),
                    "no error in the oncologist's room:\n" + oncologist.console());

            // the physicist stores the accepted structure set and sends it to the county's one receiving AE, its PACS
            physicist.open(submission);
            physicist.click("button", "存档并发送 R3 至县医院");
            physicist.awaitText("修订版 R3 已发送至 CHANGXING_PACS");
            physicist.signOut();
            oncologist.signOut();

            // the county sees the decision and where the structure set went, downloads it and the review report
            Browser back = oncologist;
            back.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            back.signIn(app.url("/"), "cx.rt");
            back.open(submission);
            back.awaitText("已批准");
            back.awaitText("采纳修订版 R3");
            back.awaitText("审核后的结构集（修订 3）已发送至 CHANGXING_PACS");
            back.find("heading", "修订版比较");
            assertEquals("1.000", diceOf(back, "HEART"), "the county reads the same numbers");
            back.click("button", "下载 RTSTRUCT (R3)");
            Path file = downloads.resolve("RTSTRUCT-R3.dcm");
            back.await("the downloaded RTSTRUCT", d -> Files.exists(file) ? true : null);
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals("DICM".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(bytes, 128, 132));
            back.click("button", "下载审核报告 (PDF)");
            Path report = downloads.resolve("rt-review-zh-CN.pdf");
            back.await("the downloaded review report", d -> Files.exists(report) ? true : null);
            assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(Files.readAllBytes(report), 0, 4));
            back.screenshot("rt-approved");
        }
    }
}
