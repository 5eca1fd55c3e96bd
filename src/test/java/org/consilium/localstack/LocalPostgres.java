package org.consilium.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL started from the zonky Maven artifacts, for the run command and the tests.
 * Its cluster lives under {@code <dataDir>/postgres} and survives restarts unless the caller wipes it.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "consilium";
    public static final String USER = "consilium";
    public static final String PASSWORD = "consilium";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free one) with its data under {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port) throws IOException {
        Path cluster = dataDir.resolve("postgres");
        Path work = dataDir.resolve("postgres-bin");
        Files.createDirectories(cluster);
        Files.createDirectories(work);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("max_connections", "200")
                // zonky turns synchronous commit off for speed; production PostgreSQL has it on, and an
                // acknowledged commit must survive a crash here too (ConsultCrashRecoveryTest)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        LocalPostgres local = new LocalPostgres(builder.start());
        local.ensureDatabase();
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** A superuser connection to our database, for tests that play the part of a tampering DBA. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    private void ensureDatabase() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + USER + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot prepare the consilium database", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
