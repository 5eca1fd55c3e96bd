package org.consilium.webui;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;

/**
 * The packaged server (with the browser app Quinoa built into it) on a free port, against the test run's
 * PostgreSQL and Keycloak; its origin is registered with the realm's public {@code consilium-web} client,
 * as an operator registers a production origin.
 */
final class WebApp implements AutoCloseable {

    final Stack stack;
    final ServerProcess server;

    private WebApp(Stack stack, ServerProcess server) {
        this.stack = stack;
        this.server = server;
    }

    static WebApp start(String name) throws Exception {
        Stack stack = ConsiliumTestResource.stack();
        Map<String, String> env = Map.of("CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        ServerProcess server = ServerProcess.start(stack, freePort(), "512m", env,
                stack.dataDir().resolve("logs/" + name + ".log")).awaitReady();
        allowOrigin(stack, server.baseUrl());
        return new WebApp(stack, server);
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    /** Adds {@code origin} to consilium-web's redirect URIs and web origins (idempotent). */
    @SuppressWarnings("unchecked")
    static void allowOrigin(Stack stack, String origin) {
        String admin = stack.keycloak().baseUrl() + "/admin/realms/consilium/clients";
        String token = Tokens.masterAdmin();
        Map<String, Object> client = given().auth().oauth2(token).queryParam("clientId", "consilium-web")
                .get(admin).then().statusCode(200).extract().jsonPath().getMap("[0]");
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        if (!redirects.contains(origin + "/*")) {
            redirects.add(origin + "/*");
        }
        client.put("redirectUris", redirects);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(client)
                .put(admin + "/" + client.get("id")).then().statusCode(204);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
