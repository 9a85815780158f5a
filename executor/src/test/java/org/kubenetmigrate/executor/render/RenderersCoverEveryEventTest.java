package org.kubenetmigrate.executor.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.RunOutcome;

/**
 * The text and JSON renderers show every event type the engine has: the compiler holds them to it through
 * {@link EngineEvent.Visitor}; this checks that the visitor itself has one method per type and that each renders.
 */
class RenderersCoverEveryEventTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theVisitorHasOneMethodForEachEventType() {
        List<Class<?>> visited = new ArrayList<>();
        for (java.lang.reflect.Method method : EngineEvent.Visitor.class.getDeclaredMethods()) {
            visited.add(method.getParameterTypes()[0]);
        }
        assertThat(visited).containsExactlyInAnyOrderElementsOf(eventTypes().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeRendersAsTextAndAsAJsonLineNamedByItsType(Class<?> type) throws Exception {
        EngineEvent event = example(type);
        StringWriter text = new StringWriter();
        new TerminalRenderer(new PrintWriter(text)).on(event);
        StringWriter json = new StringWriter();
        new JsonLinesRenderer(new PrintWriter(json)).on(event);

        assertThat(text.toString()).isNotBlank();
        JsonNode line = MAPPER.readTree(json.toString());
        assertThat(line.get("event").asText()).isEqualTo(event.type());
        assertThat(line.get("runId").asText()).isEqualTo(event.runId());
        assertThat(line.has("operationUrl")).as("operation URLs are shown without their query").isFalse();
    }

    /** The concrete event types: the sealed interface's permitted records, through {@code Journaled}. */
    static Stream<Class<?>> eventTypes() {
        List<Class<?>> types = new ArrayList<>();
        collect(EngineEvent.class, types);
        return types.stream();
    }

    private static void collect(Class<?> sealed, List<Class<?>> into) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                into.add(permitted);
            } else {
                collect(permitted, into);
            }
        }
    }

    /** An instance with a plausible value for every component. */
    private static EngineEvent example(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(parameterTypes).map(RenderersCoverEveryEventTest::value).toArray();
        Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
        return (EngineEvent) constructor.newInstance(values);
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "sha256:0123456789abcdef0123456789";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-01T12:00:00Z");
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == RunOutcome.class) {
            return RunOutcome.STEP_FAILED;
        }
        throw new IllegalArgumentException("no example value for " + type);
    }
}
