package org.consilium.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** PostgreSQL and Keycloak together, and the Quarkus configuration that points the server at them. */
public record Stack(LocalPostgres postgres, LocalKeycloak keycloak, Path dataDir) implements AutoCloseable {

    /** Where Maven's dependency:properties goal put the Keycloak zip; set by surefire and bin/run. */
    public static final String KEYCLOAK_DIST_PROPERTY = "consilium.keycloak.dist";
    public static final Path REALM_FILE = Path.of("src/main/keycloak/consilium-realm.json");

    /**
     * Starts both. {@code fresh} drops the database cluster and Keycloak's store first, so that the
     * schema and the realm are created anew (the tests want that; bin/run keeps both).
     */
    public static Stack start(Path dataDir, int postgresPort, int keycloakPort, boolean fresh)
            throws IOException {
        Files.createDirectories(dataDir);
        if (fresh) {
            LocalKeycloak.deleteTree(dataDir.resolve("postgres"));
        }
        String dist = System.getProperty(KEYCLOAK_DIST_PROPERTY);
        if (dist == null || !Files.exists(Path.of(dist))) {
            throw new IOException("System property " + KEYCLOAK_DIST_PROPERTY
                    + " must name the keycloak-quarkus-dist zip (run through Maven or bin/run); got " + dist);
        }
        LocalPostgres pg = LocalPostgres.start(dataDir, postgresPort);
        try {
            LocalKeycloak kc = LocalKeycloak.start(Path.of(dist), REALM_FILE, dataDir, keycloakPort, fresh);
            return new Stack(pg, kc, dataDir);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** Quarkus configuration, as environment-variable names, for a server using this stack. */
    public Map<String, String> serverEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONSILIUM_DB_URL", postgres.jdbcUrl());
        env.put("CONSILIUM_DB_USER", LocalPostgres.USER);
        env.put("CONSILIUM_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("CONSILIUM_OIDC_URL", keycloak.issuer());
        env.put("CONSILIUM_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("CONSILIUM_DATA_DIR", dataDir.toAbsolutePath().toString());
        return env;
    }

    @Override
    public void close() throws IOException {
        keycloak.close();
        postgres.close();
    }
}
