package org.consilium.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Gauges whose value is one number read from PostgreSQL when Prometheus scrapes (queue depths, SLA
 * breaches): the database is the truth every replica shares, so each replica reports the same value and a
 * dashboard takes their {@code max}. A failed read reports NaN rather than failing the scrape.
 */
@ApplicationScoped
public class SqlGauges {

    private static final Logger LOG = Logger.getLogger(SqlGauges.class);

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    /** Registers {@code name} with {@code tags} (key, value, ...), read by {@code sql}'s first column of its first row. */
    public void register(String name, String description, String sql, String... tags) {
        Gauge.builder(name, () -> read(sql)).description(description).tags(Tags.of(tags)).register(registry);
    }

    private double read(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (SQLException e) {
            LOG.debugf("gauge query failed: %s", e.toString());
            return Double.NaN;
        }
    }
}
