package org.consilium.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

class LivePoolTest {

    @Test
    void theNonBlockingPoolReachesTheDatabaseOfTheJdbcUrlWithoutTheDriversParameters() {
        PgConnectOptions o = LivePool.options("jdbc:postgresql://db.example:5433/consilium?ssl=false&currentSchema=x");
        assertEquals("db.example", o.getHost());
        assertEquals(5433, o.getPort());
        assertEquals("consilium", o.getDatabase());
        assertEquals(0, o.getProperties().entrySet().stream().filter(e -> e.getKey().equals("currentSchema")).count());

        PgConnectOptions defaults = LivePool.options("jdbc:postgresql://localhost/");
        assertEquals(5432, defaults.getPort());
        assertEquals("postgres", defaults.getDatabase());
        assertThrows(IllegalArgumentException.class, () -> LivePool.options("jdbc:mysql://localhost/x"));
    }

    @Test
    void jdbcPlaceholdersAreNumberedInOrder() {
        assertEquals("select $1, $2::text::jsonb from t where a = $3",
                LoneAppends.numbered("select ?, ?::text::jsonb from t where a = ?"));
        assertEquals("select 1", LoneAppends.numbered("select 1"));
    }
}
