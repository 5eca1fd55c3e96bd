package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.consilium.archive.IngestException;
import org.consilium.audit.AuditActor;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * The index's fast path (one insert into a series indexed a moment ago) must give exactly what the full
 * path of upserts gives: its memory of recent series is a hint that the database checks.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class StudyIndexTest {

    private static final UUID CHANGXING = UUID.fromString("019a0000-0000-7000-8000-000000000002");
    private static final UUID FUMIN = UUID.fromString("019a0000-0000-7000-8000-000000000003");
    private static final IngestSource FROM_CHANGXING = new IngestSource(CHANGXING, "CHANGXING_PACS",
            new AuditActor("ae:CHANGXING_PACS", "CHANGXING_PACS"));

    @Inject
    Ingest ingest;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void instancesOfAKnownSeriesAreStoredAndAChangedPatientNameStillReachesTheIndex() throws Exception {
        SyntheticSeries s = new SyntheticSeries();
        for (int i = 1; i <= 3; i++) {
            assertEquals(StoreOutcome.STORED, store(s.instance(i, "WANG^FANG"), FROM_CHANGXING).outcome());
        }
        assertEquals("WANG^FANG", patientName(s));
        assertEquals(StoreOutcome.STORED, store(s.instance(4, "WANG^FANG^^DR"), FROM_CHANGXING).outcome());
        assertEquals("WANG^FANG^^DR", patientName(s), "a changed patient name takes the full path");
        assertEquals(4, count("select count(*) from instance_record i join series_record se on se.id = i.series_fk"
                + " where se.series_uid = ?", s.seriesUid));
        assertEquals(1, count("select count(*) from series_record where series_uid = ?", s.seriesUid));
    }

    @Test
    void aKnownSopInstanceIsADuplicateWithTheSameBytesAndAReplacementWithOthers() throws Exception {
        SyntheticSeries s = new SyntheticSeries();
        store(s.instance(1, "LI^MING"), FROM_CHANGXING);
        byte[] second = s.instance(2, "LI^MING");
        assertEquals(StoreOutcome.STORED, store(second, FROM_CHANGXING).outcome());
        assertEquals(StoreOutcome.DUPLICATE, store(second, FROM_CHANGXING).outcome());
        Attributes changed = s.dataset(2, "LI^MING");
        changed.setString(Tag.ImageComments, VR.LT, "re-sent with a comment");
        assertEquals(StoreOutcome.REPLACED, store(SyntheticSeries.bytes(changed), FROM_CHANGXING).outcome());
        assertEquals(1, count("select count(*) from instance_version where sop_instance_uid = ?", s.sopUid(2)));
    }

    @Test
    void anotherHospitalCannotAddToASeriesItDoesNotOwn() throws Exception {
        SyntheticSeries s = knownSeries("ZHAO^QIANG");
        IngestSource fumin = new IngestSource(FUMIN, "FUMIN_PACS", new AuditActor("ae:FUMIN_PACS", "FUMIN_PACS"));
        IngestException e = assertThrows(IngestException.class, () -> store(s.instance(3, "ZHAO^QIANG"), fumin));
        assertEquals(IngestException.Reason.STUDY_OF_ANOTHER_HOSPITAL, e.reason());
        assertEquals(0, count("select count(*) from instance_record where sop_instance_uid = ?", s.sopUid(3)));
    }

    @Test
    void seriesAttributesWrittenElsewhereAreWrittenAgainByTheNextInstance() throws Exception {
        SyntheticSeries s = knownSeries("SUN^WEI");
        // another replica (or an operator) changed the series row since this replica wrote it
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update series_record set attributes = '{}', description = 'elsewhere' where series_uid = ?")) {
            ps.setString(1, s.seriesUid);
            ps.executeUpdate();
        }
        assertEquals(StoreOutcome.STORED, store(s.instance(3, "SUN^WEI"), FROM_CHANGXING).outcome());
        assertEquals(1, count("select count(*) from series_record where series_uid = ? and attributes like"
                + " '%\"0008103E\"%' and description = 'bench series'", s.seriesUid));
    }

    /** A series with two instances stored, so that this replica remembers it. */
    private SyntheticSeries knownSeries(String patientName) throws Exception {
        SyntheticSeries s = new SyntheticSeries();
        store(s.instance(1, patientName), FROM_CHANGXING);
        store(s.instance(2, patientName), FROM_CHANGXING);
        return s;
    }

    private Ingest.Stored store(byte[] part10, IngestSource source) throws Exception {
        return ingest.storeFile(new ByteArrayInputStream(part10), source);
    }

    private String patientName(SyntheticSeries s) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select p.name_alphabetic from study_record st join patient_record p on p.id = st.patient_fk"
                        + " where st.study_uid = ?")) {
            ps.setString(1, s.studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private int count(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
