package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A board meeting's live room in two browsers, in zh-CN: the case manager starts the session and presents
 * the case; the chair (李明) and a radiologist (周婷) are in the room and see each other; they talk in the
 * chat; the chair presents with "follow me" and the radiologist's viewer follows his slice and window; his
 * length, ellipse, freehand ROI, arrow and text label appear in her room with his name; she takes his length's
 * lease and changes it while he sees who is editing it and cannot take it; her browser goes offline and comes back to the chat she missed;
 * both vote; the chair drafts the structured recommendation, she gives her opinion, he finalises it, both
 * sign and the signed opinion PDF opens; the replay's timeline shows the measurement appearing at its
 * moment. The consult itself is requested and triaged over the API (ConsultWalkIT walks that part).
 */
class RoomWalkIT {

    static final Path CT = Path.of("dicom-samples/lung-phantom/CT");
    static final String STUDY = "1.2.826.0.1.3680043.10.1453.2.1.1";
    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-room");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void twoSpecialistsShareTheRoomFollowTheChairVoteAndSignTheRecommendation() throws Exception {
        Scheduled scheduled = scheduledMeeting("会诊室演练:肺部体模");
        String title = scheduled.title();
        try (Browser a = new Browser(); Browser b = new Browser()) {
            // the case manager starts the session and presents the case
            ConsultWalkIT.signIn(app, a, "cm.wang");
            a.click("link", "会诊会议");
            a.click("button", "开始会诊:" + title);
            a.find("heading", "会诊室");
            a.awaitText("已连接");
            a.click("button", "展示病例 1");
            a.awaitText("正在展示");
            ConsultWalkIT.signOut(a);

            // the chair and the radiologist enter the room
            ConsultWalkIT.signIn(app, a, "dr.li");
            a.click("link", "会诊会议");
            a.click("link", "进入会诊室:" + title);
            ConsultWalkIT.signIn(app, b, "dr.zhou");
            b.click("link", "会诊会议");
            b.click("link", "进入会诊室:" + title);
            for (Browser x : List.of(a, b)) {
                x.awaitText("已连接");
                x.awaitText("在场(2)");
                x.awaitText("李明 · 主持");
                x.awaitText("周婷 · 专家");
                x.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            }

            // chat both ways
            say(a, "请看右肺上叶结节");
            b.awaitText("请看右肺上叶结节");
            b.tabTo("发言").sendKeys("边缘有毛刺", Keys.ENTER); // keyboard only
            a.awaitText("边缘有毛刺");

            // follow me: the chair's slice and window on the radiologist's screen
            a.click("button", "开始演示(跟随我)");
            a.awaitText("您在演示");
            b.awaitText("李明 在演示");
            a.click("button", "下一层");
            a.click("button", "下一层");
            a.awaitText("第 51 / 96 层");
            b.awaitText("第 51 / 96 层");
            a.click("button", "肺窗");
            b.awaitText("窗宽 1500 窗位 -600");

            // a length measured by the chair appears in the radiologist's room with his name
            a.click("button", "长度");
            WebElement canvas = a.find("application", "影像(方向键翻层)");
            new Actions(a.driver).moveToElement(canvas, -60, -20).clickAndHold().moveByOffset(40, 10).moveByOffset(40, 10)
                    .release().perform();
            a.awaitText("标注(1)");
            b.awaitText("标注(1)");
            String measured = text(b, "本室标注");
            assertTrue(measured.matches("(?s)李明: 长度 \\d+\\.\\d mm.*"), measured);
            a.click("button", "椭圆 ROI");
            new Actions(a.driver).moveToElement(canvas, 60, 30).clickAndHold().moveByOffset(15, 10).moveByOffset(15, 10)
                    .release().perform();
            b.awaitText("标注(2)");
            String both = text(b, "本室标注");
            assertTrue(both.matches("(?s).*李明: 椭圆 \\d+\\.\\d mm².*"), both);

            // a freehand ROI traced round and closed, an arrow and a text label with words typed first
            a.click("button", "自由 ROI");
            Actions trace = new Actions(a.driver).moveToElement(canvas, -110, 40).clickAndHold();
            for (int[] step : new int[][] {{15, 0}, {15, 0}, {15, 0}, {0, 15}, {0, 15}, {-15, 0}, {-15, 0}, {-15, 0}, {0, -15}, {0, -13}}) {
                trace = trace.moveByOffset(step[0], step[1]);
            }
            trace.release().perform();
            b.awaitText("标注(3)");
            a.type("标注文字", "可疑结节");
            a.click("button", "箭头标注");
            new Actions(a.driver).moveToElement(canvas, 100, -60).clickAndHold().moveByOffset(15, 15).moveByOffset(15, 15)
                    .release().perform();
            b.awaitText("标注(4)");
            a.click("button", "文字标注");
            new Actions(a.driver).moveToElement(canvas, -100, -90).click().perform();
            b.awaitText("标注(5)");
            String all = text(b, "本室标注");
            assertTrue(all.matches("(?s).*李明: 多边形 \\d+\\.\\d mm².*"), all);
            assertTrue(all.contains("李明: 箭头 ") && all.contains("\"可疑结节\""), all);
            assertTrue(all.contains("李明: 文字 \"可疑结节\""), all);

            // the radiologist takes the chair's length to edit it (its lease): he sees who holds it and cannot
            // take it meanwhile; her change reaches him, and once she is done it is free again
            a.click("button", "窗宽窗位");
            String length = lengthOf(firstLine(a, "本室标注"));
            b.click("button", "编辑标注 1");
            b.find("button", "完成编辑标注 1");
            a.awaitText("周婷 正在编辑");
            assertTrue(!a.find("button", "编辑标注 1").isEnabled(), "the chair cannot take what the radiologist holds");
            // the length's start (its left end: the measurement's text box sits at the right end and would be
            // dragged instead) as her viewer draws it (cornerstone's SVG line), from the centre of her image
            b.driver.executeScript("window.scrollTo(0, 0)"); // the edit button's click scrolled her page down
            WebElement her = b.find("application", "影像(方向键翻层)");
            String lengthId = b.driver.findElement(By.cssSelector("li[data-annotation-id]")).getDomAttribute("data-annotation-id");
            WebElement line = b.driver.findElement(By.cssSelector("line[data-id='" + lengthId + "-line']"));
            // Selenium offsets from the element's in-view centre: the image may reach below the window
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) b.driver.executeScript(
                    "const [el, line] = arguments; const r = el.getBoundingClientRect();"
                            + "const cx = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;"
                            + "const cy = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;"
                            + "const svg = line.ownerSVGElement.getBoundingClientRect();"
                            + "return [svg.left + line.x1.baseVal.value - cx, svg.top + line.y1.baseVal.value - cy];", her, line);
            int endX = (int) Math.round(at.get(0).doubleValue());
            int endY = (int) Math.round(at.get(1).doubleValue());
            new Actions(b.driver).moveToElement(her, endX, endY).clickAndHold().moveByOffset(-10, 8).moveByOffset(-10, 7)
                    .release().perform();
            try {
                a.await("the radiologist's change of the length", d -> firstLine(a, "本室标注").contains("周婷 修改") ? true : null);
            } catch (AssertionError e) {
                throw new AssertionError("her screen:\n" + b.driver.findElement(By.tagName("body")).getText()
                        + "\nher console:\n" + b.console() + "\nthe drag started at " + endX + "," + endY, e);
            }
            String changed = lengthOf(firstLine(a, "本室标注"));
            assertTrue(!changed.equals(length), "the length was " + length + " and is " + changed);
            a.screenshot("room-lease-held");
            b.click("button", "完成编辑标注 1");
            a.await("the lease given back", d -> a.find("button", "编辑标注 1").isEnabled() ? true : null);
            assertTrue(!text(a, "本室标注").contains("正在编辑"), text(a, "本室标注"));
            a.screenshot("room-chair");
            b.screenshot("room-specialist");
            List<String> problems = new ArrayList<>();
            check(a, "room (chair)", problems);
            check(b, "room (specialist)", problems);

