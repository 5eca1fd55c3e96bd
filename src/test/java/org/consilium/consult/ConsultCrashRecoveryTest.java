package org.consilium.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalPostgres;
import org.consilium.localstack.Stack;
import org.junit.jupiter.api.Test;

/**
 * A consult transition answered 200 is durable: PostgreSQL killed with SIGKILL (postmaster and every
 * backend, so that WAL still in shared memory is gone) right after the answer has the transition after crash
 * recovery, in every one of several trials. An asynchronous commit answers before its WAL is written and
 * would lose some of them. The server runs against a PostgreSQL of its own that the test can kill.
 */
@QuarkusTest
@TestProfile(ConsultCrashRecoveryTest.OwnPostgres.class)
class ConsultCrashRecoveryTest {

    private static final int TRIALS = 5;

    @Test
    void aTransitionAnsweredBeforePostgresIsKilledSurvivesCrashRecovery() throws Exception {
        List<String> lost = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            UUID id = retried(() -> ConsultTransitionTest.insertConsult("cx.doctor"));
            retried(() -> ConsultTransitionTest.transition("cm.wang", id, "ACCEPT", 0, null).then().statusCode(200));
            CrashablePostgres.killAndRecover();
            String state = CrashablePostgres.query("select state || ' v' || version from consult where id = ?", id);
            String notified = CrashablePostgres.query(
                    "select count(*) from notification where consult_id = ? and kind = 'consult.triaged'", id);
            if (!"TRIAGED v1".equals(state) || !"1".equals(notified)) {
                lost.add("trial " + trial + ": " + state + ", " + notified + " notification");
            }
        }
        assertEquals(List.of(), lost, "transitions lost in a crash after their 200");
    }

    /** The first calls after a restart may meet pooled connections that died with the old server. */
    private static <T> T retried(Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return call.call();
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    public static final class OwnPostgres implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CrashablePostgres.class));
        }
    }

    /** A PostgreSQL of this test's own on a fixed port, which it can kill and start again on the same cluster. */
    public static final class CrashablePostgres implements QuarkusTestResourceLifecycleManager {

        private static Path dir;
        private static int port;
        private static LocalPostgres postgres;

        @Override
        public Map<String, String> start() {
            Stack shared = ConsiliumTestResource.stack(); // Keycloak is shared; PostgreSQL is not
            try {
                dir = shared.dataDir().resolve("crash-postgres");
                if (Files.exists(dir)) {
                    try (var walk = Files.walk(dir)) {
                        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
                Files.createDirectories(dir);
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                postgres = LocalPostgres.start(dir, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.oidc.auth-server-url", shared.keycloak().issuer(),
                    "quarkus.keycloak.admin-client.server-url", shared.keycloak().baseUrl(),
                    "consilium.data-dir", shared.dataDir().toAbsolutePath().toString());
        }

        /** SIGKILL to the postmaster and all its children at once, then a start on the same cluster (crash recovery). */
        static void killAndRecover() throws Exception {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle main = ProcessHandle.of(postmaster).orElseThrow();
            List<ProcessHandle> all = new ArrayList<>(main.descendants().toList());
            all.add(main);
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : all) {
                p.onExit().join();
            }
            postgres.close(); // its pg_ctl stop finds nothing to stop; this releases the cluster's lock
            postgres = LocalPostgres.start(dir, port);
        }

        static String query(String sql, UUID id) throws Exception {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
                 PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        @Override
        public void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
