package org.consilium.archive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.consilium.archive.store.InstanceLocator;
import org.consilium.archive.store.StoredInstance;

/**
 * The archive's read API for other capabilities: a study's patient and context, its instances and their
 * bytes, returned as records and streams so that no other capability reads the archive's tables or blobs.
 * Callers check their own access rules first.
 */
@ApplicationScoped
public class StudyRecords {

    private static final String STUDY = "select p.patient_id, p.issuer, p.name_alphabetic, p.name_ideographic,"
            + " p.birth_date, p.sex, s.study_id, s.study_date, s.study_time, s.accession_number, s.referring_physician"
            + " from study_record s join patient_record p on p.id = s.patient_fk where s.study_uid = ?";

    @Inject
    AgroalDataSource db;
    @Inject
    InstanceLocator locator;
    @Inject
    BlobStore blobs;

    /** The study's indexed instances, in index order (series, then instance number). */
    public List<InstanceRecord> instances(String studyUid) {
        return locator.find(studyUid, null, null).stream().map(StudyRecords::record).toList();
    }

    /** The indexed instance with this SOP Instance UID, if the archive holds it. */
    public Optional<InstanceRecord> instance(String sopInstanceUid) {
        return locator.bySopInstanceUids(List.of(sopInstanceUid)).stream().findFirst().map(StudyRecords::record);
    }

    /** The stored Part 10 bytes of an instance, exactly as they were received. */
    public InputStream open(InstanceRecord instance) throws IOException {
        StoredInstance stored = locator.bySopInstanceUids(List.of(instance.sopInstanceUid())).stream().findFirst()
                .orElseThrow(() -> new IOException("instance " + instance.sopInstanceUid() + " is not stored"));
        return blobs.open(stored.blobKey());
    }

    private static InstanceRecord record(StoredInstance i) {
        return new InstanceRecord(i.studyUid(), i.seriesUid(), i.sopClassUid(), i.sopInstanceUid());
    }

    /** The indexed study, or empty while no instance of it has arrived. */
    public Optional<StudyRecord> study(String studyUid) {
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(STUDY)) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String alphabetic = rs.getString(3);
                String ideographic = rs.getString(4);
                String name = alphabetic == null ? ideographic
                        : ideographic == null ? alphabetic : alphabetic + "=" + ideographic;
                String issuer = rs.getString(2);
                return Optional.of(new StudyRecord(studyUid, rs.getString(1),
                        issuer == null || issuer.isEmpty() ? null : issuer, name, date(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8), time(rs.getString(9)), rs.getString(10),
                        rs.getString(11)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read study " + studyUid + " from the index", e);
        }
    }

    private static LocalDate date(String da) {
        if (da == null || da.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String time(String tm) {
        return tm == null ? null : tm.length() > 6 ? tm.substring(0, 6) : tm;
    }
}
