package org.consilium.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one embedded PostgreSQL and one real Keycloak per test JVM, shared by every test class.
 * Keycloak listens on 8181 by default so that tests can run beside a running {@code bin/run}.
 */
public class ConsiliumTestResource implements QuarkusTestResourceLifecycleManager {

    private static Stack stack;

    /** The stack of this test run, started on first use. */
    public static synchronized Stack stack() {
        if (stack == null) {
            Path dataDir = Path.of(System.getProperty("consilium.data-dir", "target/test-data"));
            int kcPort = Integer.getInteger("consilium.test.keycloak-port", 8181);
            try {
                stack = Stack.start(dataDir, 0, kcPort, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing else to do
                }
            }));
        }
        return stack;
    }

    @Override
    public Map<String, String> start() {
        Stack s = stack();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", s.postgres().jdbcUrl());
        config.put("quarkus.oidc.auth-server-url", s.keycloak().issuer());
        config.put("quarkus.keycloak.admin-client.server-url", s.keycloak().baseUrl());
        config.put("consilium.data-dir", s.dataDir().toAbsolutePath().toString());
        return config;
    }

    @Override
    public void stop() {
        // shared across test classes; the shutdown hook stops it when the JVM ends
    }
}
