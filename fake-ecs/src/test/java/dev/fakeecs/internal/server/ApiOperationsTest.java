package dev.fakeecs.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The operation an API request names, for API latency faults: by target, by Query Action, by RPC v2 path. */
class ApiOperationsTest {

    @Test
    void should_name_the_operation_of_every_protocol() {
        byte[] form = "Version=2015-12-01&Action=DescribeTargetHealth".getBytes(StandardCharsets.UTF_8);

        assertThat(ApiOperations.name("/", "AmazonEC2ContainerServiceV20141113.RunTask", null, new byte[0]))
                .isEqualTo("RunTask");
        assertThat(ApiOperations.name("/", null, "application/x-www-form-urlencoded; charset=utf-8", form))
                .isEqualTo("DescribeTargetHealth");
        assertThat(ApiOperations.name("/service/GraniteServiceVersion20100801/operation/PutMetricData", null,
                "application/cbor", new byte[] {(byte) 0xa0})).isEqualTo("PutMetricData");
        assertThat(ApiOperations.name("/service/GraniteServiceVersion20100801/operation/", null,
                "application/cbor", new byte[0])).isNull();
        assertThat(ApiOperations.name("/", null, "application/json", new byte[0])).isNull();
    }
}
