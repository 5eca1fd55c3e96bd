package org.consilium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.consilium.archive.Dcmtk;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.bench.SyntheticCtStudy;
import org.consilium.dicom.dict.Tag;
import org.consilium.live.UserSockets;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.SlowLink;
import org.consilium.localstack.Storescu;
import org.consilium.localstack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged server, as Kubernetes sends it on a rolling upgrade, while dcmtk's storescu is
 * in the middle of an association (slowed by a {@link SlowLink}, as a county line is) and a live socket is
 * open: readiness turns DOWN, new associations are refused, the socket is closed with 1012, and the running
 * association still finishes and is stored; an association that outlasts the grace is cut at its end.
 */
class GracefulShutdownIT {

    private static final int SLICES = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermLetsTheRunningAssociationFinishWhileReadinessIsDownAndSocketsAreSentElsewhere(@TempDir Path work)
            throws Exception {
        Stack stack = ConsiliumTestResource.stack();
        int dimsePort = freePort();
        ServerProcess server = ServerProcess.start(stack, freePort(), "512m", Map.of(
                "CONSILIUM_DIMSE_PORT", Integer.toString(dimsePort),
                "CONSILIUM_SHUTDOWN_DELAY", "3s",
                "CONSILIUM_SHUTDOWN_GRACE", "60s"), work.resolve("server.log")).awaitReady();
        Path study = study(work, "a");
        try (SlowLink link = SlowLink.to(dimsePort, 2_000_000);
             UserSockets.Client socket = UserSockets.connect(URI.create(server.baseUrl() + "/"), "dr.li")) {
            Storescu storescu = Storescu.start(link.port(), study, 1, server::terminate);
            storescu.reachedN().get(60, TimeUnit.SECONDS);

            HttpResponse<String> ready = awaitNotReady(server);
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("\"DOWN\""), ready.body());
            assertEquals(1012, socket.awaitClose(), "live sockets are told to reconnect elsewhere");
            Dcmtk.Result echo = Dcmtk.run("echoscu", "-to", "5", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM",
                    "localhost", Integer.toString(dimsePort));
            assertNotEquals(0, echo.exitCode(), "a new association is refused: " + echo.output());
            assertTrue(storescu.process().isAlive(), "the running association was still going while the port closed");

            assertTrue(storescu.process().waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, storescu.process().exitValue(), storescu.transcript());
            assertEquals(SLICES, storescu.acknowledged().size(), storescu.transcript());
            // well before the 60 s grace: nothing else holds it (a WebSocket once open used to hold the HTTP drain)
            assertTrue(server.awaitExit(Duration.ofSeconds(20)), "the server exits once the association ended");
        } finally {
            server.kill();
        }
        assertEquals(SLICES, indexed(stack, series(study)), "everything acknowledged during the drain is stored");
        assertTrue(server.log().contains("DICOM port " + dimsePort + " closed for shutdown"), server.log());
    }

    @Test
    void anAssociationOutlastingTheGraceIsCutAndTheServerStillStopsInTime(@TempDir Path work) throws Exception {
        Stack stack = ConsiliumTestResource.stack();
        int dimsePort = freePort();
        ServerProcess server = ServerProcess.start(stack, freePort(), "512m", Map.of(
                "CONSILIUM_DIMSE_PORT", Integer.toString(dimsePort),
                "CONSILIUM_SHUTDOWN_GRACE", "3s"), work.resolve("server.log")).awaitReady();
        Path study = study(work, "b");
        try (SlowLink link = SlowLink.to(dimsePort, 200_000)) {
            Storescu storescu = Storescu.start(link.port(), study, 1, server::terminate);
            storescu.reachedN().get(60, TimeUnit.SECONDS);
            long stopping = System.nanoTime();
            assertTrue(server.awaitExit(Duration.ofSeconds(30)), "the grace bounds the drain");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping);
            assertTrue(seconds >= 2 && seconds < 20, "stopped " + seconds + " s after SIGTERM, grace 3 s");
            assertTrue(storescu.process().waitFor(2, TimeUnit.MINUTES));
            int acknowledged = storescu.acknowledged().size();
            assertTrue(acknowledged < SLICES, "the association was cut: " + storescu.transcript());
            assertTrue(server.log().contains("shutdown grace over"), server.log());
            assertTrue(indexed(stack, series(study)) >= acknowledged, "nothing acknowledged is lost");
        } finally {
            server.kill();
        }
    }

    private HttpResponse<String> awaitNotReady(ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness stayed UP after SIGTERM");
    }

    private static Path study(Path work, String tag) throws Exception {
        Path dir = work.resolve("study-" + tag);
        SyntheticCtStudy.main(new String[] {dir.toString(), Integer.toString(SLICES),
                (System.currentTimeMillis() % 1_000_000_000L) + "" + (int) tag.charAt(0)});
        return dir;
    }

    private static String series(Path study) throws Exception {
        try (Stream<Path> files = Files.list(study)) {
            return DicomWebTest.header(files.findFirst().orElseThrow()).getString(Tag.SeriesInstanceUID);
        }
    }

    private static int indexed(Stack stack, String seriesUid) throws Exception {
        try (Connection c = stack.postgres().superuserConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from instance_record i"
                     + " join series_record s on s.id = i.series_fk where s.series_uid = ?")) {
            ps.setString(1, seriesUid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
