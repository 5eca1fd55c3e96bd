package org.consilium.archive.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.consilium.archive.web.DicomWebLinks;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.json.BulkDataResolver;
import org.consilium.dicom.json.DicomJsonReader;

/**
 * Runs a {@link StudyQuery} and turns each row into the data set a QIDO-RS or C-FIND response carries,
 * from the attributes stored at ingest plus the computed counts, without opening any instance file.
 * Rows come ordered by study and series, so a study's (and a series') stored JSON is decoded once for all
 * the rows below it, and only for the attributes the query returns.
 */
@ApplicationScoped
public class QidoService {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DicomWebLinks links;

    public List<Attributes> find(StudyQuery q, ReturnKeys keys, int offset, int limit) {
        String sql = "select " + columns(q.level(), keys.all()) + q.fromWhere() + orderBy(q.level())
                + " limit ? offset ?";
        List<Attributes> out = new ArrayList<>();
        StoredAttributes stored = new StoredAttributes(keys);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : q.params()) {
                ps.setObject(i++, p);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(keys.select(row(q.level(), rs, stored, keys.all())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static String columns(QueryLevel level, boolean all) {
        String study = "s.study_uid, s.attributes,"
                + " (select count(*) from series_record x where x.study_fk = s.id) as n_series,"
                + " (select count(*) from instance_record y join series_record x on y.series_fk = x.id"
                + " where x.study_fk = s.id) as n_instances,"
                + " (select string_agg(distinct x.modality, '\\') from series_record x where x.study_fk = s.id) as modalities";
        return switch (level) {
            case STUDY -> study;
            case SERIES -> study + ", se.series_uid, se.attributes as series_attributes,"
                    + " (select count(*) from instance_record y where y.series_fk = se.id) as n_series_instances";
            case IMAGE -> study + ", se.series_uid, se.attributes as series_attributes, 0 as n_series_instances,"
                    + " i.sop_instance_uid, i.sop_class_uid, i.instance_number, i.rows, i.columns, i.number_of_frames"
                    + (all ? ", i.metadata" : "");
        };
    }

    private static String orderBy(QueryLevel level) {
        return switch (level) {
            case STUDY -> " order by s.study_date desc nulls last, s.study_time desc nulls last, s.study_uid";
            case SERIES -> " order by s.study_uid, se.series_number nulls last, se.series_uid";
            case IMAGE -> " order by s.study_uid, se.series_number nulls last, se.series_uid,"
                    + " i.instance_number nulls last, i.sop_instance_uid";
        };
    }

    private Attributes row(QueryLevel level, ResultSet rs, StoredAttributes stored, boolean all) throws SQLException {
        String studyUid = rs.getString("study_uid");
        Attributes a = new Attributes();
        merge(a, stored.study(studyUid, rs));
        a.setInt(Tag.NumberOfStudyRelatedSeries, VR.IS, rs.getInt("n_series"));
        a.setInt(Tag.NumberOfStudyRelatedInstances, VR.IS, rs.getInt("n_instances"));
        String modalities = rs.getString("modalities");
        if (modalities != null) {
            a.setString(Tag.ModalitiesInStudy, VR.CS, modalities.split("\\\\"));
        }
        a.setString(Tag.RetrieveURL, VR.UR, links.study(studyUid));
        if (level != QueryLevel.STUDY) {
            String seriesUid = rs.getString("series_uid");
            merge(a, stored.series(seriesUid, rs));
            a.setInt(Tag.NumberOfSeriesRelatedInstances, VR.IS, rs.getInt("n_series_instances"));
            a.setString(Tag.RetrieveURL, VR.UR, links.series(studyUid, seriesUid));
            if (level == QueryLevel.IMAGE) {
                a.remove(Tag.NumberOfSeriesRelatedInstances);
                if (all && rs.getString("metadata") != null) {
                    merge(a, stored.parse(rs.getString("metadata")));
                }
                String sop = rs.getString("sop_instance_uid");
                a.setString(Tag.SOPInstanceUID, VR.UI, sop);
                a.setString(Tag.SOPClassUID, VR.UI, rs.getString("sop_class_uid"));
                setInt(a, Tag.InstanceNumber, VR.IS, rs, "instance_number");
                setInt(a, Tag.Rows, VR.US, rs, "rows");
                setInt(a, Tag.Columns, VR.US, rs, "columns");
                setInt(a, Tag.NumberOfFrames, VR.IS, rs, "number_of_frames");
                a.setString(Tag.RetrieveURL, VR.UR, links.instance(studyUid, seriesUid, sop));
            }
        }
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192"); // values are Unicode from here on
        a.setString(Tag.InstanceAvailability, VR.CS, "ONLINE");
        return a;
    }

    private static void setInt(Attributes a, int tag, VR vr, ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        if (!rs.wasNull()) {
            a.setInt(tag, vr, v);
        }
    }

    private static void merge(Attributes into, Attributes from) {
        for (int i = 0; i < from.size(); i++) {
            into.setValue(from.tagAt(i), from.vrAt(i), from.valueAt(i));
        }
    }

    /**
     * The stored JSON of one query's rows, decoded: the last study's and series' attributes are kept, since
     * the rows of one study (and of one series) come together; the values are shared, never changed.
     */
    private static final class StoredAttributes {

        private final DicomJsonReader reader;
        private String studyUid;
        private Attributes study;
        private String seriesUid;
        private Attributes series;

        StoredAttributes(ReturnKeys keys) {
            reader = new DicomJsonReader().withBulkDataResolver(BulkDataResolver.OMIT).withTagFilter(keys::wants);
        }

        Attributes study(String uid, ResultSet rs) throws SQLException {
            if (!uid.equals(studyUid)) {
                study = parse(rs.getString("attributes"));
                studyUid = uid;
            }
            return study;
        }

        Attributes series(String uid, ResultSet rs) throws SQLException {
            if (!uid.equals(seriesUid)) {
                series = parse(rs.getString("series_attributes"));
                seriesUid = uid;
            }
            return series;
        }

        Attributes parse(String json) {
            try {
                return reader.readDataset(json);
            } catch (IOException | DicomException e) {
                throw new IllegalStateException("stored attributes are not DICOM JSON: " + e.getMessage(), e);
            }
        }
    }
}
