package org.consilium.archive;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: STOW-RS uploads of files as a user. */
public final class Stow {

    public static final String BOUNDARY = "test-boundary-42";
    public static final String CONTENT_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

    private Stow() {
    }

    public static ValidatableResponse files(String token, List<Path> files) {
        return bytes(token, files.stream().map(Stow::read).toList());
    }

    public static ValidatableResponse bytes(String token, List<byte[]> parts) {
        return bytes(null, token, parts);
    }

    /** STOW-RS to the server at {@code base} (a packaged server), or to RestAssured's default when null. */
    public static ValidatableResponse bytes(java.net.URI base, String token, List<byte[]> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(p);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = given().auth().oauth2(token).contentType(CONTENT_TYPE).body(body.toByteArray());
        return (base == null ? request : request.baseUri(base.toString())).when().post("/dicomweb/studies").then();
    }

    public static List<Path> dir(String relative) {
        try (Stream<Path> s = Files.list(Path.of("dicom-samples", relative))) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
