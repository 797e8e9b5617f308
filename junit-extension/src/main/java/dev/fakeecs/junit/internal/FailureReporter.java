package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.report.FailureReport;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Turns a failure of a test (or of its {@code @BeforeEach}/{@code @AfterEach} methods) into a
 * {@link FailureReport} under the configuration parameter {@value #REPORTS_DIR} (default
 * {@code target/fake-ecs-reports}), once per test, and returns the failure to rethrow, its message
 * naming the report and the seed. Without a world, with {@code reportOnFailure = false}, or when
 * writing fails (the error is then added as suppressed), the failure is returned as it was.
 */
public final class FailureReporter {

    /** The JUnit configuration parameter naming the reports' base directory. */
    static final String REPORTS_DIR = "fakeecs.reports.dir";

    private final WorldLookup lookup;

    public FailureReporter(WorldLookup lookup) {
        this.lookup = lookup;
    }

    /** Writes the report, if due, and returns the failure to rethrow. */
    public Throwable report(ExtensionContext context, Throwable throwable) {
        WorldResource world = lookup.existing(context);
        ExtensionContext.Store store = ExtensionStore.of(context);
        String reportedKey = ExtensionStore.REPORTED + context.getUniqueId();
        if (world == null || !world.declaration().reportOnFailure() || store.get(reportedKey) != null) {
            return throwable;
        }
        store.put(reportedKey, Boolean.TRUE);
        try {
            Path dir = FailureReport.write(base(context), reportName(context), context.getUniqueId(), world.ecs(),
                    throwable);
            return FailureReport.decorate(throwable, dir, world.ecs().seed());
        } catch (RuntimeException | IOException e) {
            throwable.addSuppressed(e);
            return throwable;
        }
    }

    /**
     * A test passed: removes the reports an earlier run wrote for it (a failure of this run was reported under a
     * fresh directory and is kept). Never fails the test: an I/O error is ignored.
     */
    public void passed(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return;
        }
        try {
            FailureReport.removeStale(base(context), reportName(context), context.getUniqueId());
        } catch (IOException | RuntimeException e) {
            // a report that cannot be removed stays; the test's outcome does not change
        }
    }

    private static Path base(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(REPORTS_DIR).orElse("target/fake-ecs-reports"));
    }

    /** "OrdersTest.scales_out", plus "-" and the display name when it says more (parameterized tests). */
    private static String reportName(ExtensionContext context) {
        String cls = context.getRequiredTestClass().getName();
        String name = cls.substring(cls.lastIndexOf('.') + 1) + "." + context.getTestMethod().map(Method::getName)
                .orElse("class");
        String display = context.getDisplayName();
        if (context.getTestMethod().isPresent() && !display.startsWith(context.getRequiredTestMethod().getName() + "(")) {
            name += "-" + display;
        }
        return name;
    }
}
