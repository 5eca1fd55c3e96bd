package org.consilium.archive.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds stored instances of a study, series or single instance, in presentation order. */
@ApplicationScoped
public class InstanceLocator {

    private static final String COLUMNS = "s.study_uid, se.series_uid, i.sop_instance_uid, i.sop_class_uid,"
            + " i.transfer_syntax, i.blob_key, i.size, i.pixel_data_offset, i.pixel_data_length, i.number_of_frames,"
            + " i.rows, i.columns";
    private static final String JOIN = " from instance_record i join series_record se on i.series_fk = se.id"
            + " join study_record s on se.study_fk = s.id";
    private static final String FROM = JOIN + " where s.study_uid = ?";
    private static final String ORDER = " order by se.series_number nulls last, se.series_uid,"
            + " i.instance_number nulls last, i.sop_instance_uid";

    @Inject
    AgroalDataSource dataSource;

    /** Instances of the study, narrowed by series and instance UID when those are not null. */
    public List<StoredInstance> find(String studyUid, String seriesUid, String sopInstanceUid) {
        String sql = "select " + COLUMNS + FROM + filters(seriesUid, sopInstanceUid) + ORDER;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, studyUid, seriesUid,
                sopInstanceUid); ResultSet rs = ps.executeQuery()) {
            return read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("instance lookup failed: " + e.getMessage(), e);
        }
    }

    private static List<StoredInstance> read(ResultSet rs) throws SQLException {
        List<StoredInstance> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new StoredInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getLong(7), (Long) rs.getObject(8),
                    (Long) rs.getObject(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11),
                    (Integer) rs.getObject(12)));
        }
        return out;
    }

    /** The stored instances among these SOP Instance UIDs, whatever their study; unknown UIDs are left out. */
    public List<StoredInstance> bySopInstanceUids(Collection<String> sopInstanceUids) {
        return query("select " + COLUMNS + JOIN + " where i.sop_instance_uid = any(?)" + ORDER,
                (c, ps) -> ps.setArray(1, c.createArrayOf("varchar", sopInstanceUids.toArray())));
    }

    /** Instances matching an image-level query, already scoped to what its hospital may see. */
    public List<StoredInstance> find(StudyQuery query) {
        if (query.level() != QueryLevel.IMAGE) {
            throw new IllegalArgumentException("retrieve needs an image-level query");
        }
        return query("select " + COLUMNS + query.fromWhere() + ORDER, (c, ps) -> {
            int i = 1;
            for (Object p : query.params()) {
                ps.setObject(i++, p);
            }
        });
    }

    private interface Binder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private List<StoredInstance> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("instance lookup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the stored DICOM JSON of the matching instances as one JSON array, straight from the index:
     * no instance file is opened. Returns the number of instances written.
     */
    public int writeMetadata(String studyUid, String seriesUid, String sopInstanceUid, Writer out) throws IOException {
        String sql = "select i.metadata" + FROM + filters(seriesUid, sopInstanceUid) + ORDER;
        int n = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, studyUid, seriesUid,
                sopInstanceUid)) {
            ps.setFetchSize(200);
            c.setAutoCommit(false); // lets the driver stream rows with the fetch size
            try (ResultSet rs = ps.executeQuery()) {
                out.write('[');
                while (rs.next()) {
                    if (n++ > 0) {
                        out.write(',');
                    }
                    out.write(rs.getString(1));
                }
                out.write(']');
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("metadata lookup failed: " + e.getMessage(), e);
        }
        return n;
    }

    private static String filters(String seriesUid, String sopInstanceUid) {
        return (seriesUid != null ? " and se.series_uid = ?" : "") + (sopInstanceUid != null ? " and i.sop_instance_uid = ?" : "");
    }

    private static PreparedStatement prepare(Connection c, String sql, String study, String series, String sop)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 1;
        ps.setString(i++, study);
        if (series != null) {
            ps.setString(i++, series);
        }
        if (sop != null) {
            ps.setString(i, sop);
        }
        return ps;
    }
}
