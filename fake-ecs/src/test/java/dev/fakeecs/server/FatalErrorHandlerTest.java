package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatalErrorHandlerTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final FatalErrorHandler handler = new FatalErrorHandler(new PrintStream(err, true, StandardCharsets.UTF_8),
            halts::add);

    @Test
    void should_print_one_line_and_halt_on_out_of_memory() {
        handler.uncaughtException(new Thread("fake-ecs-http-3"), new OutOfMemoryError("Java heap space"));

        assertThat(halts).containsExactly(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fake-ecs: OutOfMemoryError in thread fake-ecs-http-3; exiting with status 3" + System.lineSeparator());
    }

    @Test
    void should_halt_on_any_virtual_machine_error() {
        handler.uncaughtException(new Thread("t"), new StackOverflowError());

        assertThat(halts).containsExactly(3);
    }

    @Test
    void should_only_report_other_uncaught_exceptions() {
        handler.uncaughtException(new Thread("worker"), new IllegalStateException("boom"));

        assertThat(halts).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fake-ecs: uncaught java.lang.IllegalStateException: boom in thread worker");
    }
}
