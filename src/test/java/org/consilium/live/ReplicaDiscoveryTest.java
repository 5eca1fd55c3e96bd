package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * A replica that believes itself alone sends its cursors to nobody. When another one starts, its hello on
 * the ephemeral channel ends that at once, not at this replica's next heartbeat after the other's first.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ReplicaDiscoveryTest {

    @Inject
    Replica replica;
    @Inject
    Backplane backplane;
    @Inject
    DataSource dataSource;

    @Test
    void anotherReplicasHelloEndsBeingAloneWithinMilliseconds() throws Exception {
        beatAlone();
        assertTrue(replica.alone(), "no other replica has beaten");

        backplane.notify(Backplane.EPHEMERAL, "test-replica-" + System.nanoTime() + "||");
        // poll tightly: the heartbeat every 5 s recounts from the table (where the stranger has no row)
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (replica.alone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertFalse(replica.alone(), "a hello from another replica was heard");
    }

    @Test
    void ownHelloIsNotAnotherReplica() throws Exception {
        beatAlone();
        backplane.notify(Backplane.EPHEMERAL, backplane.hello());
        Thread.sleep(500);
        assertTrue(replica.alone());
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
