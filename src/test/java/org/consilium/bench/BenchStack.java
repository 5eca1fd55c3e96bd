package org.consilium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.consilium.localstack.Stack;

/**
 * PostgreSQL and Keycloak for benchmarks, without the server: the benchmark script starts the packaged
 * server itself, so that it can restart it with other JVM options (a small heap, a flight recording)
 * against the same index. Writes the server's environment as shell {@code export} lines and runs until
 * killed.
 *
 * <p>Usage: {@code BenchStack <dataDir> <postgresPort> <keycloakPort> <envFile>}
 */
public final class BenchStack {

    private BenchStack() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Stack stack = Stack.start(dataDir, Integer.parseInt(args[1]), Integer.parseInt(args[2]), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }));
        Map<String, String> env = stack.serverEnvironment();
        Files.writeString(Path.of(args[3]), env.entrySet().stream()
                .map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n", "", "\n")));
        System.out.println("bench stack ready");
        Thread.currentThread().join();
    }
}
