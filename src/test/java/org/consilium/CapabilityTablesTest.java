package org.consilium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md: capabilities talk through small APIs, never through each other's tables. A table belongs
 * to the capability whose migration range created it; no other capability's SQL names it.
 */
class CapabilityTablesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/consilium");
    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void noCapabilityNamesAnotherCapabilitysTables() throws IOException {
        Map<String, String> owner = tableOwners();
        assertEquals("archive", owner.get("study_record"), "the archive's index tables are known");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String capability = SOURCES.relativize(f).getName(0).toString();
                violations.addAll(foreignTables(read(f), capability, owner).stream()
                        .map(t -> SOURCES.relativize(f) + " names " + owner.get(t) + "'s table " + t).toList());
            });
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void findsATableOfAnotherCapabilityInSql() {
        Map<String, String> owner = Map.of("study_record", "archive", "consult", "consult");
        assertEquals(List.of("study_record"), foreignTables(
                "String sql = \"select s.study_id from study_record s join consult c on c.id = ?\";", "consult", owner));
        assertEquals(List.of(), foreignTables("String sql = \"select * from consult\";", "consult", owner));
    }

    /** Tables named after from, join, into, update or table in the source that belong to another capability. */
    static List<String> foreignTables(String source, String capability, Map<String, String> owner) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)").matcher(source);
        while (m.find()) {
            String table = m.group(1).toLowerCase();
            String o = owner.get(table);
            if (o != null && !o.equals(capability) && !found.contains(table)) {
                found.add(table);
            }
        }
        return found;
    }

    /** Table to owning capability, by the migration ranges of application.properties' comment. */
    static Map<String, String> tableOwners() throws IOException {
        Map<String, String> owner = new HashMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                Matcher v = VERSION.matcher(f.getFileName().toString());
                if (!v.matches()) {
                    continue;
                }
                int version = Integer.parseInt(v.group(1));
                Matcher m = CREATE.matcher(read(f));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    owner.put(table, capabilityOf(version, table));
                }
            }
        }
        return owner;
    }

    private static String capabilityOf(int version, String table) {
        if (version == 1) {
            return table.startsWith("audit") ? "audit" : "identity";
        }
        if (version < 10) {
            return "archive";
        }
        if (version < 30) {
            return "consult";
        }
        if (version < 40) {
            return "live";
        }
        if (version < 50) {
            return "radiotherapy";
        }
        return version < 60 ? "registry" : "platform";
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
