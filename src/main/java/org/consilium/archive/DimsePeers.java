package org.consilium.archive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Looks up registered AEs by title, for association acceptance and C-MOVE destinations. */
@ApplicationScoped
public class DimsePeers {

    @Inject
    AgroalDataSource dataSource;

    public Optional<RemoteAe> byTitle(String aeTitle) {
        String sql = "select ae_title, hospital_id, host, port, may_store, may_query, may_receive"
                + " from application_entity where ae_title = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, aeTitle.trim());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RemoteAe(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("AE lookup failed: " + e.getMessage(), e);
        }
    }
}