            // the radiologist's link drops; what was said meanwhile reaches her when it is back
            b.offline(true);
            b.awaitText("连接中断,正在重连…");
            say(a, "离线期间的消息");
            a.awaitText("离线期间的消息");
            assertTrue(!b.driver.findElement(By.tagName("body")).getText().contains("离线期间的消息"));
            b.offline(false);
            b.awaitText("离线期间的消息", Duration.ofSeconds(45));
            b.awaitText("已连接");
            b.awaitText("标注(5)");

            // votes
            a.click("button", "同意");
            b.click("button", "反对");
            a.awaitText("周婷:反对");
            b.click("button", "同意");
            for (Browser x : List.of(a, b)) {
                x.awaitText("同意 2 · 反对 0 · 弃权 0");
            }

            // the recommendation: drafted by the chair, an opinion, finalised, signed by both, PDF
            a.type("T 分期", "cT1c");
            a.type("N 分期", "cN0");
            a.type("M 分期", "cM0");
            a.type("临床分期", "IA2");
            a.choose("第 1 项治疗", "放疗");
            a.type("第 1 项说明", "SBRT 54 Gy / 3 次");
            a.type("理由", "周围型小结节,肺功能差,拒绝手术。");
            a.click("button", "增加随访要求");
            a.type("第 1 项随访", "SBRT 后 3 个月复查胸部 CT");
            a.click("button", "保存意见草案");
            a.awaitText("AJCC"); // the server's stage check, shown inline: T1c N0 M0 is IA3
            a.type("临床分期", "IA3");
            a.click("button", "保存意见草案");
            a.find("button", "定稿");
            b.click("button", "刷新意见");
            b.awaitText("cT1c cN0 cM0, IA3");
            b.choose("我的意见", "同意");
            b.type("说明", "影像支持周围型");
            b.click("button", "提交我的意见");
            b.awaitText("周婷: 同意 — 影像支持周围型");
            a.click("button", "刷新意见");
            a.click("button", "定稿");
            a.awaitText("已定稿,待签署");
            a.click("button", "签署会诊意见");
            a.awaitText("李明 已签署");
            b.click("button", "刷新意见");
            b.click("button", "签署会诊意见");
            b.find("button", "打开会诊意见书(PDF)");
            b.awaitText("周婷 已签署");
            b.awaitText("SBRT 后 3 个月复查胸部 CT（签署后 28 天）");
            b.screenshot("room-signed");
            // the board's follow-up joined the patient's follow-up schedule, kept by the requesting county doctor
            assertEquals(List.of("SBRT 后 3 个月复查胸部 CT"), boardVisits(scheduled.consultId()));
            int tabs = b.driver.getWindowHandles().size();
            b.click("button", "打开会诊意见书(PDF)");
            b.await("the PDF in a new tab", d -> d.getWindowHandles().size() > tabs ? true : null);
            String main = b.driver.getWindowHandle();
            for (String h : b.driver.getWindowHandles()) {
                if (!h.equals(main)) {
                    b.driver.switchTo().window(h);
                }
            }
            b.await("the PDF's blob URL", d -> d.getCurrentUrl().startsWith("blob:") ? true : null);
            b.driver.close();
            b.driver.switchTo().window(main);

