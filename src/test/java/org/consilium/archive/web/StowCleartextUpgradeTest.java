package org.consilium.archive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consilium.archive.Stow;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that asks to upgrade to HTTP/2 in cleartext (curl {@code --http2}, some HTTP libraries by
 * default) still gets its STOW-RS streamed and answered, over HTTP/1.1: the server does not take h2c
 * upgrades, which would make it swallow the whole body before switching protocols.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class StowCleartextUpgradeTest {

    @TestHTTPResource("/dicomweb/studies")
    URL studies;

    @TempDir
    Path dir;

    @Test
    void anH2cUpgradeRequestIsAnsweredOverHttp11() throws Exception {
        List<Path> files = Stow.dir("lung-phantom/CT").subList(0, 12);
        Path body = dir.resolve("stow.body");
        try (OutputStream out = Files.newOutputStream(body)) {
            for (Path f : files) {
                out.write(("--" + Stow.BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(Files.readAllBytes(f));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("--" + Stow.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path answer = dir.resolve("answer.json");
        Process curl = new ProcessBuilder("curl", "-s", "--http2", "-o", answer.toString(),
                "-w", "%{http_code} %{http_version}", "-X", "POST", "-T", body.toString(), "-H", "Expect:",
                "-H", "Authorization: Bearer " + Tokens.of("cx.rt"), "-H", "Content-Type: " + Stow.CONTENT_TYPE,
                "-H", "Accept: application/dicom+json", studies.toString())
                .redirectErrorStream(true).start();
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS), "curl finished");
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();

        assertEquals("200 1.1", status, "status and HTTP version; with h2c the upgrade would answer 2");
        String json = Files.readString(answer);
        long stored = json.split("\"00081155\"", -1).length - 1;
        assertEquals(files.size(), stored, "every instance is referenced in the answer: " + json);
    }
}
