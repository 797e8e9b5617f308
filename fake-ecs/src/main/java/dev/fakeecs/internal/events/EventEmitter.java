package dev.fakeecs.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.events.EcsEvents;
import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.journal.JournalRetention;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The world's one emitter of ECS events: wraps a detail in EventBridge's envelope, gives it an id from the
 * events' own seeded stream (the world's seed mixed with a constant, never the engine's random source, so
 * journals stay byte-identical) and publishes it to the world's {@link EcsEvents}, bounded like the journal.
 *
 * <pre>{@code
 * EventEmitter emitter = EventEmitter.of(world);
 * emitter.emit("us-east-1", EcsEvent.SERVICE_ACTION, List.of(serviceArn), DetailWriter.of(detail));
 * }</pre>
 */
public final class EventEmitter {

    /** Mixed into the world's seed for the events' own random stream. */
    static final long STREAM = 0x45435345_56454e54L; // "ECSEVENT"

    /** How much event JSON a world with a bounded journal keeps (32 Mi characters, about 32 MiB). */
    public static final long BOUNDED_CHARS = 32L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineContext world;
    private final SeededRandom ids;
    private final EcsEvents events;

    private EventEmitter(EngineContext world) {
        this.world = world;
        this.ids = new SeededRandom(world.seed() ^ STREAM);
        JournalRetention retention = world.journal().retention();
        this.events = retention.keepsAll() ? new EcsEvents(Long.MAX_VALUE)
                : new EcsEvents(retention.maxEntries(), BOUNDED_CHARS);
    }

    /** The world's emitter, made on first use. */
    public static EventEmitter of(EngineContext world) {
        return world.extension(EventEmitter.class, () -> new EventEmitter(world));
    }

    /** The world's events. */
    public EcsEvents events() {
        return events;
    }

    /**
     * Emits one event now (the caller holds the engine lock). {@code detail} holds a snapshot of the resource taken
     * now; the envelope is written from it when first read (also in a world bounded by characters, which counts
     * the event by {@link DetailWriter#estimatedChars()} until then).
     */
    EcsEvent emit(String region, String detailType, List<String> resources, DetailWriter detail) {
        String id = ids.uuid();
        Instant now = world.now();
        String account = world.accountId();
        List<String> arns = List.copyOf(resources);
        EcsEvent event = new EcsEvent(events.mark(), id, detailType, account, now, region, arns,
                () -> envelope(id, detailType, account, now, region, arns, detail), detail.estimatedChars());
        events.publish(event);
        return event;
    }

    private static String envelope(String id, String detailType, String account, Instant now, String region,
                                   List<String> resources, DetailWriter detail) {
        StringWriter out = new StringWriter(detail.estimatedChars() + 256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "0");
            g.writeStringField("id", id);
            g.writeStringField("detail-type", detailType);
            g.writeStringField("source", EcsEvent.SOURCE);
            g.writeStringField("account", account);
            g.writeStringField("time", IsoTimes.seconds(now));
            g.writeStringField("region", region);
            g.writeArrayFieldStart("resources");
            for (String resource : resources) {
                g.writeString(resource);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("detail");
            detail.writeFields(g);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }


}
