package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.registry.followup.FollowUpReminders;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class FollowUpReminderTest {

    private static final String PATH = "/api/registry/follow-up-schedules";

    @Inject
    FollowUpReminders reminders;

    @Test
    void twoRunsAtOnceAsTwoReplicasWouldRemindOfEachVisitOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String name = "秦桂英" + unique();
        schedule(name, today.minusMonths(3).plusDays(2));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return reminders.remind();
        })).toList();
        go.countDown();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        reminders.remind();
        List<String> titles = as("cx.doctor").queryParam("limit", 200).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.titleZh");
        assertEquals(1, titles.stream().filter(t -> t.startsWith("随访即将到期：" + name)).count(), titles.toString());
    }

    @Test
    void theOverdueListHoldsSchedulesWithAVisitPastItsDay() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String late = schedule("严淑珍" + unique(), today.minusMonths(3).minusDays(5));
        String onTime = schedule("华秀云" + unique(), today);
        as("cx.doctor").queryParam("overdue", true).queryParam("limit", 200).get(PATH).then().statusCode(200)
                .body("items.id", hasItem(late)).body("items.id", not(hasItem(onTime)));
        as("fm.doctor").queryParam("overdue", true).queryParam("limit", 200).get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(late)));
    }

    /** A changxing patient's stage IIA lung cancer schedule (a visit every 3 months) from {@code start}. */
    private static String schedule(String name, LocalDate start) {
        String patient = as("cx.doctor").body(Map.of("localId", "M" + unique(), "name", name, "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        return as("cx.doctor").body(Map.of("patientId", patient, "icd10", "C34.9", "stage", "IIA",
                "startOn", start.toString())).post(PATH).then().statusCode(201).extract().path("id");
    }
}
