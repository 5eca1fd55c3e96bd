package org.consilium.webui;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The browser app's benchmarks (issue 22), in headless Chromium against the packaged server, printing their
 * figures (docs/performance.md). Not part of the IT run: {@code bench/webui} runs it with
 * {@code -Dit.test=WebuiBench}.
 * <ul>
 *   <li>the JavaScript (gzip) a browser loads before it enters a room: every script the main screens load,
 *       fetched again and gzipped (target ≤ 250 kB);</li>
 *   <li>an annotation drawn in one browser until it is drawn in another: 100 lengths drawn by the chair, each
 *       timed from the moment his viewer sends it ({@code performance.mark('consilium:annotation:sent:<id>')})
 *       to the moment the radiologist's viewer draws it ({@code …:drawn:<id>}), both on this machine's clock
 *       (p95 target ≤ 250 ms).</li>
 * </ul>
 */
class WebuiBench {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-bench");
        RoomWalkIT.app = app;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void appShellJavaScriptBeforeARoom() throws Exception {
        try (Browser b = new Browser()) {
            ConsultWalkIT.signIn(app, b, "cm.wang");
            b.find("heading", "分诊队列");
            for (String screen : List.of("全部会诊", "新建会诊申请", "会诊会议", "分诊队列")) {
                b.click("link", screen);
            }
            @SuppressWarnings("unchecked")
            List<String> scripts = (List<String>) b.driver.executeScript("return performance.getEntriesByType('resource')"
                    + ".map(e => e.name).concat([...document.scripts].map(s => s.src)).filter(n => /\\.m?js(\\?|$)/.test(n))");
            HttpClient http = HttpClient.newHttpClient();
            long raw = 0;
            long gzip = 0;
            for (String url : new TreeSet<>(scripts)) {
                byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                long z = gzipped(body);
                System.out.printf("BENCH shell script %s: %d bytes, %d gzip%n", url.replaceAll(".*/", ""), body.length, z);
                raw += body.length;
                gzip += z;
            }
            System.out.printf("BENCH app shell JavaScript before a room: %d scripts, %.1f kB, %.1f kB gzip (target <= 250 kB gzip): %s%n",
                    new TreeSet<>(scripts).size(), raw / 1024.0, gzip / 1024.0, gzip <= 250 * 1024 ? "met" : "NOT met");
        }
    }

    @Test
    void annotationDrawnInOneBrowserUntilDrawnInAnother() throws Exception {
        String title = "标注时延基准";
        RoomWalkIT.Scheduled room = RoomWalkIT.scheduledMeeting(title);
        RoomWalkIT.openAndPresent(room);
        try (Browser a = new Browser(); Browser b = new Browser()) {
            for (var x : List.of(Map.entry(a, "dr.li"), Map.entry(b, "dr.zhou"))) {
                ConsultWalkIT.signIn(app, x.getKey(), x.getValue());
                x.getKey().click("link", "会诊会议");
                x.getKey().click("link", "进入会诊室:" + title);
            }
            for (Browser x : List.of(a, b)) {
                x.awaitText("已连接");
                x.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            }
            a.click("button", "长度");
            WebElement canvas = a.find("application", "影像(方向键翻层)");
            int n = 100;
            for (int i = 0; i < n; i++) {
                int x = -135 + (i % 10) * 27;
                int y = -135 + (i / 10) * 27;
                new Actions(a.driver).moveToElement(canvas, x, y).clickAndHold().moveByOffset(8, 5).moveByOffset(8, 5)
                        .release().perform();
            }
            b.awaitText("标注(" + n + ")", Duration.ofMinutes(2));
            Map<String, Double> sent = marks(a, "consilium:annotation:sent:");
            Map<String, Double> drawn = marks(b, "consilium:annotation:drawn:");
            List<Double> latencies = new ArrayList<>();
            for (var e : sent.entrySet()) {
                Double d = drawn.get(e.getKey());
                if (d != null) {
                    latencies.add(d - e.getValue());
                }
            }
            latencies.sort(Double::compare);
            double p95 = latencies.get((int) Math.ceil(0.95 * latencies.size()) - 1);
            System.out.printf("BENCH annotation drawn in one browser until drawn in another: %d of %d timed, p50 %.0f ms, "
                            + "p95 %.0f ms, max %.0f ms (target p95 <= 250 ms): %s; load average %s%n",
                    latencies.size(), sent.size(), latencies.get(latencies.size() / 2), p95,
                    latencies.get(latencies.size() - 1), p95 <= 250 ? "met" : "NOT met",
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        }
    }

    /** The page's User Timing marks with this prefix, by the rest of their name, as epoch milliseconds. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> marks(Browser b, String prefix) {
        Map<String, Object> raw = (Map<String, Object>) b.driver.executeScript(
                "const out = {}; for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith(arguments[0]))"
                        + " out[m.name.slice(arguments[0].length)] = performance.timeOrigin + m.startTime; return out;", prefix);
        Map<String, Double> out = new java.util.HashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    static long gzipped(byte[] body) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.size();
    }
}
