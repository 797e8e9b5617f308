/**
 * The call log: every API call a world received over the HTTP server or from an in-process SDK client, for every
 * simulated service, with the decoded request, the virtual time, the region and the outcome
 * ({@link dev.fakeecs.calls.ApiCalls}, {@link dev.fakeecs.calls.ApiCall}). The JUnit extension's
 * {@code assertThat(cluster.calls()).hasCalled("UpdateService").once()} verifies against it.
 *
 * <pre>{@code
 * EcsClient client = ecs.newClient();
 * client.updateService(r -> r.cluster("prod").service("orders").desiredCount(4));
 * ApiCall call = ecs.calls().of("UpdateService").get(0);
 * call.request(UpdateServiceRequest.class).orElseThrow().desiredCount();   // 4
 * }</pre>
 */
package dev.fakeecs.calls;
