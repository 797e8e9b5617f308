package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.EcsCallsHandle;
import org.assertj.core.util.CheckReturnValue;

import java.util.function.Predicate;

/**
 * Verifies the API calls a world received, as WireMock's {@code verify} does: pick the calls of an operation, narrow
 * them by request, region or outcome, and say how many there must be. Works now and {@code eventually} (the clock
 * advances until code under test that polls on its own threads has made the calls).
 *
 * <pre>{@code
 * assertThat(prod.calls()).hasCalled("UpdateService").once();
 * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
 * assertThat(prod.calls()).hasCalled("RegisterTaskDefinition").times(2);
 * assertThat(prod.calls()).hasCalled("DeleteService").never();
 * assertThat(prod.calls()).hasCalled("UpdateService").thatFailedWith("ServiceNotFoundException").atLeastOnce();
 * }</pre>
 *
 * <p>{@code hasCalled} only selects: finish with a count ({@link CalledAssert#once()}, {@code times(n)},
 * {@code never()}, {@code atLeastOnce()}, {@code atLeast(n)}, {@code atMost(n)}). An operation name no simulated
 * service has fails at once, so that {@code never()} cannot pass on a typo.
 */
public class ApiCallsAssert extends AbstractEcsAssert<ApiCallsAssert, EcsCallsHandle> {

    public ApiCallsAssert(EcsCallsHandle actual) {
        super(actual, ApiCallsAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String region = actual.region();
        return e -> e.type() == JournalEventType.FAULT && (region == null || region.equals(e.region()));
    }

    /**
     * The calls of one operation, as AWS names it ({@code UpdateService}, {@code RegisterTargets}, {@code PutMetricData}),
     * of any simulated service; narrow them, then count them.
     *
     * <pre>{@code assertThat(prod.calls()).hasCalled("UpdateService").once(); }</pre>
     */
    @CheckReturnValue
    public CalledAssert<Object> hasCalled(String operation) {
        isNotNull();
        if (!KnownOperations.isKnown(operation)) {
            failWithMessage("%nExpecting an operation of a simulated service (ECS, Elastic Load Balancing v2, CloudWatch,"
                    + " Application Auto Scaling) but %s is none%s", operation, KnownOperations.suggestion(operation));
        }
        return inheritTime(new CalledAssert<>(actual, operation, Object.class));
    }

    /**
     * The calls whose request is a {@code requestType} (the AWS SDK's request class: {@code UpdateServiceRequest}), so
     * that {@link CalledAssert#withRequest(Predicate)} sees the typed request.
     *
     * <pre>{@code
     * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
     * }</pre>
     */
    @CheckReturnValue
    public <R> CalledAssert<R> hasCalled(Class<R> requestType) {
        isNotNull();
        String name = requestType.getSimpleName();
        String operation = name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
        if (!KnownOperations.isKnown(operation)) {
            failWithMessage("%nExpecting the request class of an operation of a simulated service"
                    + " (UpdateServiceRequest, RegisterTargetsRequest, ...) but %s is none", requestType.getName());
        }
        return inheritTime(new CalledAssert<>(actual, operation, requestType));
    }
}
