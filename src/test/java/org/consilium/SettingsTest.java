package org.consilium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md: config is typed, one {@code @ConfigMapping} per capability, and every setting is read in
 * one place. Quarkus' own datasource settings are read by Quarkus alone: no class re-reads them to build a
 * second connection.
 */
class SettingsTest {

    private static final Path SOURCES = Path.of("src/main/java/org/consilium");
    private static final Pattern LOOSE_READ = Pattern.compile(
            "@ConfigProperty\\(name\\s*=\\s*\"(consilium\\.|quarkus\\.datasource)|getValue\\(\"consilium\\.");

    @Test
    void noSettingOfOursIsReadOutsideItsCapabilitysMapping() {
        List<String> loose = new ArrayList<>();
        sources().forEach(f -> {
            if (LOOSE_READ.matcher(read(f)).find()) {
                loose.add(SOURCES.relativize(f).toString());
            }
        });
        assertTrue(loose.isEmpty(), "settings read outside a @ConfigMapping: " + loose);
    }

    @Test
    void eachCapabilityHasAtMostOneMapping() {
        Map<String, List<String>> mappings = new TreeMap<>();
        sources().filter(f -> read(f).contains("@ConfigMapping(")).forEach(f -> mappings
                .computeIfAbsent(SOURCES.relativize(f).getName(0).toString(), k -> new ArrayList<>())
                .add(f.getFileName().toString()));
        assertTrue(mappings.containsKey("archive"), "the archive's mapping is found: " + mappings);
        mappings.forEach((capability, files) -> assertEquals(1, files.size(), capability + ": " + files));
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
