package org.consilium.webui;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consilium.archive.Stow;
import org.consilium.bench.SyntheticPlan;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ReferencedSeries;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetWriter;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's browser benchmark (not a test: no *IT name; run by bench/rt-browser): the sample plan's CT
 * extended to 150 axial slices and its structure set replaced by 30 ellipsoidal ROIs with 64-point contours
 * on all of them (4,500 contours), submitted and opened in the review room in headless Chromium. Printed:
 * the time from the CT's first render to the structure set's first overlay (the User Timing marks
 * {@code rt.ct-shown} and {@code rt.contours-drawn} that RtViewer sets), the overlay's own draw time per
 * frame ({@code rt.overlay} measures), and the frame time while scrolling through the cached slices, a step
 * each animation frame once the last step has rendered (requestAnimationFrame timestamps), median and p95.
 */
class RtBrowserBench {

    private static final int SLICES = 150;
    private static final int ROIS = 30;
    private static final Path CT = Path.of("dicom-samples/lung-phantom/CT");

    @Test
    void thirtyRoisOverOneHundredFiftySlices() throws Exception {
        try (WebApp app = WebApp.start("webui-rt-bench"); Browser b = new Browser()) {
            SamplePlan plan = SamplePlan.copy(RtBrowserBench::synthetic);
            String id = submit(app, plan);

            b.signIn(app.url("/"), "dr.li");
            b.open(app.url("/rt/" + id + "/room"));
            b.awaitText("第 76 / 150 层", Duration.ofMinutes(2));
            b.await("the structure set drawn", Duration.ofMinutes(1), d -> Boolean.TRUE.equals(d.executeScript(
                    "return performance.getEntriesByName('rt.contours-drawn').length > 0")) ? true : null);
            double shown = mark(b, "rt.ct-shown");
            double drawn = mark(b, "rt.contours-drawn");

            // every slice once, so that scrolling then reads the cache (as a reviewer's second pass does)
            for (int i = 0; i < SLICES; i++) {
                b.driver.executeScript("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}))",
                        b.find("application", "计划 CT 与勾画"));
            }
            b.awaitText("第 150 / 150 层", Duration.ofMinutes(2));
            b.driver.executeScript("performance.clearMeasures('rt.overlay')");
            // scrolling up through the cached slices: a step each animation frame once the last step has rendered
            @SuppressWarnings("unchecked")
            Map<String, Object> run = (Map<String, Object>) b.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const el = document.querySelector("[aria-label='计划 CT 与勾画']");
                    let rendered = true, steps = 0;
                    el.addEventListener('CORNERSTONE_IMAGE_RENDERED', () => { rendered = true; });
                    const stamps = [];
                    const step = (ts) => {
                      stamps.push(ts);
                      if (steps < 149 && stamps.length < 1000) {
                        if (rendered) {
                          rendered = false;
                          steps++;
                          el.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowUp', bubbles: true}));
                        }
                        requestAnimationFrame(step);
                      } else {
                        requestAnimationFrame(() => requestAnimationFrame(() => done({steps,
                          frames: stamps.slice(1).map((t, i) => t - stamps[i]), total: stamps[stamps.length - 1] - stamps[0]})));
                      }
                    };
                    requestAnimationFrame(step);""");
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) run.get("frames");
            double total = ((Number) run.get("total")).doubleValue();
            int steps = ((Number) run.get("steps")).intValue();
            @SuppressWarnings("unchecked")
            List<Number> overlay = (List<Number>) b.driver.executeScript(
                    "return performance.getEntriesByName('rt.overlay').map(e => e.duration)");
            String slice = b.driver.findElement(org.openqa.selenium.By.cssSelector(".rtviewer .status")).getText();
            String report = String.format(Locale.ROOT, """
                    RT review room, %d ROIs x %d slices (%d contours of 64 points), headless Chromium 1366x768
                    CT shown at %.0f ms, structure set drawn at %.0f ms after navigation: %.0f ms after the CT
                    overlay draw per frame: median %.1f ms, p95 %.1f ms (%d draws while scrolling)
                    scrolling %d slices, a step per frame once the last has rendered: frame time median %.1f ms, p95 %.1f ms (%d frames, %.1f ms per slice; ended at %s)
                    """, ROIS, SLICES, ROIS * SLICES, shown, drawn, drawn - shown,
                    percentile(overlay, 50), percentile(overlay, 95), overlay.size(),
                    steps, percentile(frames, 50), percentile(frames, 95), frames.size(), total / steps, slice);
            System.out.println(report);
            Files.writeString(Path.of("target/rt-browser-bench.txt"), report);
        }
    }

    private static double mark(Browser b, String name) {
        return ((Number) b.driver.executeScript("return performance.getEntriesByName(arguments[0])[0].startTime", name))
                .doubleValue();
    }

    private static double percentile(List<Number> values, int p) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    /** Submits the plan as the county, sends its objects, waits for the review queue and assigns 李明. */
    private static String submit(WebApp app, SamplePlan plan) throws InterruptedException {
        String id = given().auth().oauth2(Tokens.of("cx.rt")).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", plan.studyUid, "diseaseSite", "lung",
                        "prescription", Map.of("totalDoseGy", 60, "fractions", 30), "technique", "IMRT",
                        "question", "benchmark: 30 ROIs over 150 slices"))
                .post(app.url("/api/rt/submissions")).then().statusCode(201).extract().path("id");
        Stow.bytes(app.url(""), Tokens.of("cx.rt"), new ArrayList<>(plan.files.values())).statusCode(200);
        String state = "";
        for (int i = 0; i < 240 && !state.equals("AWAITING_REVIEW"); i++) {
            Thread.sleep(500);
            state = given().auth().oauth2(Tokens.of("cx.rt")).get(app.url("/api/rt/submissions/" + id)).then()
                    .statusCode(200).extract().path("state");
            if (state.equals("BLOCKED")) {
                throw new AssertionError("the synthetic plan is blocked: " + given().auth().oauth2(Tokens.of("cx.rt"))
                        .get(app.url("/api/rt/submissions/" + id)).asString());
            }
        }
        String li = given().auth().oauth2(Tokens.of("dr.li")).get(app.url("/api/me")).then().extract().path("id");
        given().auth().oauth2(Tokens.of("cm.wang")).contentType(ContentType.JSON)
                .body(Map.of("userId", li, "displayName", "李明"))
                .post(app.url("/api/rt/submissions/" + id + "/reviewers")).then().statusCode(204);
        return id;
    }

    /**
     * The sample's 96 CT slices (z −118.75 … 118.75 mm, 2.5 mm apart) and 54 more above them made from its
     * top slice; the structure set replaced by 30 ellipsoids on a 6 × 5 lattice, each cut on every slice
     * (typed ORGAN, so that a dose grid not reaching them is a warning, not an error).
     */
    static void synthetic(Map<String, Attributes> sets) {
        try {
            List<String> ctNames = sets.keySet().stream().filter(n -> n.startsWith("CT")).sorted().toList();
            Attributes top = ctNames.stream().map(sets::get)
                    .max((x, y) -> Double.compare(x.getDoubles(Tag.ImagePositionPatient)[2], y.getDoubles(Tag.ImagePositionPatient)[2]))
                    .orElseThrow();
            String topName = ctNames.stream().filter(n -> sets.get(n) == top).findFirst().orElseThrow();
            Path topFile = CT.resolve(topName);
            double zTop = top.getDoubles(Tag.ImagePositionPatient)[2];
            for (int k = 1; k <= SLICES - ctNames.size(); k++) {
                Attributes slice = new DicomReader().readFile(topFile).dataset();
                for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.FrameOfReferenceUID}) {
                    slice.setString(tag, VR.UI, top.getString(tag));
                }
                slice.setString(Tag.SOPInstanceUID, VR.UI, SamplePlan.newUid());
                double[] position = top.getDoubles(Tag.ImagePositionPatient).clone();
                position[2] = zTop + 2.5 * k;
                slice.setDouble(Tag.ImagePositionPatient, VR.DS, position);
                slice.setDouble(Tag.SliceLocation, VR.DS, position[2]);
                slice.setInt(Tag.InstanceNumber, VR.IS, top.getInt(Tag.InstanceNumber, 96) + k);
                sets.put("CT_extra_" + k, slice);
            }
            List<Attributes> ct = sets.entrySet().stream().filter(e -> e.getKey().startsWith("CT"))
                    .map(Map.Entry::getValue)
                    .sorted((x, y) -> Double.compare(x.getDoubles(Tag.ImagePositionPatient)[2], y.getDoubles(Tag.ImagePositionPatient)[2]))
                    .toList();
            Attributes old = sets.get("RTSTRUCT.dcm");
            List<SopRef> images = ct.stream().map(s -> new SopRef(s.getString(Tag.SOPClassUID), s.getString(Tag.SOPInstanceUID))).toList();
            ReferencedSeries series = new ReferencedSeries(top.getString(Tag.StudyInstanceUID), top.getString(Tag.SeriesInstanceUID), images);
            List<Roi> rois = new ArrayList<>();
            double zMid = (ct.get(0).getDoubles(Tag.ImagePositionPatient)[2] + ct.get(ct.size() - 1).getDoubles(Tag.ImagePositionPatient)[2]) / 2;
            double half = (SLICES - 1) * 2.5 / 2 + 1;
            for (int i = 0; i < ROIS; i++) {
                double cx = -125 + (i % 6) * 50;
                double cy = -80 + (i / 6) * 40;
                double rx = 12 + (i % 5) * 2.5;
                double ry = 10 + (i % 4) * 2;
                List<Contour> contours = new ArrayList<>();
                for (int k = 0; k < ct.size(); k++) {
                    double z = ct.get(k).getDoubles(Tag.ImagePositionPatient)[2];
                    double s = Math.sqrt(1 - Math.pow((z - zMid) / half, 2));
                    contours.add(new Contour(Contour.CLOSED_PLANAR, SyntheticPlan.ellipse(cx, cy, rx * s, ry * s, z),
                            List.of(images.get(k))));
                }
                rois.add(new Roi(i + 1, "ROI" + (i + 1), new int[] {255, 8 * i, 255 - 8 * i}, "ORGAN", "MANUAL", contours));
            }
            StructureSet set = new StructureSet("BENCH", "", "", top.getString(Tag.FrameOfReferenceUID), series, rois);
            sets.put("RTSTRUCT.dcm", StructureSetWriter.write(set, top, new StructureSetWriter.Identity(
                    old.getString(Tag.SOPInstanceUID), old.getString(Tag.SeriesInstanceUID), 2, 1,
                    LocalDateTime.of(2026, 12, 6, 12, 0), "benchmark: 30 ROIs", null)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the synthetic plan", e);
        }
    }
}
