package org.consilium.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * With {@code consilium.platform.log-json} (CONSILIUM_LOG_JSON=true, the image's and the chart's setting)
 * the console prints one JSON object per line for a log collector: {@code timestamp}, {@code level},
 * {@code logger}, {@code thread}, {@code message}, {@code mdc} (with {@code requestId}, and {@code traceId}
 * and {@code spanId} when tracing is on) and {@code exception}. It is switched on first thing at start-up;
 * the few lines Quarkus logs before that (the database migrations) stay text.
 */
@ApplicationScoped
public class JsonLogs {

    private static final JsonFactory JSON = new JsonFactory();

    void install(@Observes @Priority(1) StartupEvent started, PlatformConfig config) {
        if (config.logJson()) {
            for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(h);
            }
        }
    }

    private static void useJson(Handler handler) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new Formatter());
        } else if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                useJson(child);
            }
        }
    }

    /** One log record as one line of JSON. */
    static final class Formatter extends ExtFormatter {

        @Override
        public String format(ExtLogRecord r) {
            StringWriter out = new StringWriter(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("timestamp", Instant.ofEpochMilli(r.getMillis()).toString());
                g.writeStringField("level", r.getLevel().getName());
                g.writeStringField("logger", r.getLoggerName());
                g.writeStringField("thread", r.getThreadName());
                g.writeStringField("message", formatMessage(r));
                Map<String, String> mdc = r.getMdcCopy();
                if (!mdc.isEmpty()) {
                    g.writeObjectFieldStart("mdc");
                    for (Map.Entry<String, String> e : mdc.entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
                if (r.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    r.getThrown().printStackTrace(new PrintWriter(trace));
                    g.writeStringField("exception", trace.toString());
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.append('\n').toString();
        }
    }
}
