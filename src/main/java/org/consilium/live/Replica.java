package org.consilium.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** This server instance among the replicas sharing the database: its id and whether others are alive. */
@ApplicationScoped
public class Replica {

    @Inject
    LiveConfig config;
    @Inject
    DataSource dataSource;

    private String id;
    private volatile boolean alone = false;

    public synchronized String id() {
        if (id == null) {
            id = config.replicaId().orElse("replica-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return id;
    }

    /** True when no other replica has beaten recently: ephemeral frames then skip the NOTIFY. */
    boolean alone() {
        return alone;
    }

    /**
     * Another replica spoke on the backplane (its hello on connecting, or ephemeral items): this one is not
     * alone, from now rather than from its next heartbeat after the other's first.
     */
    void heardAnother() {
        alone = false;
    }

    /** Records that this replica is alive and counts the others that are. */
    void beat() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into live_replica (id, seen_at) values (?, now()) "
                    + "on conflict (id) do update set seen_at = now()")) {
                ps.setString(1, id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from live_replica where id <> ? "
                    + "and seen_at > now() - make_interval(secs => ?)")) {
                ps.setString(1, id());
                ps.setDouble(2, config.replicaTimeout().toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    alone = rs.getLong(1) == 0;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("replica heartbeat failed", e);
        }
    }
}
