package org.consilium.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.PersonName;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.json.DicomJsonWriter;
import org.consilium.platform.UuidV7;
import org.postgresql.PGConnection;

/**
 * Fills the study index directly through SQL {@code COPY}, for the QIDO benchmark: storing 100,000
 * instances through C-STORE would take most of an hour on the build machine, and QIDO reads only the
 * index. The rows have the shape ingest writes (the same columns, DICOM JSON of the same attributes).
 *
 * <p>The mix is an alliance's: three hospitals (60/25/15 %), patients with Chinese names (ideographic
 * and pinyin groups, common surnames weighted by frequency), one to five studies per patient over three
 * years, and per study the series and instance counts of its modality (DX/CR 1–3 images, CT 2–4 series of
 * 60–200, MR 4–8 series of 20–60, US 10–40, RT plans: a CT plus RTSTRUCT, RTPLAN and RTDOSE).
 *
 * <p>Usage: {@code QidoPopulation <jdbcUrl> <user> <password> <instances> <seed>}. Prints sample values
 * for the benchmark's queries as shell assignments.
 */
public final class QidoPopulation {

    private static final UUID[] HOSPITALS = {
        UUID.fromString("019a0000-0000-7000-8000-000000000001"),
        UUID.fromString("019a0000-0000-7000-8000-000000000002"),
        UUID.fromString("019a0000-0000-7000-8000-000000000003")};
    private static final String[] HOSPITAL_PREFIX = {"P", "CX", "FM"};
    /** Common surnames, most frequent first, with pinyin. */
    private static final String[][] SURNAMES = {
        {"王", "WANG"}, {"李", "LI"}, {"张", "ZHANG"}, {"刘", "LIU"}, {"陈", "CHEN"}, {"杨", "YANG"},
        {"黄", "HUANG"}, {"赵", "ZHAO"}, {"吴", "WU"}, {"周", "ZHOU"}, {"徐", "XU"}, {"孙", "SUN"},
        {"马", "MA"}, {"朱", "ZHU"}, {"胡", "HU"}, {"郭", "GUO"}, {"何", "HE"}, {"高", "GAO"}, {"林", "LIN"},
        {"罗", "LUO"}, {"郑", "ZHENG"}, {"梁", "LIANG"}, {"谢", "XIE"}, {"宋", "SONG"}, {"唐", "TANG"}};
    private static final String[][] GIVEN = {
        {"伟", "WEI"}, {"芳", "FANG"}, {"娜", "NA"}, {"敏", "MIN"}, {"静", "JING"}, {"丽", "LI"}, {"强", "QIANG"},
        {"磊", "LEI"}, {"军", "JUN"}, {"洋", "YANG"}, {"勇", "YONG"}, {"艳", "YAN"}, {"杰", "JIE"}, {"娟", "JUAN"},
        {"涛", "TAO"}, {"明", "MING"}, {"超", "CHAO"}, {"秀", "XIU"}, {"霞", "XIA"}, {"平", "PING"}, {"刚", "GANG"},
        {"桂", "GUI"}, {"英", "YING"}, {"华", "HUA"}, {"建", "JIAN"}, {"国", "GUO"}, {"文", "WEN"}, {"红", "HONG"}};
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 1057; // to 2026-11-22

    private final Random random;
    private final CopyBuffer patients = new CopyBuffer();
    private final CopyBuffer studies = new CopyBuffer();
    private final CopyBuffer series = new CopyBuffer();
    private final CopyBuffer instances = new CopyBuffer();
    private final String uidRoot;
    private int patientCount;
    private int studyCount;
    private int seriesCount;
    private int instanceCount;
    private String samplePatientId;

