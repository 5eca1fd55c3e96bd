package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A consult's way through the browser app, in zh-CN as the county and the province use it: a county
 * clinician registers the patient and requests a consult with the CT uploaded from its folder while the
 * network is cut and restored; the case manager finds it first in the triage queue, accepts it, assigns
 * a radiation oncologist and a radiologist and schedules a board meeting chaired by the first; the
 * specialist finds the consult among his, with a notification, and the meeting he chairs, and reads the CT
 * in the viewer (slice, window preset, next slice).
 */
class ConsultWalkIT {

    static final Path CT = Path.of("dicom-samples/lung-phantom/CT");
    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-walk");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    static void signIn(Browser b, String username) {
        signIn(app, b, username);
    }

    /** Logs in through Keycloak's own page (zh-CN) at the app {@code on}. */
    static void signIn(WebApp on, Browser b, String username) {
        b.signIn(on.url("/"), username);
    }

    static void signOut(Browser b) {
        b.signOut();
    }

    /** About 400 kB/s up: the sample CT's 3.4 MB take seconds, so the link can drop while files are in flight. */
    static final int SLOW_LINK = 400 * 1024;

    /** The overall upload progress bar's value, percent. */
    static int overall(Browser b) {
        return b.driver.findElements(By.cssSelector("progress")).stream().findFirst()
                .map(p -> (int) Double.parseDouble(p.getDomProperty("value"))).orElse(0);
    }

    /**
     * What the server saw of the CT's upload (its audit of each completed tus upload): one upload per file,
     * each file's bytes received exactly once, and some files taken up again after the drop.
     */
    @SuppressWarnings("unchecked")
    static void noByteSentTwice(Instant since) throws Exception {
        List<Map<String, Object>> done = (List<Map<String, Object>>) RoomWalkIT.call(app.url(""), "platform.admin", "GET",
                "/api/audit?action=upload.complete&limit=500&from=" + since, null).get("items");
        List<String> details = done.stream().map(e -> e.get("detail").toString()).filter(d -> d.startsWith("CT/")).toList();
        assertEquals(96, details.size(), String.join("\n", details));
        Pattern line = Pattern.compile("CT/CT\\d{4}\\.dcm \\(dicom\\): (\\d+) bytes, (\\d+) received in (\\d+) requests(, resumed at \\[(.*)])? -> .*");
        int resumed = 0;
        for (String d : details) {
            Matcher m = line.matcher(d);
            assertTrue(m.matches(), d);
            assertEquals(m.group(1), m.group(2), "no byte sent twice: " + d);
            if (m.group(4) != null) {
                resumed++;
            }
        }
        System.out.println("upload resumption: " + resumed + " of 96 files resumed; "
                + details.stream().filter(d -> d.contains("resumed")).toList());
        assertTrue(resumed > 0, "some files were taken up again after the drop:\n" + String.join("\n", details));
    }

    /** A one-page PDF to attach. */
    static Path pathologyReport() throws Exception {
        Path dir = Files.createTempDirectory("consilium-attachment");
        return Files.write(dir.resolve("病理报告.pdf"),
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Another patient's consult, accepted (TRIAGED) over the API, to join the agenda; returns its id. */
    static String triagedConsult() {
        String base = app.url("");
        String patient = RoomWalkIT.call(base, "cx.doctor", "POST", "/api/patients",
                Map.of("localId", "AGENDA-" + System.nanoTime(), "name", "议程体模", "sex", "F")).get("id").toString();
        Map<String, Object> consult = RoomWalkIT.call(base, "cx.doctor", "POST", "/api/consults", Map.of("patientId", patient,
                "clinicalSummary", "左肺下叶磨玻璃结节 1.2 cm。", "question", "是否需要手术?", "urgency", "ROUTINE",
                "requestedDisciplines", List.of("surgery")));
        String id = consult.get("id").toString();
        RoomWalkIT.call(base, "cm.wang", "POST", "/api/consults/" + id + "/transitions",
                Map.of("action", "ACCEPT", "version", consult.get("version")));
        return id;
    }

    /** The agenda being planned, as its items read ("1. 肺部体模"). */
    static List<String> agenda(Browser b) {
        return b.driver.findElements(By.cssSelector(".agenda ol li span.grow")).stream().map(WebElement::getText).toList();
    }

    /** The consult ids on the agenda of the meeting with this title, in order. */
    static List<String> agendaOf(String title) {
        JsonPath meetings = given().baseUri(app.url("")).auth().oauth2(Tokens.of("cm.wang")).get("/api/meetings")
                .then().statusCode(200).extract().jsonPath();
        return meetings.getList("find { it.title == '" + title + "' }.agenda.consultId", String.class);
    }

    @Test
    void countyRequestWithUploadedCtIsTriagedAndAssignedAndReachesTheSpecialist() throws Exception {
        try (Browser b = new Browser()) {
            signIn(b, "cx.doctor");
            b.find("heading", "我的申请");
            b.click("link", "新建会诊申请");

            b.click("button", "新建患者");
            b.type("本院患者号", "PHANTOM-LUNG-001");
            b.type("姓名", "肺部体模");
            b.choose("性别", "男");
            b.click("button", "建档");
            b.find("button", "更换患者");

            b.type("病情摘要", "右肺上叶结节 2.1 cm,穿刺病理为腺癌,无远处转移。");
            b.type("会诊问题", "是否适合立体定向放疗?");
            b.choose("紧急程度", "加急");
            b.click("checkbox", "放射肿瘤科");
            b.type("原发部位", "右肺上叶");
            b.type("组织学类型", "腺癌");

            // a slow county link (Chrome's throttling) that drops midway through the upload and comes back: the
            // files in flight resume from the byte the server holds
            Instant started = Instant.now();
            b.network(false, SLOW_LINK);
            b.upload("上传影像文件夹(光盘或 PACS 导出)", CT);
            b.await("a quarter of the upload", d -> overall(b) >= 25 ? true : null);
            b.network(true, SLOW_LINK);
            b.awaitText("连接中断,稍后续传");
            b.screenshotHere("upload-interrupted");
            Thread.sleep(2000);
            b.network(false, SLOW_LINK);
            b.awaitText("总进度:已存 96 / 96 个文件", Duration.ofMinutes(3));
            b.network(false, 0);
            b.awaitText("已上传 1 个检查,提交时附上。");
            b.awaitText("断点续传");
            noByteSentTwice(started);
            b.screenshot("new-consult");
            b.click("button", "提交申请");

            b.find("heading", "会诊:肺部体模");
            b.awaitText("待分诊");
            b.awaitText("1.2.826.0.1.3680043.10.1453.2.1.1");

            // the pathology report, uploaded the same resumable way
            b.choose("附件类型", "病理报告");
            b.upload("上传附件(PDF 或图片)", pathologyReport());
            b.awaitText("总进度:已存 1 / 1 个文件");
            b.find("button", "病理报告.pdf");
            b.awaitText("病理报告 · ");
            signOut(b);
            String second = triagedConsult();

            signIn(b, "cm.wang");
            b.find("heading", "分诊队列");
            b.screenshot("triage-queue");
            b.click("link", "肺部体模");
            b.find("heading", "会诊:肺部体模");
            b.click("button", "受理");
            b.awaitText("已受理");
            b.choose("学科", "放射肿瘤科");
            b.click("button", "指派 李明");
            b.find("button", "移除 李明");
            b.choose("学科", "放射科");
            b.click("button", "指派 周婷");
            b.find("button", "移除 周婷");
            b.screenshot("consult-triaged");
            b.choose("主持专家", "李明");

            // the agenda: a second accepted consult added, dragged to the top, moved back down and up again
            // with the keyboard; the meeting keeps that order
            b.choose("加入议程", "议程体模 · 长兴县人民医院");
            b.click("button", "加入议程");
            assertEquals(List.of("1. 肺部体模", "2. 议程体模"), agenda(b));
            new Actions(b.driver).clickAndHold(b.find("button", "拖动 议程体模"))
                    .moveToElement(b.driver.findElement(By.xpath("//ol/li[span[contains(., '肺部体模')]]")))
                    .release().perform();
            b.await("the dragged order", d -> agenda(b).equals(List.of("1. 议程体模", "2. 肺部体模")) ? true : null);
            b.awaitText("议程体模 移到第 1 位");
            // from the keyboard: Tab from the item's handle to its move-down button; after the move the focus
            // stays on the item (its move-up button, move-down being disabled at the end)
            b.driver.executeScript("arguments[0].focus()", b.find("button", "拖动 议程体模"));
            b.tabTo("下移 议程体模").sendKeys(Keys.ENTER);
            b.await("the order after moving down", d -> agenda(b).equals(List.of("1. 肺部体模", "2. 议程体模")) ? true : null);
            b.tabTo("上移 议程体模").sendKeys(Keys.ENTER);
            b.await("the order after moving up", d -> agenda(b).equals(List.of("1. 议程体模", "2. 肺部体模")) ? true : null);
            b.screenshot("schedule-agenda");
            b.click("button", "安排会议并发送邀请");
            b.awaitText("已安排:MDT:肺部体模");
            b.awaitText("已排期");
            assertEquals(List.of(second), agendaOf("MDT:肺部体模").subList(0, 1), "the dragged consult comes first");
            signOut(b);

            signIn(b, "dr.li");
            b.find("heading", "我的会诊");
            b.find("link", "肺部体模");
            String bell = b.await("a notification", d -> d.findElements(By.cssSelector(".notifications button")).stream()
                    .map(e -> e.getAccessibleName()).filter(n -> !n.contains("(0 ")).findFirst().orElse(null));
            assertTrue(bell.startsWith("通知("), bell);
            b.click("button", bell);
            b.find("region", "未读通知");
            b.screenshot("specialist-consults");
            b.click("button", bell);

            b.click("link", "会诊会议");
            b.find("heading", "会诊会议");
            b.awaitText("MDT:肺部体模");
            b.awaitText("由您主持");
            b.screenshot("meetings");
            b.click("link", "我的会诊");

            // the CT in the viewer (cornerstone3D over our DICOMweb with the specialist's token)
            b.click("link", "肺部体模");
            b.click("link", "阅片");
            b.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            b.click("button", "肺窗");
            b.awaitText("窗宽 1500 窗位 -600");
            b.click("button", "下一层");
            b.awaitText("第 50 / 96 层");
            b.screenshot("viewer");
            assertFalse(b.driver.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(e -> e.isDisplayed()),
                    "no error on the specialist's screen");
        }
    }
}
