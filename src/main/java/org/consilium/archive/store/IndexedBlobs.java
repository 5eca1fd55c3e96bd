package org.consilium.archive.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.consilium.archive.BlobReferences;

/** The blobs of indexed instances, the current version and every replaced one. */
@ApplicationScoped
public class IndexedBlobs implements BlobReferences {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Set<String> referenced(Collection<String> keys) {
        String sql = "select blob_key from instance_record where blob_key = any(?)"
                + " union select blob_key from instance_version where blob_key = any(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bpchar", keys.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the index's blob keys: " + e.getMessage(), e);
        }
    }
}
