package org.consilium.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The follow-up reminder job on two replicas of the packaged server, each running it every second against one
 * PostgreSQL: every visit falling due is reminded of exactly once, whichever replica claims it.
 */
class FollowUpRemindersOnReplicasIT {

    static ServerProcess a;
    static ServerProcess b;

    @BeforeAll
    static void start() throws Exception {
        Stack stack = ConsiliumTestResource.stack();
        a = replica(stack, "remind-a");
        b = replica(stack, "remind-b");
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void bothReplicasRunTheJobAndEachDueVisitIsRemindedOfOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "复诊" + UUID.randomUUID().toString().substring(0, 6);
            names.add(name);
            ServerProcess via = i % 2 == 0 ? a : b;
            String patient = as(via, "cx.doctor").body(Map.of("localId", "RP" + UUID.randomUUID().toString()
                    .substring(0, 8), "name", name, "sex", "M")).post("/api/patients").then().statusCode(201)
                    .extract().path("id");
            as(via, "cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB",
                    "startOn", today.minusMonths(3).plusDays(1 + i % 3).toString()))
                    .post("/api/registry/follow-up-schedules").then().statusCode(201);
        }
        // the job starts 30 s after boot and runs every second on each replica
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (reminders(names).values().stream().anyMatch(n -> n == 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        Thread.sleep(5000);
        Map<String, Long> counts = reminders(names);
        assertEquals(names.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> 1L)), counts);
    }

    /** How many due-reminders cx.doctor got for each name. */
    private static Map<String, Long> reminders(List<String> names) {
        List<String> titles = as(a, "cx.doctor").queryParam("limit", 200).get("/api/notifications").then()
                .statusCode(200).extract().jsonPath().getList("items.titleZh");
        return names.stream().collect(java.util.stream.Collectors.toMap(n -> n,
                n -> titles.stream().filter(t -> t.startsWith("随访即将到期：" + n)).count()));
    }

    private static ServerProcess replica(Stack stack, String id) throws Exception {
        Map<String, String> env = Map.of("CONSILIUM_REPLICA_ID", id, "CONSILIUM_REGISTRY_REMINDER_EVERY", "1s",
                "CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        return ServerProcess.start(stack, freePort(), "512m", env, stack.dataDir().resolve("logs/" + id + ".log"))
                .awaitReady();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static RequestSpecification as(ServerProcess server, String user) {
        return given().baseUri(server.baseUrl()).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
