package org.consilium.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine, behind {@code bin/run}: embedded PostgreSQL, a real Keycloak and the
 * packaged server, with every piece's data under one directory. Prints the URL and the demo logins.
 */
public final class LocalStack {

    private static final List<String[]> DEMO_LOGINS = List.of(
            new String[] {"cm.wang", "省肿瘤医院 prov", "case-manager", ""},
            new String[] {"dr.li", "省肿瘤医院 prov", "specialist", "radiation-oncology"},
            new String[] {"dr.zhao", "省肿瘤医院 prov", "specialist", "medical-oncology"},
            new String[] {"dr.sun", "省肿瘤医院 prov", "specialist", "surgery"},
            new String[] {"dr.zhou", "省肿瘤医院 prov", "specialist", "radiology"},
            new String[] {"dr.wu", "省肿瘤医院 prov", "specialist", "pathology"},
            new String[] {"phys.chen", "省肿瘤医院 prov", "rt-staff", "medical-physics"},
            new String[] {"admin.prov", "省肿瘤医院 prov", "hospital-admin", ""},
            new String[] {"platform.admin", "省肿瘤医院 prov", "platform-admin", ""},
            new String[] {"cx.doctor", "长兴县人民医院 changxing", "clinician", "medical-oncology"},
            new String[] {"cx.rt", "长兴县人民医院 changxing", "rt-staff", "radiation-oncology"},
            new String[] {"cx.admin", "长兴县人民医院 changxing", "hospital-admin", ""},
            new String[] {"fm.doctor", "富民县人民医院 fumin", "clinician", "surgery"},
            new String[] {"fm.rt", "富民县人民医院 fumin", "rt-staff", "radiation-oncology"},
            new String[] {"fm.admin", "富民县人民医院 fumin", "hospital-admin", ""});

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        boolean reset = List.of(args).contains("--reset");
        Path dataDir = Path.of(env("CONSILIUM_DATA_DIR", System.getProperty("user.home") + "/.consilium"));
        if (reset) {
            LocalKeycloak.deleteTree(dataDir);
        }
        int httpPort = Integer.parseInt(env("CONSILIUM_HTTP_PORT", "8080"));
        say("Consilium: data under " + dataDir.toAbsolutePath());
        say("Starting PostgreSQL and Keycloak (first start unpacks Keycloak; about a minute) ...");
        Stack stack = Stack.start(dataDir, Integer.parseInt(env("CONSILIUM_PG_PORT", "5433")),
                Integer.parseInt(env("CONSILIUM_KEYCLOAK_PORT", "8180")), false);
        ServerProcess server = ServerProcess.start(stack, httpPort, "1g", Map.of(), dataDir.resolve("logs/server.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stack)));

        String base = server.baseUrl();
        server.awaitReady();
        int samples = new SampleLoader(base, stack.keycloak().issuer()).load(Path.of("dicom-samples"), "cx.rt");
        int consults = new DemoConsults(base, stack.keycloak().issuer()).load();
        say("Demo consults: " + (consults > 0 ? consults + " created" : "already there")
                + " (requested, triaged, returned, declined; log in as cm.wang for the queue)");
        try {
            int demo = new BoardDemo(base, stack.keycloak().issuer()).load();
            if (demo > 0) {
                say("MDT board demo: a consult scheduled for next week's board, one discussed and signed");
            }
        } catch (IOException e) {
            say("MDT board demo data not loaded: " + e.getMessage());
        }
        banner(base, stack, Duration.between(started, Instant.now()), samples);
        server.process().waitFor();
        say("The server exited with " + server.process().exitValue() + "; see " + dataDir.resolve("logs/server.log"));
        System.exit(1);
    }

    private static void banner(String base, Stack stack, Duration took, int samples) {
        say("");
        say("Consilium is ready (" + took.toSeconds() + " s)");
        say("  Browser app    " + base + "/   (log in with a demo login below)");
        say("  API            " + base + "/api   (Swagger UI: " + base + "/q/swagger-ui)");
        say("  Health         " + base + "/q/health/ready");
        say("  Keycloak       " + stack.keycloak().baseUrl() + "   (master admin: " + LocalKeycloak.ADMIN_USER + " / "
                + LocalKeycloak.ADMIN_PASSWORD + ")");
        say("  PostgreSQL     " + stack.postgres().jdbcUrl() + "   (" + LocalPostgres.USER + " / "
                + LocalPostgres.PASSWORD + ")");
        say("  DICOMweb       " + base + "/dicomweb   (QIDO, WADO, STOW; bearer token)");
        say("  DICOM (DIMSE)  AE CONSILIUM on port " + env("CONSILIUM_DIMSE_PORT", "11112")
                + "   (registered callers: CHANGXING_PACS, FUMIN_PACS, PROV_PACS)");
        say("  Samples        " + samples + " instances from dicom-samples/ stored for 长兴县人民医院 (log in as cx.*)");
        say("");
        say("Demo logins (password for all: " + Tokens.DEMO_PASSWORD + "):");
        for (String[] l : DEMO_LOGINS) {
            say(String.format("  %-15s %-26s %-15s %s", l[0], l[1], l[2], l[3]));
        }
        say("");
        say("Try:  TOKEN=$(curl -s -d grant_type=password -d client_id=consilium-cli -d username=dr.li -d password="
                + Tokens.DEMO_PASSWORD + " " + stack.keycloak().issuer()
                + "/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        say("      curl -H \"Authorization: Bearer $TOKEN\" " + base + "/api/me");
        say("Press Ctrl-C to stop.");
    }

    private static void stop(ServerProcess server, Stack stack) {
        try {
            server.close();
            stack.close();
        } catch (IOException | InterruptedException e) {
            System.err.println("while stopping: " + e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