            // replay: the measurement appears at its moment on the timeline
            a.click("link", "回放");
            a.find("heading", "会诊回放");
            WebElement timeline = a.driver.findElement(By.cssSelector("input[type=range]"));
            assertEquals("时间轴", timeline.getAccessibleName().trim());
            timeline.sendKeys(Keys.HOME);
            a.awaitText("标注(0)");
            a.awaitText("开始之前");
            int steps = 0;
            while (!a.driver.findElement(By.tagName("body")).getText().contains("标注(1)") && steps++ < 200) {
                timeline.sendKeys(Keys.ARROW_RIGHT);
            }
            a.awaitText("标注(1)");
            a.awaitText("李明:annotation.created");
            a.screenshot("replay");
            timeline.sendKeys(Keys.END);
            a.awaitText("离线期间的消息");
            check(a, "replay", problems);

            // the radiologist reads the room and its replay in English
            b.click("button", "English");
            b.awaitText("Connected");
            b.awaitText("Present (1)"); // the chair is at the replay
            b.awaitText("Nobody is presenting."); // follow-me waits for its presenter to come back
            b.awaitText("Agree 2 · Disagree 0 · Abstain 0");
            b.awaitText("Signed");
            b.find("button", "Open the opinion document (PDF)");
            check(b, "room (English)", problems);
            b.click("link", "Replay");
            b.find("heading", "Session replay");
            b.awaitText("Annotations (5)");
            check(b, "replay (English)", problems);
            b.click("button", "中文");
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void theMainScreensHaveNoSeriousAccessibilityOrContentSecurityViolationsInEitherLanguage() throws Exception {
        String csp = given().get(app.url("/queue")).then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "policy: " + csp);
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser()) {
            ConsultWalkIT.signIn(app, b, "cm.wang");
            b.find("heading", "分诊队列");
            checkQuiet(b, "triage queue", problems);
            for (String screen : List.of("全部会诊", "新建会诊申请", "会诊会议")) {
                b.click("link", screen);
                checkQuiet(b, screen, problems);
            }
            b.click("button", "English");
            for (String screen : List.of("Board meetings", "Triage queue", "New consult request")) {
                b.click("link", screen);
                checkQuiet(b, screen, problems);
            }
            b.find("heading", "New consult request");
            b.click("button", "中文");
            ConsultWalkIT.signOut(b);
            ConsultWalkIT.signIn(app, b, "cx.doctor");
            b.find("heading", "我的申请");
            checkQuiet(b, "my requests", problems);
            ConsultWalkIT.signOut(b);

            // the platform admin's pages: the alliance, a hospital's AEs and staff, forwarding, the audit trail
            ConsultWalkIT.signIn(app, b, "platform.admin");
            b.click("link", "医院");
            b.find("heading", "医联体医院");
            checkQuiet(b, "hospitals", problems);
            b.click("link", "长兴县人民医院");
            b.find("heading", "DICOM 节点(AE)");
            b.awaitText("钱进");
            checkQuiet(b, "hospital", problems);
            b.click("link", "转发任务");
            b.find("heading", "转发任务");
            checkQuiet(b, "forwarding", problems);
            b.click("link", "审计日志");
            b.find("heading", "审计日志");
            b.type("操作", "live.join");
            b.click("button", "查询");
            b.click("button", "校验哈希链");
            b.awaitText("哈希链完整");
            b.screenshot("audit");
            checkQuiet(b, "audit", problems);
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The walk in English: log-in through Keycloak's English page, the county's worklist, a new request with a
     * patient registered, the consult it became, and (as the radiologist) the live room with its viewer. No
     * string of the app's Chinese dictionaries shows on any of those screens, and the page says it is English.
     */
    @Test
    void theWalkInEnglishShowsNoChineseStringOfTheApp() throws Exception {
        Set<String> chinese = chineseStrings();
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.open(app.url("/"));
            b.click("button", "English");
            signInInEnglish(b, "cx.doctor");
            b.find("heading", "My requests");
            leaks(b, "my requests", chinese, problems);
            b.click("link", "New consult request");
            b.find("heading", "New consult request");
            leaks(b, "new request", chinese, problems);
            b.click("button", "Register a new patient");
            b.type("Local patient ID", "EN-WALK-" + System.nanoTime());
            b.type("Name", "Lung Phantom");
            b.choose("Sex", "Male");
            b.click("button", "Register patient");
            b.find("button", "Change patient");
            b.type("Clinical summary", "Right upper lobe nodule, 2.1 cm, adenocarcinoma on biopsy.");
            b.type("Question for the board", "Is SBRT suitable?");
            b.choose("Urgency", "Urgent");
            b.click("checkbox", "Radiation oncology");
            leaks(b, "new request, filled", chinese, problems);
            b.screenshot("new-consult-en");
            b.click("button", "Submit request");
            b.find("heading", "Consult: Lung Phantom");
            leaks(b, "the consult", chinese, problems);
            b.click("button", "Sign out");
            b.find("button", "Sign in");

            Scheduled room = scheduledMeeting("Board walk in English");
            openAndPresent(room);
            signInInEnglish(b, "dr.zhou");
            b.click("link", "Board meetings");
            b.find("heading", "Board meetings");
            leaks(b, "board meetings", chinese, problems);
            b.click("link", "Enter the room: Board walk in English");
            b.find("heading", "Consult room");
            b.awaitText("Connected");
            b.awaitText("Slice 49 of 96", Duration.ofMinutes(1));
            leaks(b, "the room", chinese, problems);
            b.screenshot("room-en");
            assertEquals("en", b.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            b.click("button", "中文");
        }
        assertEquals(List.of(), problems);
    }

    /** Signs in from the app's English sign-in page through Keycloak's English log-in. */
    static void signInInEnglish(Browser b, String username) {
        b.click("button", "Sign in");
        SignInIT.keycloakLogIn(b, username, "Username or email", "Password", "Sign In");
        b.find("button", "Sign out");
    }

    /** The case manager opens the meeting's session and presents its consult, over the API. */
    static void openAndPresent(Scheduled room) {
        call(app.url(""), "cm.wang", "POST", "/api/meetings/" + room.meetingId() + "/session/open", Map.of());
        call(app.url(""), "cm.wang", "PUT", "/api/meetings/" + room.meetingId() + "/session/presenting",
                Map.of("consultId", room.consultId()));
    }

    /**
     * Every run of Chinese characters (two or more) in the app's zh-CN dictionaries, with placeholders cut out:
     * what would show if a screen fell back to Chinese or a string were left untranslated.
     */
    static Set<String> chineseStrings() throws IOException {
        Set<String> out = new TreeSet<>();
        Pattern run = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]{2,}");
        try (Stream<Path> files = Files.walk(Path.of("src/main/webui/src/i18n"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("zh-CN.json")).toList()) {
                Map<String, String> dict = new com.fasterxml.jackson.databind.ObjectMapper().readValue(f.toFile(),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
                for (String v : dict.values()) {
                    Matcher m = run.matcher(v.replaceAll("\\{[^}]*}", " "));
                    while (m.find()) {
                        if (m.group().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                            out.add(m.group());
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The app's Chinese strings on the screen shown now, apart from the data (people's and hospitals' names)
     * and the language switch's own "中文".
     */
    static void leaks(Browser b, String screen, Set<String> chinese, List<String> problems) {
        b.await("the screen to load", d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty() ? true : null);
        String text = b.driver.findElement(By.tagName("body")).getText();
        for (String data : List.of("会诊室演练:肺部体模", "肺部体模", "议程体模", "中文", "钱进", "李明", "周婷", "王芳", "长兴县人民医院",
                "浙江省肿瘤医院")) {
            text = text.replace(data, " ");
        }
        for (String s : chinese) {
            if (text.contains(s)) {
                problems.add(screen + ": '" + s + "'");
            }
        }
    }

    /** axe-core's serious and critical findings and the CSP violations of the screen shown now. */
    static void check(Browser b, String screen, List<String> problems) throws IOException {
        b.await("the screen to load", d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty() ? true : null);
        b.seriousAccessibilityViolations().forEach(v -> problems.add(screen + ": " + v));
        b.violations().forEach(v -> problems.add(screen + ": CSP " + v));
    }

    /** The above, and no error in the browser console since the last look (a failed request, a script error). */
    static void checkQuiet(Browser b, String screen, List<String> problems) throws IOException {
        check(b, screen, problems);
        b.console().lines().filter(l -> l.startsWith("SEVERE")).forEach(l -> problems.add(screen + ": console " + l));
    }

    /** Says something in the room's chat. */
    private static void say(Browser b, String text) {
        b.type("发言", text);
        b.click("button", "发送");
    }

    /** The first item of the list labelled {@code listLabel}. */
    private static String firstLine(Browser b, String listLabel) {
        return text(b, listLabel).lines().findFirst().orElse("");
    }

    /** The length in "李明: 长度 23.5 mm …". */
    private static String lengthOf(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("长度 (\\d+\\.\\d) mm").matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    private static String text(Browser b, String listLabel) {
        return b.driver.findElements(By.cssSelector("ul")).stream()
                .filter(e -> listLabel.equals(e.getAccessibleName().trim())).findFirst().map(WebElement::getText).orElse("");
    }

    /**
     * The county's CT in the archive and a consult on it, accepted, with a radiation oncologist (李明, the
     * chair) and a radiologist (周婷) assigned and a board meeting scheduled for now; returns its title.
     */
    record Scheduled(String title, String meetingId, String consultId) {
    }

    static Scheduled scheduledMeeting(String title) throws IOException {
        String base = app.url("");
        stow(base, Tokens.of("cx.doctor"));
        // the phantom's patient, registered here or already by ConsultWalkIT on the same stack
        List<?> found = (List<?>) call(base, "cx.doctor", "GET", "/api/patients?localId=PHANTOM-LUNG-001", null).get("items");
        String patient = found.isEmpty()
                ? call(base, "cx.doctor", "POST", "/api/patients",
                        Map.of("localId", "PHANTOM-LUNG-001", "name", "肺部体模", "sex", "M")).get("id").toString()
                : ((Map<?, ?>) found.get(0)).get("id").toString();
        Map<String, Object> consult = call(base, "cx.doctor", "POST", "/api/consults", Map.of("patientId", patient,
                "clinicalSummary", "右肺上叶结节 2.1 cm,穿刺病理为腺癌。", "question", "是否适合立体定向放疗?",
                "urgency", "URGENT", "requestedDisciplines", List.of("radiation-oncology"), "studyUids", List.of(STUDY)));
        String id = consult.get("id").toString();
        call(base, "cm.wang", "POST", "/api/consults/" + id + "/transitions",
                Map.of("action", "ACCEPT", "version", consult.get("version")));
        String li = call(base, "dr.li", "GET", "/api/me", null).get("id").toString();
        String zhou = call(base, "dr.zhou", "GET", "/api/me", null).get("id").toString();
        call(base, "cm.wang", "POST", "/api/consult-queue/" + id + "/assignments",
                Map.of("userId", li, "discipline", "radiation-oncology"));
        call(base, "cm.wang", "POST", "/api/consult-queue/" + id + "/assignments",
                Map.of("userId", zhou, "discipline", "radiology"));
        Instant now = Instant.now();
        Map<String, Object> meeting = call(base, "cm.wang", "POST", "/api/meetings", Map.of("title", title, "startsAt", now.toString(),
                "endsAt", now.plus(Duration.ofHours(1)).toString(), "chairId", li, "consultIds", List.of(id),
                "inviteeIds", List.of(zhou)));
        return new Scheduled(title, meeting.get("id").toString(), id);
    }

    /** The titles of the visits the consult's board added to the requesting doctor's follow-up schedules. */
    @SuppressWarnings("unchecked")
    private static List<String> boardVisits(String consultId) {
        String base = app.url("");
        List<String> titles = new ArrayList<>();
        for (Object s : (List<?>) call(base, "cx.doctor", "GET", "/api/registry/follow-up-schedules?limit=200", null)
                .get("items")) {
            for (Object v : (List<?>) ((Map<String, Object>) s).get("visits")) {
                Map<String, Object> visit = (Map<String, Object>) v;
                if (consultId.equals(visit.get("consultId"))) {
                    titles.add((String) visit.get("title"));
                }
            }
        }
        return titles;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(String base, String user, String method, String path, Object body) {
        var request = given().baseUri(base).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        var response = request.request(method, path);
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.asString());
        return response.as(Map.class);
    }

    private static void stow(String base, String token) throws IOException {
        String boundary = "room-walk";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(CT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(Files.readAllBytes(p));
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        int status = given().baseUri(base).auth().oauth2(token)
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body.toByteArray()).post("/dicomweb/studies").statusCode();
        assertTrue(status == 200 || status == 202, "STOW-RS answered " + status);
    }
}
