package org.consilium.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalS3;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image Maven built ({@code target/jib-image.tar}, image profile): its configuration, its layers,
 * and the server started exactly as its entry point says, from the image's own Java runtime and files,
 * against PostgreSQL, Keycloak and an S3 store, as the Helm chart runs it.
 */
class OciImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path IMAGE = Path.of(System.getProperty("consilium.test.image", "target/jib-image.tar"));

    @TempDir
    static Path work;
    static Path layout;
    static JsonNode config;
    static List<Path> layers = new ArrayList<>();

    @BeforeAll
    static void unpack() throws Exception {
        assertTrue(Files.isRegularFile(IMAGE), IMAGE + " is missing: build with -Pimage");
        layout = Files.createDirectories(work.resolve("layout"));
        tar("-xf", IMAGE.toAbsolutePath().toString(), "-C", layout.toString());
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(index.path("manifests").path(0).path("digest").asText()).toFile());
        config = JSON.readTree(blob(manifest.path("config").path("digest").asText()).toFile()).path("config");
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(blob(layer.path("digest").asText()));
        }
    }

    @Test
    void runsAsANonRootUser() {
        String user = config.path("User").asText();
        assertEquals("10001:10001", user);
        assertNotEquals("0", user.split(":")[0]);
    }

    @Test
    void theEntryPointIsTheImagesOwnJavaRunningTheServer() {
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertEquals("/opt/java/bin/java", entrypoint.get(0));
        assertEquals(List.of("-jar", "/app/quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        assertTrue(entrypoint.contains("-Djava.io.tmpdir=/tmp"), "temporary files on the /tmp volume");
    }

    @Test
    void exposesHttpAndDicom() {
        Set<String> ports = new TreeSet<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(Set.of("8080/tcp", "11112/tcp"), ports);
        Set<String> volumes = new TreeSet<>();
        config.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        assertEquals(Set.of("/data", "/tmp"), volumes, "the only writable places under a read-only root");
        assertTrue(strings(config.path("Env")).contains("CONSILIUM_DATA_DIR=/data"));
        assertTrue(strings(config.path("Env")).contains("CONSILIUM_LOG_JSON=true"), "a log collector reads JSON lines");
    }

    @Test
    void layersHoldOnlyTheJavaRuntimeAndTheApplication() throws Exception {
        assertEquals(4, layers.size(), "directories, application, Java runtime, libraries");
        for (Path layer : layers) {
            for (String entry : tar("-tzf", layer.toString()).lines().toList()) {
                String path = "/" + entry.replaceFirst("^\\./", "").replaceFirst("^/", "");
                assertTrue(path.startsWith("/opt/") || path.startsWith("/app/") || Set.of("/opt", "/app", "/").contains(
                        path.replaceFirst("/$", "")) , "unexpected file in the image: " + path);
                assertFalse(path.startsWith("/jib-unused"), "Jib's own class layers were dropped");
            }
        }
    }

    @Test
    void theServerStartsFromTheImageAndStoresIntoS3() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        for (Path layer : layers) {
            tar("-xzf", layer.toString(), "-C", root.toString());
        }
        Path java = root.resolve("opt/java/bin/java");
        assertTrue(Files.isExecutable(java));
        assertFalse(Files.exists(root.resolve("opt/java/jmods")), "a jlink'd runtime, not a JDK");

        Path data = Files.createDirectories(work.resolve("data"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>();
        for (String arg : strings(config.path("Entrypoint"))) {
            command.add(arg.startsWith("/") ? root.resolve(arg.substring(1)).toString()
                    : arg.replace("=/tmp", "=" + tmp));
        }
        Map<String, String> env = new HashMap<>();
        for (String e : strings(config.path("Env"))) {
            env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        env.put("CONSILIUM_DATA_DIR", data.toString()); // the /data volume
        env.put("CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        env.put("CONSILIUM_BLOB_STORE", "s3");
        env.put("CONSILIUM_S3_ENDPOINT", LocalS3.shared().endpoint().toString());
        env.put("CONSILIUM_S3_BUCKET", "image-it");
        env.put("CONSILIUM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY);
        env.put("CONSILIUM_S3_SECRET_KEY", LocalS3.SECRET_KEY);
        env.put("CONSILIUM_ARCHIVE_BLOB_STORE_S3_CREATE_BUCKET", "true");
        Set<Path> before = files(root);

        try (ServerProcess server = ServerProcess.start(ConsiliumTestResource.stack(), freePort(), command, env,
                ConsiliumTestResource.stack().dataDir().resolve("logs/image-server.log")).awaitReady()) {
            URI base = URI.create(server.baseUrl() + "/");
            given().auth().oauth2(Tokens.of("cx.rt")).get(base.resolve("api/me")).then().statusCode(200)
                    .body("username", equalTo("cx.rt"));
            byte[] instance = Files.readAllBytes(Stream.of(Path.of("dicom-samples/lung-phantom/CT").toFile().listFiles())
                    .map(f -> f.toPath()).filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow());
            String boundary = "image-it";
            byte[] body = multipart(boundary, instance);
            given().auth().oauth2(Tokens.of("cx.rt"))
                    .contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                    .body(body).post(base.resolve("dicomweb/studies")).then().statusCode(200);
            try (Stream<Path> objects = Files.list(LocalS3.shared().objects().resolve("image-it"))) {
                assertEquals(1, objects.count(), "the instance went to the bucket");
            }
        }
        assertEquals(before, files(root), "the server wrote nothing into the image's file system");
    }

    private static byte[] multipart(String boundary, byte[] part) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes());
        out.writeBytes(part);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        return out.toByteArray();
    }

    private static Set<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return new TreeSet<>(all.toList());
        }
    }

    private static Path blob(String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        command.add("--warning=no-unknown-keyword"); // Jib's pax headers
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "tar " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
