package dev.fakeecs.wire;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "done when": every operation of the SDK's {@link EcsClient} is answered by fake-ecs, none with
 * {@code UnsupportedOperation}. Each operation is called once, over the wire through the real SDK client in process,
 * with an empty request: an error about the request (a missing field, a resource that does not exist) shows the
 * operation is implemented; only {@code UnsupportedOperation} shows it is not.
 *
 * <p>{@link #NOT_YET_IMPLEMENTED} names the operations that are knowingly still unsupported; it is empty: the Managed
 * Daemons operations and the eleven ECS Gateway operations of SDK 2.59.1 (which issue 16, written against SDK 2.50.2,
 * did not name) all answer now. The test fails when any operation is unsupported, and also when an operation in the
 * set has become supported (so the set cannot go stale).
 */
class EveryEcsOperationTest {

    /** Operations of the SDK's client that fake-ecs knowingly does not implement yet: none. */
    static final Set<String> NOT_YET_IMPLEMENTED = Set.of();

    private final FakeEcs world = FakeEcs.builder().seed(3).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final EcsClient ecs = world.newClient();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void should_answer_every_ecs_operation_of_the_sdk() throws Exception {
        // given
        List<Method> operations = operations();
        Set<String> unsupported = new TreeSet<>();

        // when
        for (Method operation : operations) {
            if (isUnsupported(operation)) {
                unsupported.add(operationName(operation));
            }
        }

        // then
        Set<String> expected = new TreeSet<>(NOT_YET_IMPLEMENTED);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(77);
        assertThat(unsupported)
                .as("operations answering UnsupportedOperation (left: should be implemented; right: implemented "
                        + "now, so take them out of NOT_YET_IMPLEMENTED)")
                .isEqualTo(expected);
    }

    @Test
    void should_call_the_express_gateway_operations_real() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Method operation : operations()) {
            names.add(operationName(operation));
        }
        assertThat(names).contains("CreateExpressGatewayService", "UpdateExpressGatewayService",
                "DeleteExpressGatewayService", "DescribeExpressGatewayService");
        for (String express : List.of("CreateExpressGatewayService", "UpdateExpressGatewayService",
                "DeleteExpressGatewayService", "DescribeExpressGatewayService")) {
            Method m = operations().stream().filter(o -> operationName(o).equals(express)).findFirst().orElseThrow();
            assertThat(isUnsupported(m)).as(express).isFalse();
        }
    }

    /** Every operation method of the client: one request parameter, a subclass of the SDK's request type. */
    static List<Method> operations() {
        return Arrays.stream(EcsClient.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
                .filter(m -> m.getParameterTypes()[0].getSimpleName().endsWith("Request"))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    static String operationName(Method m) {
        String request = m.getParameterTypes()[0].getSimpleName();
        return request.substring(0, request.length() - "Request".length());
    }

    private boolean isUnsupported(Method operation) throws Exception {
        Class<?> type = operation.getParameterTypes()[0];
        Object builder = type.getMethod("builder").invoke(null);
        Object request = ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
        try {
            operation.invoke(ecs, request);
            return false;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof EcsException ecsError && ecsError.awsErrorDetails() != null) {
                return "UnsupportedOperation".equals(ecsError.awsErrorDetails().errorCode());
            }
            throw new AssertionError(operationName(operation) + " failed outside the ECS protocol", e.getCause());
        }
    }
}
