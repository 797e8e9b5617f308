package dev.fakeecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aws cloudwatch} against the runnable jar, with both AWS CLIs this machine may have: a current one on the
 * PATH (botocore 1.43: AWS JSON 1.0 with {@code x-amzn-query-mode}) and Debian's {@code /usr/bin/aws} (botocore
 * 1.29: AWS Query). Each must parse the fake's answers: an error the front end gives whatever the engine does (the
 * Query code recovered from {@code x-amzn-query-error} for JSON), and the engine's answer or its "not supported yet".
 */
class CloudWatchCliIT {

    private static ServerJar server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerJar.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Commands.Result aws(String cli, String... args) throws Exception {
        assumeTrue(Commands.available(cli, "--version"), cli + " is not installed");
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", server.endpoint().toString(),
                "--output", "json", "cloudwatch"));
        command.addAll(List.of(args));
        return Commands.exec(command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_report_a_value_out_of_range_as_invalid_parameter_value(String cli) throws Exception {
        Commands.Result result = aws(cli, "describe-alarms", "--max-records", "101");

        assertThat(result.exitCode()).as(result.stderr()).isNotZero();
        assertThat(result.stderr()).containsPattern("An error occurred \\(InvalidParameterValue\\) when calling the "
                + "DescribeAlarms operation: 1 validation error detected: Value '101' at '(MaxRecords|maxRecords)' failed "
                + "to satisfy constraint: Member must have value less than or equal to 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_report_an_unknown_unit_as_invalid_parameter_value(String cli) throws Exception {
        Commands.Result result = aws(cli, "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "12", "--unit", "Furlongs");

        assertThat(result.exitCode()).as(result.stderr()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (InvalidParameterValue) when calling the PutMetricData "
                + "operation: 1 validation error detected: Value 'Furlongs' at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_put_metric_data_or_say_the_operation_is_not_supported_yet(String cli) throws Exception {
        Commands.Result result = aws(cli, "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "12", "--unit", "Milliseconds", "--dimensions", "Service=web");

        assertEngineAnswer(result, "PutMetricData");
        if (result.exitCode() == 0) {
            assertThat(result.stdout()).isBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_describe_alarms_or_say_the_operation_is_not_supported_yet(String cli) throws Exception {
        Commands.Result result = aws(cli, "describe-alarms", "--alarm-names", "no-such-alarm");

        assertEngineAnswer(result, "DescribeAlarms");
        if (result.exitCode() == 0) {
            JsonNode answer = Commands.json(result.stdout());
            assertThat(answer.get("MetricAlarms").isArray()).isTrue();
            assertThat(answer.get("MetricAlarms").size()).isZero();
        }
    }

    /** The engine answered, or (while it is being written) the fake's "not supported yet", parsed as an AWS error. */
    private static void assertEngineAnswer(Commands.Result result, String operation) {
        if (result.exitCode() != 0) {
            assertThat(result.stderr()).contains("An error occurred (UnsupportedOperation) when calling the " + operation
                    + " operation: fake-ecs does not support the operation " + operation + " yet");
        }
    }
}
