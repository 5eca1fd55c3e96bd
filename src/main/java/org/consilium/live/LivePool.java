package org.consilium.live;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The non-blocking PostgreSQL pool of the live rooms, on the same database as the JDBC datasource: a
 * statement sent from a socket's event loop is answered on that event loop, with no hop to a thread that
 * may block ({@link LoneAppends}). Opened on first use.
 */
@ApplicationScoped
public class LivePool {

    @Inject
    Vertx vertx;
    @Inject
    LiveConfig config;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile Pool pool;

    /** The pool; every event loop asks for it on each append, so only its creation takes the lock. */
    Pool pool() {
        Pool p = pool;
        return p != null ? p : open();
    }

    private synchronized Pool open() {
        if (pool == null) {
            pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(config.eventLoopPoolSize()).setName("consilium-live"))
                    .connectingTo(options(jdbcUrl).setUser(user).setPassword(password).setCachePreparedStatements(true))
                    .using(vertx)
                    .build();
        }
        return pool;
    }

    /**
     * Host, port and database of a {@code jdbc:postgresql://host[:port]/database[?...]} URL. The JDBC
     * driver's own parameters mean nothing to this client (it would send them to the server as settings),
     * so they are left out.
     */
    static PgConnectOptions options(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
                .setDatabase(database);
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
