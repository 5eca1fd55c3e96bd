package org.consilium.archive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The archive's read API for other capabilities: a study's patient and context, returned as a record so
 * that no other capability reads the archive's tables. Callers check their own access rules first.
 */
@ApplicationScoped
public class StudyRecords {

    private static final String STUDY = "select p.patient_id, p.issuer, p.name_alphabetic, p.name_ideographic,"
            + " p.birth_date, p.sex, s.study_id, s.study_date, s.study_time, s.accession_number, s.referring_physician"
            + " from study_record s join patient_record p on p.id = s.patient_fk where s.study_uid = ?";

    @Inject
    AgroalDataSource db;

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
