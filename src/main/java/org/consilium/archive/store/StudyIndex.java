package org.consilium.archive.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.consilium.archive.IngestException;
import org.consilium.archive.StudyAccess;
import org.consilium.dicom.data.PersonName;
import org.consilium.platform.UuidV7;

/**
 * Writes the patient/study/series/instance index for one stored instance. Plain JDBC with upserts: this is
 * the ingest hot path, and concurrent associations may create the same study or series at once.
 *
 * <p>Most instances arrive in a series indexed a moment ago, with the same patient, study and series
 * attributes. For those, one statement inserts the instance and commits: it checks in the database that
 * the series, study and patient rows hold exactly what the full path would write, so the in-memory list of
 * recent series is only a hint (another replica, a restart or a changed attribute simply take the full
 * path). Everything else (a new series, changed attributes, a duplicate or replaced SOP Instance UID, a
 * sender that is not the study's owner) takes the full path: one transaction of upserts.
 */
@ApplicationScoped
public class StudyIndex {

    /** How many recently indexed series to remember; a miss only costs the full path. */
    private static final int RECENT_SERIES = 1024;
    private static final String INSTANCE_COLUMNS = "id, series_fk, sop_instance_uid, sop_class_uid, instance_number,"
            + " transfer_syntax, number_of_frames, rows, columns, blob_key, size, pixel_data_offset, pixel_data_length,"
            + " metadata, source_ae, received_at";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StudyAccess access;

