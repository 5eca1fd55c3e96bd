package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * A replica that believes itself alone sends its cursors to nobody. When another one starts, its hello
 * ends that at once, not at this replica's next heartbeat after the other's first; its own hello does not.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReplicaDiscoveryTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    Replica replica;
    @Inject
    Backplane backplane;
    @Inject
    UserChannel users;
    @Inject
    DataSource dataSource;

    @Test
    void anotherReplicasHelloEndsBeingAloneWithinMilliseconds() throws Exception {
        beatAlone();
        assertTrue(replica.alone(), "no other replica has beaten");

        backplane.publish(new Envelope(Envelope.HELLO, "test-replica-" + System.nanoTime(), "", ""));
        // poll tightly: the heartbeat every 5 s recounts from the table (where the stranger has no row)
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (replica.alone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertFalse(replica.alone(), "a hello from another replica was heard");
    }

    /**
     * The own hello is followed on the same channel by a push to a socket of this replica: NOTIFYs arrive in
     * commit order and are handled by one listener, so once the push has arrived the hello has been handled.
     */
    @Test
    void ownHelloIsNotAnotherReplica() throws Exception {
        try (LiveClient wu = LiveClient.join(base, "dr.wu", null, null)) {
            wu.await("welcome");
            beatAlone();
            assertTrue(replica.alone(), "no other replica has beaten");
            String probe = "probe-" + System.nanoTime();
            backplane.publish(Envelope.HELLO, "", "");
            users.push(LiveRoomsTest.userId("dr.wu"), "probe", Map.of("probe", probe));
            JsonNode push = wu.await(f -> f.path("type").asText().equals("push"), Duration.ofSeconds(20));
            assertEquals(probe, push.path("payload").path("probe").asText(), "the push after the hello arrived");
            assertTrue(replica.alone(), "its own hello did not make this replica think another one is up");
        }
    }

    /** Forgets every other replica's heartbeat and beats: this replica is then alone. */
    private void beatAlone() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from live_replica where id <> ?")) {
            ps.setString(1, replica.id());
            ps.executeUpdate();
        }
        replica.beat();
    }
}