    private QidoPopulation(long seed) {
        this.random = new Random(seed);
        this.uidRoot = Implementation.ROOT_UID + ".8." + seed;
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            System.out.println("QIDO_PATIENT_ID=" + fill(c, Integer.parseInt(args[3]), Long.parseLong(args[4])));
        }
    }

    /** Writes about {@code instances} instances, and their series, studies and patients; returns a sample patient ID. */
    public static String fill(Connection c, int instances, long seed) throws Exception {
        QidoPopulation p = new QidoPopulation(seed);
        long t0 = System.nanoTime();
        while (p.instanceCount < instances) {
            p.patient();
        }
        c.setAutoCommit(false);
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("copy patient_record (id, hospital_id, patient_id, issuer, name_alphabetic, name_ideographic,"
                + " name_phonetic, name_search, birth_date, sex, updated_at) from stdin", p.patients.reader());
        copy.copyIn("copy study_record (id, patient_fk, hospital_id, study_uid, study_date, study_time,"
                + " accession_number, study_id, description, referring_physician, attributes, created_at,"
                + " updated_at) from stdin", p.studies.reader());
        copy.copyIn("copy series_record (id, study_fk, series_uid, modality, series_number, description, body_part,"
                + " attributes, updated_at) from stdin", p.series.reader());
        copy.copyIn("copy instance_record (id, series_fk, sop_instance_uid, sop_class_uid, instance_number,"
                + " transfer_syntax, number_of_frames, rows, columns, blob_key, size, pixel_data_offset,"
                + " pixel_data_length, metadata, source_ae, received_at) from stdin", p.instances.reader());
        c.commit();
        try (var s = c.createStatement()) {
            s.execute("analyze patient_record; analyze study_record; analyze series_record; analyze instance_record");
        }
        c.commit();
        System.err.printf("QidoPopulation: %d patients, %d studies, %d series, %d instances in %.1f s%n",
                p.patientCount, p.studyCount, p.seriesCount, p.instanceCount, (System.nanoTime() - t0) / 1e9);
        return p.samplePatientId;
    }

    private void patient() throws Exception {
        int h = weighted(60, 25, 15);
        String[] surname = SURNAMES[Math.min(SURNAMES.length - 1, (int) Math.abs(random.nextGaussian() * 8))];
        String[] g1 = GIVEN[random.nextInt(GIVEN.length)];
        String[] g2 = random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : new String[] {"", ""};
        PersonName name = PersonName.parse(surname[1] + "^" + g1[1] + g2[1] + "=" + surname[0] + "^" + g1[0] + g2[0]);
        String patientId = HOSPITAL_PREFIX[h] + String.format("%08d", ++patientCount);
        if (h == 0 && samplePatientId == null && patientCount > 100) {
            samplePatientId = patientId;
        }
        String birth = FIRST_DAY.minusDays(6000 + random.nextInt(22000)).format(DA);
        String sex = random.nextBoolean() ? "M" : "F";
        UUID patient = UuidV7.next();
        patients.row(patient, HOSPITALS[h], patientId, "", name.alphabetic().toString(),
                name.ideographic().toString(), null, name.toString().toUpperCase(Locale.ROOT), birth, sex, Instant.now());
        int studiesOfPatient = 1 + (int) Math.min(4, Math.abs(random.nextGaussian() * 1.5));
        for (int i = 0; i < studiesOfPatient; i++) {
            study(patient, h, patientId, name, birth, sex);
        }
    }

    private void study(UUID patient, int h, String patientId, PersonName name, String birth, String sex)
            throws Exception {
        String uid = uidRoot + "." + (++studyCount);
        String date = FIRST_DAY.plusDays(random.nextInt(DAYS)).format(DA);
        String time = String.format("%02d%02d%02d", 7 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
        int kind = weighted(40, 25, 15, 10, 10); // DX/CR, CT, MR, US, RT
        String[] descriptions = {"胸部正位 Chest PA", "胸部CT平扫 CT Chest", "头颅MR MR Head", "腹部超声 US Abdomen",
            "放疗定位 RT Simulation"};
        Attributes a = new Attributes(20);
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        a.setString(Tag.StudyDate, VR.DA, date);
        a.setString(Tag.StudyTime, VR.TM, time);
        a.setString(Tag.AccessionNumber, VR.SH, "A" + studyCount);
        a.setString(Tag.ReferringPhysicianName, VR.PN, "");
        a.setString(Tag.StudyDescription, VR.LO, descriptions[kind]);
        a.setString(Tag.PatientName, VR.PN, name.toString());
        a.setString(Tag.PatientID, VR.LO, patientId);
        a.setString(Tag.PatientBirthDate, VR.DA, birth);
        a.setString(Tag.PatientSex, VR.CS, sex);
        a.setString(Tag.StudyInstanceUID, VR.UI, uid);
        a.setString(Tag.StudyID, VR.SH, Integer.toString(studyCount));
        UUID study = UuidV7.next();
        Instant now = Instant.now();
        studies.row(study, patient, HOSPITALS[h], uid, date, time, "A" + studyCount, Integer.toString(studyCount),
                descriptions[kind], "", DicomJsonWriter.toJson(a), now, now);
        switch (kind) {
            case 0 -> series(study, uid, 1, random.nextBoolean() ? "DX" : "CR", 1 + random.nextInt(3), UID.DigitalXRayImageStorageForPresentation);
            case 1 -> {
                for (int s = 1, n = 2 + random.nextInt(3); s <= n; s++) {
                    series(study, uid, s, "CT", 60 + random.nextInt(141), UID.CTImageStorage);
                }
            }
            case 2 -> {
                for (int s = 1, n = 4 + random.nextInt(5); s <= n; s++) {
                    series(study, uid, s, "MR", 20 + random.nextInt(41), UID.MRImageStorage);
                }
            }
            case 3 -> series(study, uid, 1, "US", 10 + random.nextInt(31), UID.UltrasoundImageStorage);
            default -> {
                series(study, uid, 1, "CT", 100 + random.nextInt(101), UID.CTImageStorage);
                series(study, uid, 2, "RTSTRUCT", 1, UID.RTStructureSetStorage);
                series(study, uid, 3, "RTPLAN", 1, UID.RTPlanStorage);
                series(study, uid, 4, "RTDOSE", 1, UID.RTDoseStorage);
            }
        }
    }

    private void series(UUID study, String studyUid, int number, String modality, int count, String sopClass)
            throws Exception {
        String uid = studyUid + "." + number;
        seriesCount++;
        Attributes a = new Attributes(8);
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        a.setString(Tag.Modality, VR.CS, modality);
        a.setString(Tag.SeriesInstanceUID, VR.UI, uid);
        a.setInt(Tag.SeriesNumber, VR.IS, number);
        a.setString(Tag.SeriesDescription, VR.LO, modality + " " + number);
        UUID seriesId = UuidV7.next();
        Instant now = Instant.now();
        series.row(seriesId, study, uid, modality, number, modality + " " + number, null, DicomJsonWriter.toJson(a), now);
        boolean image = !modality.startsWith("RT");
        for (int i = 1; i <= count; i++) {
            instanceCount++;
            Attributes m = new Attributes(a.size() + 12);
            for (int k = 0; k < a.size(); k++) {
                m.setValue(a.tagAt(k), a.vrAt(k), a.valueAt(k));
            }
            String sop = uid + "." + i;
            m.setString(Tag.SOPClassUID, VR.UI, sopClass);
            m.setString(Tag.SOPInstanceUID, VR.UI, sop);
            m.setInt(Tag.InstanceNumber, VR.IS, i);
            if (image) {
                m.setInt(Tag.Rows, VR.US, 512);
                m.setInt(Tag.Columns, VR.US, 512);
                m.setDouble(Tag.ImagePositionPatient, VR.DS, -250, -250, i * 2.5);
                m.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
                m.setDouble(Tag.PixelSpacing, VR.DS, 0.9765625, 0.9765625);
            }
            String key = String.format("%064x", instanceCount);
            instances.row(UuidV7.next(), seriesId, sop, sopClass, i, UID.ExplicitVRLittleEndian, null,
                    image ? 512 : null, image ? 512 : null, key, 524_288L, image ? 1_000L : null,
                    image ? 524_288L : null, DicomJsonWriter.toJson(m), "BENCH", now);
        }
    }

    private int weighted(int... weights) {
        int r = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Rows in PostgreSQL's COPY text format. */
    private static final class CopyBuffer {
        private final List<String> lines = new ArrayList<>();

        void row(Object... values) {
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    sb.append("\\N");
                } else {
                    escape(sb, v.toString());
                }
            }
            lines.add(sb.append('\n').toString());
        }

        StringReader reader() {
            return new StringReader(String.join("", lines));
        }

        private static void escape(StringBuilder sb, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
    }
}
