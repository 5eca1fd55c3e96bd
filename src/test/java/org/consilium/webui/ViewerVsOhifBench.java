package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.consilium.archive.Stow;
import org.consilium.bench.SyntheticCtStudy;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's viewer benchmark (not a test: no *IT name; {@code bench/webui-ohif/run} runs it): our viewer
 * against OHIF 3 (the built {@code dist/} of {@code @ohif/app} 3.13.2 with its default settings, served as
 * static files) reading the same series from Orthanc's DICOMweb, in the same headless Chromium, one page at a
 * time, for the sample CT (96 slices) and a synthetic 300-slice 512×512 CT ({@link SyntheticCtStudy}).
 *
 * <p>Each navigation starts with the browser's HTTP cache cleared (both apps' code and the images come from
 * their servers again, as on a first visit; a new page also starts with an empty cornerstone cache) and is
 * timed from navigation start ({@code performance.timeOrigin}) to
 * <ul>
 *   <li><b>first image</b>: the viewport's first {@code IMAGE_RENDERED} with an image of the series in it.
 *       Ours: the User Timing mark {@code consilium:viewer:first-image} its viewer sets; OHIF: the first
 *       {@code CORNERSTONE_IMAGE_RENDERED} event on a cornerstone element whose viewport holds an image
 *       ({@code getCornerstoneImage()}), heard by a capturing listener on the document;</li>
 *   <li><b>whole series</b>: every image of the series shown decoded into cornerstone's cache. Ours: the mark
 *       {@code consilium:viewer:series-cached} (set on the {@code IMAGE_LOADED} event of the series' last image
 *       to arrive); OHIF: the latest {@code IMAGE_LOADED} event (cornerstone's {@code eventTarget}, which OHIF
 *       exposes as {@code window.cornerstone}) among the image IDs of the stack it shows, once
 *       {@code cache.isLoaded} holds for all of them.</li>
 * </ul>
 * Our viewer's user (the county doctor who sent the study, signed in through Keycloak once) opens the consult's
 * images page; OHIF opens {@code /viewer?StudyInstanceUIDs=…}. Rounds alternate which viewer goes first; the
 * medians are printed with the ratio OHIF / ours (above 1: ours is faster).
 */
class ViewerVsOhifBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final Path DIST = Path.of(System.getProperty("bench.ohif-dist",
            "bench/webui-ohif/node_modules/@ohif/app/dist"));
    private static final Path CONFIG = Path.of(System.getProperty("bench.ohif-config", "bench/webui-ohif/app-config.js"));
    private static final Path WORK = Path.of("target/viewer-vs-ohif");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /**
     * What OHIF's page records, installed before its scripts run (only on OHIF's origin); on both, a resource
     * timing buffer large enough for a 300-slice series' requests (for the REQUESTS lines only).
     */
    private static final String OHIF_PROBE = """
            performance.setResourceTimingBufferSize(5000);
            if (location.origin === '%s') {
              const t = window.__bench = { first: null, loaded: {} };
              document.addEventListener('CORNERSTONE_IMAGE_RENDERED', (e) => {
                if (t.first !== null || !window.cornerstone) return;
                const vp = window.cornerstone.getEnabledElement(e.target)?.viewport;
                if (vp?.getCornerstoneImage?.()) t.first = performance.now();
              }, true);
              const attach = () => {
                if (!window.cornerstone?.eventTarget) { setTimeout(attach, 5); return; }
                window.cornerstone.eventTarget.addEventListener('CORNERSTONE_IMAGE_LOADED',
                  (e) => { t.loaded[e.detail.image.imageId] = performance.now(); });
              };
              attach();
            }""";

    /** OHIF's figures once the series is whole: [first image, whole series, images], else null. */
    private static final String OHIF_READY = """
            const t = window.__bench, cs = window.cornerstone;
            if (!t || t.first === null || !cs) return null;
            const vp = cs.getRenderingEngines().flatMap((e) => e.getViewports()).find((v) => v.getImageIds?.().length > 0);
            if (!vp) return null;
            const ids = vp.getImageIds();
            if (!ids.every((id) => cs.cache.isLoaded(id) && t.loaded[id] !== undefined)) return null;
            return [t.first, Math.max(...ids.map((id) => t.loaded[id])), ids.length];""";

    /** Ours, from its marks: [first image, whole series, images], else null. */
    private static final String OURS_READY = """
            const f = performance.getEntriesByName('consilium:viewer:first-image')[0];
            const s = performance.getEntriesByName('consilium:viewer:series-cached')[0];
            return f && s ? [f.startTime, s.startTime, s.detail.images] : null;""";

    record Series(String name, String studyUid, List<Path> files) {
    }

    /** One visit's figures, and its requests (for the log: where the time before the first image went). */
    record Timing(double firstImage, double wholeSeries, int images, String requests) {
    }

    /** The page's requests before its first image, as "start-end path" (ms after navigation start), frames summed up. */
    private static final String REQUESTS = """
            const first = arguments[0];
            const all = performance.getEntriesByType('resource');
            const frames = all.filter((e) => e.name.includes('/frames/'));
            const rows = all.filter((e) => e.startTime < first && !e.name.includes('/frames/'))
              .map((e) => Math.round(e.startTime) + '-' + Math.round(e.responseEnd) + ' '
                + e.name.replace(/^https?:[/][/][^/]+/, '').slice(0, 100));
            if (frames.length) rows.push(frames.length + ' frame requests, the first ' + Math.round(frames[0].startTime) + '-'
              + Math.round(frames[0].responseEnd) + ', the last ending at ' + Math.round(Math.max(...frames.map((e) => e.responseEnd))));
            const nav = performance.getEntriesByType('navigation')[0];
            return ['document 0-' + Math.round(nav.responseEnd) + ', DOMContentLoaded at ' + Math.round(nav.domContentLoadedEventEnd)]
              .concat(rows, performance.getEntriesByType('mark').filter((m) => m.startTime <= first)
                .map((m) => 'mark ' + m.name + ' at ' + Math.round(m.startTime)), ['first image at ' + Math.round(first)])
              .join('\\n  ');""";

    @Test
    void firstImageAndWholeSeriesAgainstOhif() throws Exception {
        assertTrue(Files.isRegularFile(DIST.resolve("index.html")), "no OHIF dist at " + DIST + ": run bench/webui-ohif/run");
        List<String> report = new ArrayList<>();
        String loadBefore = load();
        try (WebApp app = WebApp.start("viewer-ohif-bench");
                Orthanc orthanc = Orthanc.start(WORK.resolve("orthanc"));
                OhifServer ohif = OhifServer.start(DIST, CONFIG, orthanc.dicomWeb());
                Browser b = new Browser("--disable-web-security")) {
            List<Series> all = List.of(series("sample CT", Path.of("dicom-samples/lung-phantom/CT")),
                    series("synthetic CT", synthetic(300)));
            Map<String, String> consults = new java.util.HashMap<>();
            for (Series s : all) {
                orthanc.store(s.files());
                for (int i = 0; i < s.files().size(); i += 50) {
                    Stow.bytes(app.url(""), Tokens.of("cx.doctor"),
                            s.files().subList(i, Math.min(s.files().size(), i + 50)).stream().map(Stow::read).toList())
                            .statusCode(200);
                }
                consults.put(s.name(), consultOn(app, s));
            }
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", OHIF_PROBE.formatted(ohif.origin())));
            b.signIn(app.url("/"), "cx.doctor");
            for (Series s : all) {
                String oursUrl = app.url("/consults/" + consults.get(s.name()) + "/images");
                String ohifUrl = ohif.origin() + "/viewer?StudyInstanceUIDs=" + s.studyUid();
                // one untimed visit each: the servers' caches and the JIT warm, as for the rounds that follow
                open(b, oursUrl, OURS_READY);
                open(b, ohifUrl, OHIF_READY);
                List<Timing> ours = new ArrayList<>();
                List<Timing> theirs = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    boolean oursFirst = round % 2 == 1;
                    Timing first = oursFirst ? open(b, oursUrl, OURS_READY) : open(b, ohifUrl, OHIF_READY);
                    Timing second = oursFirst ? open(b, ohifUrl, OHIF_READY) : open(b, oursUrl, OURS_READY);
                    Timing o = oursFirst ? first : second;
                    Timing t = oursFirst ? second : first;
                    ours.add(o);
                    theirs.add(t);
                    if (round == 1) {
                        System.out.println("REQUESTS " + s.name() + ", ours:\n  " + o.requests() + "\nREQUESTS " + s.name()
                                + ", OHIF:\n  " + t.requests());
                    }
                    line(report, "BENCH %s round %d: ours first image %.0f ms, series (%d images) %.0f ms; OHIF first image %.0f ms, "
                            + "series (%d images) %.0f ms; load %s", s.name(), round, o.firstImage(), o.images(), o.wholeSeries(),
                            t.firstImage(), t.images(), t.wholeSeries(), load());
                }
                double oFirst = median(ours.stream().map(Timing::firstImage).toList());
                double tFirst = median(theirs.stream().map(Timing::firstImage).toList());
                double oSeries = median(ours.stream().map(Timing::wholeSeries).toList());
                double tSeries = median(theirs.stream().map(Timing::wholeSeries).toList());
                line(report, "BENCH %s (%d images), first image, median of %d: ours %.0f ms, OHIF %.0f ms (OHIF/ours %.2f); "
                                + "target <= 1000 ms: %s", s.name(), ours.get(0).images(), ROUNDS, oFirst, tFirst, tFirst / oFirst,
                        oFirst <= 1000 ? "met" : "NOT met");
                line(report, "BENCH %s (%d images), whole series, median of %d: ours %.0f ms, OHIF %.0f ms (OHIF/ours %.2f); "
                                + "target no slower than OHIF: %s", s.name(), ours.get(0).images(), ROUNDS, oSeries, tSeries,
                        tSeries / oSeries, oSeries <= tSeries ? "met" : "NOT met");
            }
        } finally {
            line(report, "BENCH load average before %s, after %s (2 vCPUs, shared)", loadBefore, load());
            Files.writeString(Path.of("target/viewer-vs-ohif-bench.txt"), String.join("\n", report) + "\n");
        }
    }

    /** Opens {@code url} with the HTTP cache cleared and waits for its figures. */
    private static Timing open(Browser b, String url, String ready) {
        b.open("about:blank");
        b.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        b.open(url);
        @SuppressWarnings("unchecked")
        List<Number> r = b.await("the whole series at " + url, PATIENCE, d -> (List<Number>) d.executeScript(ready));
        String requests = (String) b.driver.executeScript(REQUESTS, r.get(0));
        return new Timing(r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).intValue(), requests);
    }

    private static void line(List<String> report, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.add(s);
    }

    private static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        return v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static Series series(String name, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        Attributes first = new DicomReader().readFile(files.get(0)).dataset();
        return new Series(name, first.getString(Tag.StudyInstanceUID), files);
    }

    /** {@code slices} synthetic 512×512 16-bit CT slices under target/, fresh UIDs each run. */
    private static Path synthetic(int slices) throws Exception {
        Path dir = WORK.resolve("ct" + slices);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        SyntheticCtStudy.main(new String[] {dir.toString(), Integer.toString(slices), Long.toString(System.currentTimeMillis() / 1000)});
        return dir;
    }

    /** A consult of the county doctor's on the series' study (its patient registered by PatientID); its id. */
    private static String consultOn(WebApp app, Series s) throws Exception {
        Attributes first = new DicomReader().readFile(s.files().get(0)).dataset();
        String base = app.url("");
        String localId = first.getString(Tag.PatientID);
        List<?> found = (List<?>) RoomWalkIT.call(base, "cx.doctor", "GET", "/api/patients?localId=" + localId, null).get("items");
        String patient = found.isEmpty()
                ? RoomWalkIT.call(base, "cx.doctor", "POST", "/api/patients",
                        Map.of("localId", localId, "name", "基准" + s.name().replace(' ', '-'), "sex", "M")).get("id").toString()
                : ((Map<?, ?>) found.get(0)).get("id").toString();
        return RoomWalkIT.call(base, "cx.doctor", "POST", "/api/consults", Map.of("patientId", patient,
                "clinicalSummary", "阅片速度基准(" + s.name() + ")。", "question", "阅片速度基准", "urgency", "ROUTINE",
                "requestedDisciplines", List.of("radiology"), "studyUids", List.of(s.studyUid()))).get("id").toString();
    }
}
