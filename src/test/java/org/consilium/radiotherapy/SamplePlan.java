package org.consilium.radiotherapy;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.localstack.Tokens;

/**
 * The generated lung phantom plan (dicom-samples/lung-phantom: 96 CT slices, RTSTRUCT, RTPLAN, RTDOSE) with
 * every study, series, instance and frame-of-reference UID replaced by a fresh one, consistently, so that
 * each test submits a study of its own. A tweak may change the data sets before they are written.
 */
public final class SamplePlan {

    static final Path DIR = Path.of("dicom-samples/lung-phantom");

    public final String studyUid;
    /** Part 10 bytes by file name: CT0001.dcm … CT0096.dcm, RTSTRUCT.dcm, RTPLAN.dcm, RTDOSE.dcm. */
    public final Map<String, byte[]> files;

    private SamplePlan(String studyUid, Map<String, byte[]> files) {
        this.studyUid = studyUid;
        this.files = files;
    }

    public static SamplePlan copy() {
        return copy(ds -> { });
    }

    /** @param tweak called with the data sets by file name, after the UIDs are replaced */
    public static SamplePlan copy(Consumer<Map<String, Attributes>> tweak) {
        try {
            Map<String, Attributes> sets = new LinkedHashMap<>();
            List<Path> paths = new ArrayList<>();
            try (Stream<Path> ct = Files.list(DIR.resolve("CT"))) {
                paths.addAll(ct.sorted().toList());
            }
            paths.addAll(List.of(DIR.resolve("RTSTRUCT.dcm"), DIR.resolve("RTPLAN.dcm"), DIR.resolve("RTDOSE.dcm")));
            Map<String, String> fresh = new HashMap<>();
            for (Path p : paths) {
                Attributes ds = new DicomReader().readFile(p).dataset();
                remap(ds, fresh);
                sets.put(p.getFileName().toString(), ds);
            }
            tweak.accept(sets);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (var e : sets.entrySet()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new DicomWriter().writeFile(out, null, e.getValue(), UID.ExplicitVRLittleEndian);
                files.put(e.getKey(), out.toByteArray());
            }
            return new SamplePlan(sets.get("RTSTRUCT.dcm").getString(Tag.StudyInstanceUID), files);
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy the sample plan", e);
        }
    }

    /** The files whose names start with one of the prefixes ("CT", "RTSTRUCT", ...). */
    public List<byte[]> select(String... prefixes) {
        List<byte[]> out = new ArrayList<>();
        files.forEach((name, bytes) -> {
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    out.add(bytes);
                    return;
                }
            }
        });
        return out;
    }

    /**
     * A corrected RTSTRUCT, RTPLAN and RTDOSE for the same study and CT, as a county sends them when it
     * resubmits: fresh SOP Instance UIDs, the plan naming the new structure set and the dose the new plan.
     *
     * @param tweak called with the new RTSTRUCT before it is written
     */
    public List<byte[]> corrected(Consumer<Attributes> tweak) {
        try {
            Attributes struct = dataset("RTSTRUCT.dcm");
            Attributes plan = dataset("RTPLAN.dcm");
            Attributes dose = dataset("RTDOSE.dcm");
            for (Attributes ds : List.of(struct, plan, dose)) {
                ds.setString(Tag.SOPInstanceUID, VR.UI, newUid());
            }
            plan.getSequence(Tag.ReferencedStructureSetSequence).get(0)
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, struct.getString(Tag.SOPInstanceUID));
            dose.getSequence(Tag.ReferencedRTPlanSequence).get(0)
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, plan.getString(Tag.SOPInstanceUID));
            tweak.accept(struct);
            List<byte[]> out = new ArrayList<>();
            for (Attributes ds : List.of(struct, plan, dose)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                new DicomWriter().writeFile(bytes, null, ds, UID.ExplicitVRLittleEndian);
                out.add(bytes.toByteArray());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot correct the sample plan", e);
        }
    }

    private Attributes dataset(String name) throws Exception {
        return new DicomReader().read(new java.io.ByteArrayInputStream(files.get(name))).dataset();
    }

    /** STOW-RS of these files as {@code user}, in one request, to the server under test. */
    public static void stow(String user, List<byte[]> parts) {
        stow(null, user, parts);
    }

    /** STOW-RS of these files as {@code user}, in one request, to the server at {@code base} (null: under test). */
    public static void stow(java.net.URI base, String user, List<byte[]> parts) {
        String boundary = "rt-plan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(p);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(Tokens.of(user)).contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body.toByteArray()).post(base == null ? "/dicomweb/studies" : base.resolve("/dicomweb/studies").toString())
                .then().statusCode(200);
    }

    /** Replaces every UID that is not a standard one (1.2.840.10008.*), the same UID by the same new one. */
    private static void remap(Attributes ds, Map<String, String> fresh) {
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            tags.add(ds.tagAt(i));
        }
        for (int tag : tags) {
            VR vr = ds.vrOf(tag);
            if (vr == VR.SQ) {
                Sequence seq = ds.getSequence(tag);
                if (seq != null) {
                    seq.forEach(item -> remap(item, fresh));
                }
            } else if (vr == VR.UI) {
                String[] values = ds.getStrings(tag);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null && !values[i].startsWith("1.2.840.10008")) {
                        values[i] = fresh.computeIfAbsent(values[i], k -> newUid());
                    }
                }
                ds.setString(tag, VR.UI, values);
            }
        }
    }

    public static String newUid() {
        UUID u = UUID.randomUUID();
        byte[] b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, b);
    }
}