    /** Series UID to series row id, for series this replica indexed recently (access order). */
    private final Map<String, UUID> recentSeries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > RECENT_SERIES;
        }
    };

    /** Documents to store with the instance, computed by the caller outside the transaction. */
    record Documents(String studyJson, String seriesJson, String metadataJson) {
    }

    /** What indexing one instance did: its outcome, whether it created the study, and its series row. */
    record Indexed(StoreOutcome outcome, boolean newStudy, UUID seriesId) {
    }

    /** Indexes one instance and commits; returns only once the index row is durable. */
    public Indexed record(InstanceHeader h, String blobKey, long size, IngestSource src, Documents docs)
            throws SQLException, IngestException {
        UUID knownSeries;
        synchronized (recentSeries) {
            knownSeries = recentSeries.get(h.seriesUid());
        }
        if (knownSeries != null && insertIntoKnownSeries(knownSeries, h, blobKey, size, src, docs)) {
            return new Indexed(StoreOutcome.STORED, false, knownSeries);
        }
        Indexed indexed = recordFully(h, blobKey, size, src, docs);
        synchronized (recentSeries) {
            recentSeries.put(h.seriesUid(), indexed.seriesId());
        }
        return indexed;
    }

    /**
     * The fast path, one statement in its own (auto-committed) transaction: inserts a new instance into a
     * series whose series, study and patient rows already hold this instance's attributes and whose study
     * belongs to the sender. False when any of that does not hold, or the SOP Instance UID exists; then
     * nothing was written.
     */
    private boolean insertIntoKnownSeries(UUID series, InstanceHeader h, String blobKey, long size, IngestSource src,
                                          Documents docs) throws SQLException {
        String sql = "insert into instance_record (" + INSTANCE_COLUMNS + ")"
                + " select ?, se.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " from series_record se join study_record s on s.id = se.study_fk"
                + " join patient_record p on p.id = s.patient_fk"
                + " where se.id = ? and se.attributes = ? and s.attributes = ? and s.hospital_id = ?"
                + " and p.patient_id = ? and p.issuer = ? and p.name_alphabetic is not distinct from ?"
                + " and p.name_ideographic is not distinct from ? and p.name_phonetic is not distinct from ?"
                + " and p.birth_date is not distinct from ? and p.sex is not distinct from ?"
                + " on conflict (sop_instance_uid) do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next()); // series_fk comes from the checked row
            int i = bindInstance(ps, 2, h, blobKey, size, src, docs.metadataJson(), Instant.now());
            ps.setObject(i++, series);
            ps.setString(i++, docs.seriesJson());
            ps.setString(i++, docs.studyJson());
            ps.setObject(i++, src.hospitalId());
            ps.setString(i++, h.patientId());
            ps.setString(i++, h.issuer());
            ps.setString(i++, h.nameAlphabetic());
            ps.setString(i++, h.nameIdeographic());
            ps.setString(i++, h.namePhonetic());
            ps.setString(i++, h.birthDate());
            ps.setString(i, h.sex());
            return ps.executeUpdate() == 1;
        }
    }

    /** The full path: ownership check and upserts of all four levels in one transaction. */
    @Transactional
    Indexed recordFully(InstanceHeader h, String blobKey, long size, IngestSource src, Documents docs)
            throws SQLException, IngestException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            UUID owner = studyOwner(c, h.studyUid());
            if (owner != null && !access.mayWrite(c, src.hospitalId(), owner, h.studyUid())) {
                throw new IngestException(IngestException.Reason.STUDY_OF_ANOTHER_HOSPITAL,
                        "study " + h.studyUid() + " belongs to another hospital");
            }
            UUID patient = upsertPatient(c, owner != null ? owner : src.hospitalId(), h, now);
            UUID study = upsertStudy(c, patient, src.hospitalId(), h, docs.studyJson(), now);
            UUID series = upsertSeries(c, study, h, docs.seriesJson(), now);
            return new Indexed(upsertInstance(c, series, h, blobKey, size, src, docs.metadataJson(), now), owner == null,
                    series);
        }
    }

    private static UUID studyOwner(Connection c, String studyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select hospital_id from study_record where study_uid = ?")) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static UUID upsertPatient(Connection c, UUID hospital, InstanceHeader h, Instant now) throws SQLException {
        String sql = """
                insert into patient_record (id, hospital_id, patient_id, issuer, name_alphabetic, name_ideographic,
                    name_phonetic, name_search, birth_date, sex, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (hospital_id, patient_id, issuer) do update set
                    name_alphabetic = excluded.name_alphabetic, name_ideographic = excluded.name_ideographic,
                    name_phonetic = excluded.name_phonetic, name_search = excluded.name_search,
                    birth_date = excluded.birth_date, sex = excluded.sex, updated_at = excluded.updated_at
                returning id""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setObject(2, hospital);
            ps.setString(3, h.patientId());
            ps.setString(4, h.issuer());
            ps.setString(5, h.nameAlphabetic());
            ps.setString(6, h.nameIdeographic());
            ps.setString(7, h.namePhonetic());
            ps.setString(8, h.nameSearch());
            ps.setString(9, h.birthDate());
            ps.setString(10, h.sex());
            ps.setTimestamp(11, Timestamp.from(now));
            return returnedId(ps);
        }
    }

    private static UUID upsertStudy(Connection c, UUID patient, UUID hospital, InstanceHeader h, String json,
                                    Instant now) throws SQLException {
        String sql = """
                insert into study_record (id, patient_fk, hospital_id, study_uid, study_date, study_time,
                    accession_number, study_id, description, referring_physician, attributes, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (study_uid) do update set
                    study_date = excluded.study_date, study_time = excluded.study_time,
                    accession_number = excluded.accession_number, study_id = excluded.study_id,
                    description = excluded.description, referring_physician = excluded.referring_physician,
                    attributes = excluded.attributes, updated_at = excluded.updated_at
                returning id""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setObject(2, patient);
            ps.setObject(3, hospital);
            ps.setString(4, h.studyUid());
            ps.setString(5, h.studyDate());
            ps.setString(6, h.studyTime());
            ps.setString(7, h.accessionNumber());
            ps.setString(8, h.studyId());
            ps.setString(9, h.studyDescription());
            ps.setString(10, h.referringPhysician());
            ps.setString(11, json);
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setTimestamp(13, Timestamp.from(now));
            return returnedId(ps);
        }
    }

    private static UUID upsertSeries(Connection c, UUID study, InstanceHeader h, String json, Instant now)
            throws SQLException {
        String sql = """
                insert into series_record (id, study_fk, series_uid, modality, series_number, description, body_part,
                    attributes, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (series_uid) do update set
                    modality = excluded.modality, series_number = excluded.series_number,
                    description = excluded.description, body_part = excluded.body_part,
                    attributes = excluded.attributes, updated_at = excluded.updated_at
                returning id""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setObject(2, study);
            ps.setString(3, h.seriesUid());
            ps.setString(4, h.modality());
            setInt(ps, 5, h.seriesNumber());
            ps.setString(6, h.seriesDescription());
            ps.setString(7, h.bodyPart());
            ps.setString(8, json);
            ps.setTimestamp(9, Timestamp.from(now));
            return returnedId(ps);
        }
    }

    private static StoreOutcome upsertInstance(Connection c, UUID series, InstanceHeader h, String blobKey, long size,
                                               IngestSource src, String metadata, Instant now) throws SQLException {
        String previousKey = null;
        long previousSize = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "select blob_key, size from instance_record where sop_instance_uid = ? for update")) {
            ps.setString(1, h.sopInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previousKey = rs.getString(1);
                    previousSize = rs.getLong(2);
                }
            }
        }
        if (blobKey.equals(previousKey)) {
            return StoreOutcome.DUPLICATE;
        }
        if (previousKey != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into instance_version (id, sop_instance_uid, blob_key, size, replaced_at) values (?, ?, ?, ?, ?)")) {
                ps.setObject(1, UuidV7.next());
                ps.setString(2, h.sopInstanceUid());
                ps.setString(3, previousKey);
                ps.setLong(4, previousSize);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        String sql = "insert into instance_record (" + INSTANCE_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + """
                 on conflict (sop_instance_uid) do update set
                    series_fk = excluded.series_fk, sop_class_uid = excluded.sop_class_uid,
                    instance_number = excluded.instance_number, transfer_syntax = excluded.transfer_syntax,
                    number_of_frames = excluded.number_of_frames, rows = excluded.rows, columns = excluded.columns,
                    blob_key = excluded.blob_key, size = excluded.size,
                    pixel_data_offset = excluded.pixel_data_offset, pixel_data_length = excluded.pixel_data_length,
                    metadata = excluded.metadata, source_ae = excluded.source_ae, received_at = excluded.received_at""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setObject(2, series);
            bindInstance(ps, 3, h, blobKey, size, src, metadata, now);
            ps.executeUpdate();
        }
        return previousKey == null ? StoreOutcome.STORED : StoreOutcome.REPLACED;
    }

    /**
     * Binds the instance's own columns (from sop_instance_uid on) starting at {@code i}; returns the next
     * index.
     */
    private static int bindInstance(PreparedStatement ps, int i, InstanceHeader h, String blobKey, long size,
                                    IngestSource src, String metadata, Instant now) throws SQLException {
        ps.setString(i++, h.sopInstanceUid());
        ps.setString(i++, h.sopClassUid());
        setInt(ps, i++, h.instanceNumber());
        ps.setString(i++, h.transferSyntax());
        setInt(ps, i++, h.frames());
        setInt(ps, i++, h.rows());
        setInt(ps, i++, h.columns());
        ps.setString(i++, blobKey);
        ps.setLong(i++, size);
        setLong(ps, i++, h.pixelDataOffset());
        setLong(ps, i++, h.pixelDataLength());
        ps.setString(i++, metadata);
        ps.setString(i++, src.sourceAe());
        ps.setTimestamp(i++, Timestamp.from(now));
        return i;
    }

    private static UUID returnedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
