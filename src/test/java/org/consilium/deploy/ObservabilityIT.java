package org.consilium.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.consilium.archive.Dcmtk;
import org.consilium.archive.Stow;
import org.consilium.bench.SyntheticCtStudy;
import org.consilium.live.UserSockets;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as the image and the chart run it (JSON logs) with tracing on, exporting OTLP over
 * HTTP to a receiver in this test: after a storescu batch, a STOW-RS upload, a WADO-RS retrieve, an open
 * live socket and a refused request, the metrics, the spans and the request ids are there.
 */
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();

    static HttpServer collector;
    static ServerProcess server;
    static Path work;
    static int dimsePort;

    @BeforeAll
    static void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/", exchange -> {
            EXPORTS.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Stack stack = ConsiliumTestResource.stack();
        work = Files.createTempDirectory("observability-it");
        dimsePort = freePort();
        server = ServerProcess.start(stack, freePort(), "512m", Map.of(
                "CONSILIUM_DIMSE_PORT", Integer.toString(dimsePort),
                "CONSILIUM_LOG_JSON", "true",
                "CONSILIUM_OTEL_SDK_DISABLED", "false",
                "CONSILIUM_OTEL_PROTOCOL", "http/protobuf",
                "CONSILIUM_OTEL_ENDPOINT", "http://localhost:" + collector.getAddress().getPort() + "/v1/traces",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"), work.resolve("server.log")).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void ingestRetrieveAndLiveAreMeteredTracedAndLoggedWithRequestIds() throws Exception {
        URI base = URI.create(server.baseUrl() + "/");
        Path study = work.resolve("study");
        SyntheticCtStudy.main(new String[] {study.toString(), "4", Long.toString(System.currentTimeMillis() % 1_000_000_000L)});
        List<Path> files;
        try (Stream<Path> s = Files.list(study)) {
            files = s.sorted().toList();
        }
        List<String> storescu = new ArrayList<>(List.of("-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                Integer.toString(dimsePort)));
        files.subList(0, 3).forEach(f -> storescu.add(f.toString()));
        Dcmtk.Result stored = Dcmtk.run("storescu", storescu.toArray(String[]::new));
        assertEquals(0, stored.exitCode(), stored.output());

        String token = Tokens.of("cx.rt");
        Response stow = Stow.bytes(server.baseUrl(), token, List.of(Files.readAllBytes(files.get(3)))).statusCode(200).extract().response();
        String stowRequestId = stow.header("X-Request-Id");
        String studyUid = org.consilium.archive.web.DicomWebTest.header(files.get(3))
                .getString(org.consilium.dicom.dict.Tag.StudyInstanceUID);
        byte[] retrieved = given().baseUri(server.baseUrl()).auth().oauth2(token).accept("multipart/related; type=\"application/dicom\"")
                .get("/dicomweb/studies/" + studyUid).then().statusCode(200).extract().asByteArray();

        // a refused request names its id in the header and in the problem, and a caller's own id is kept
        Response missing = given().baseUri(server.baseUrl()).auth().oauth2(token).header("X-Request-Id", "county-7f3a")
                .get("/dicomweb/studies/1.2.3.4.404/metadata").then().statusCode(404).extract().response();
        assertEquals("county-7f3a", missing.header("X-Request-Id"));
        assertEquals("county-7f3a", missing.jsonPath().getString("requestId"));
        String generated = given().baseUri(server.baseUrl()).get("/api/me").then().statusCode(401).extract().jsonPath()
                .getString("requestId");
        assertTrue(generated != null && generated.length() >= 32, "a generated id: " + generated);

        String metrics;
        try (UserSockets.Client socket = UserSockets.connect(base, "dr.li")) {
            metrics = given().baseUri(server.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertEquals(3.0, value(metrics, "consilium_ingest_instances_total", "channel=\"dimse\",outcome=\"stored\""));
        assertEquals(1.0, value(metrics, "consilium_ingest_instances_total", "channel=\"http\",outcome=\"stored\""));
        assertTrue(value(metrics, "consilium_ingest_bytes_total", "channel=\"dimse\"") > 3 * 512 * 512 * 2);
        assertEquals(3.0, value(metrics, "consilium_ingest_seconds_count", "channel=\"dimse\""));
        assertTrue(metrics.contains("consilium_ingest_seconds_bucket{channel=\"dimse\""), "a latency histogram");
        assertTrue(value(metrics, "consilium_dimse_associations_total", "outcome=\"accepted\"") >= 1);
        assertEquals(0.0, value(metrics, "consilium_dimse_associations_open", null));
        assertTrue(value(metrics, "consilium_wado_bytes_total", null) >= retrieved.length - 1024);
        assertEquals(1.0, value(metrics, "consilium_live_sockets", null));
        assertEquals(0.0, value(metrics, "consilium_live_rooms", null));
        assertEquals(0.0, value(metrics, "consilium_forward_queue", null));
        assertTrue(value(metrics, "consilium_consult_queue", "urgency=\"routine\"") >= 0);
        assertTrue(value(metrics, "consilium_consult_sla_breaches", "urgency=\"green_channel\"") >= 0);
        assertTrue(value(metrics, "consilium_rt_review_queue", null) >= 0);
        assertTrue(value(metrics, "consilium_rt_review_sla_breaches", null) >= 0);

        // spans reach the OTLP collector: C-STORE with the ingest inside, and the DICOMweb requests
        String exported = awaitExported("C-STORE", "archive.ingest", "POST /dicomweb/studies", "GET /dicomweb/studies/{study}");
        assertTrue(exported.contains("CHANGXING_PACS"), "the C-STORE span names the calling AE");

        // every line after start is JSON; the association's and the STOW request's lines carry their ids
        List<JsonNode> lines = new ArrayList<>();
        for (String line : server.log().lines().toList()) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertFalse(lines.isEmpty(), "JSON log lines");
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().startsWith("association from CHANGXING_PACS")
                && l.path("mdc").path("requestId").asText().startsWith("assoc-")), "the association's id is logged");
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().startsWith("STOW-RS: 1 stored")
                && stowRequestId.equals(l.path("mdc").path("requestId").asText())), "the STOW request's id is logged");
        assertTrue(lines.stream().anyMatch(l -> l.path("mdc").has("traceId")), "log lines carry the trace id");
    }

    private static String awaitExported(String... names) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        String all = "";
        while (System.currentTimeMillis() < deadline) {
            StringBuilder sb = new StringBuilder();
            EXPORTS.forEach(b -> sb.append(new String(b, StandardCharsets.ISO_8859_1)));
            all = sb.toString();
            String text = all;
            if (Stream.of(names).allMatch(text::contains)) {
                return all;
            }
            Thread.sleep(200);
        }
        String text = all;
        throw new AssertionError("spans missing: " + Stream.of(names).filter(n -> !text.contains(n)).toList()
                + " in " + EXPORTS.size() + " exports");
    }

    /** The value of the sample {@code name{labels}} (labels in Prometheus' order, or null for none). */
    private static double value(String metrics, String name, String labels) {
        Pattern p = Pattern.compile("^" + Pattern.quote(name) + (labels == null ? "(\\{[^}]*\\})?" : "\\{" + Pattern.quote(labels) + "[^}]*\\}")
                + " (?<value>[-0-9.eE+NaN]+)( # .*)?$", Pattern.MULTILINE); // an exemplar may follow
        Matcher m = p.matcher(metrics);
        assertTrue(m.find(), name + "{" + labels + "} is exported; ours: " + metrics.lines()
                .filter(l -> l.startsWith("consilium_") && !l.contains("_bucket")).toList());
        return Double.parseDouble(m.group("value"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
