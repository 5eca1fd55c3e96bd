package org.consilium.archive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.consilium.platform.UuidV7;

/**
 * The one rule for who may read or add to a study, used by DICOMweb, DIMSE query/retrieve and later
 * capabilities alike: the hospital that owns the study, and hospitals it was granted to (directly or for a
 * consult). Nobody else, whatever their role.
 */
@ApplicationScoped
public class StudyAccess {

    /**
     * SQL predicate over {@code study_record s}: the study is visible to the hospital bound twice, as the
     * next two parameters.
     */
    public static final String VISIBLE_TO_HOSPITAL = "(s.hospital_id = ? or exists (select 1 from study_grant g"
            + " where g.study_uid = s.study_uid and g.grantee_hospital_id = ?))";

    @Inject
    AgroalDataSource dataSource;

    public boolean maySee(UUID hospitalId, String studyUid) {
        if (hospitalId == null) {
            return false;
        }
        String sql = "select 1 from study_record s where s.study_uid = ? and " + VISIBLE_TO_HOSPITAL;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, studyUid);
            ps.setObject(2, hospitalId);
            ps.setObject(3, hospitalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check access to study " + studyUid, e);
        }
    }

    /** A hospital may add instances to a study it owns or was granted (e.g. a revised RTSTRUCT for a review). */
    public boolean mayWrite(Connection c, UUID hospitalId, UUID owner, String studyUid) throws SQLException {
        if (owner.equals(hospitalId)) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from study_grant where study_uid = ? and grantee_hospital_id = ?")) {
            ps.setString(1, studyUid);
            ps.setObject(2, hospitalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Grants a hospital read access to a study, for a consult or (consultId null) directly. Idempotent. */
    @Transactional
    public void grant(String studyUid, UUID granteeHospitalId, UUID consultId, String grantedBy) {
        String sql = "insert into study_grant (id, study_uid, grantee_hospital_id, consult_id, granted_by, granted_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setString(2, studyUid);
            ps.setObject(3, granteeHospitalId);
            ps.setObject(4, consultId);
            ps.setString(5, grantedBy);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant study " + studyUid, e);
        }
    }
}
