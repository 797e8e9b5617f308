package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterQueryTest {

    private final PlacementFixtures fx = new PlacementFixtures();
    private SimulatedContainerInstance host;

    @BeforeEach
    void given_a_t3_host_in_us_east_1a_running_one_web_task() {
        host = fx.instance("us-east-1a", new dev.fakeecs.internal.containerinstance.InstanceType("t3.medium", 2, 3840,
                "x86_64", 0, 3));
        host.attributes().put("stack", "prod");
        host.attributes().put("weight", "10");
        host.attributes().put("ecs.capability.docker-remote-api.1.44", null);
        host.agentVersion("1.14.5");
        fx.runTask(host, "family:web", 256, 512);
    }

    private boolean eval(String expression) {
        return ClusterQuery.parse(expression).test(host);
    }

    @Nested
    class Subjects_and_operators {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "agentConnected == true | true",
            "agentConnected equals false | false",
            "agentConnected != false | true",
            "agentConnected not_equals true | false",
            "agentConnected in [true] | true",
            "agentConnected !in [true] | false",
            "agentConnected =~ t.* | true",
            "agentConnected !~ t.* | false",
            "agentVersion == 1.14.5 | true",
            "agentVersion < 1.88.0 | true",
            "agentVersion less_than 1.9.0 | false",
            "agentVersion > 1.14.4 | true",
            "agentVersion greater_than_equal 1.14.5 | true",
            "agentVersion >= 1.14.6 | false",
            "agentVersion <= 1.14.5 | true",
            "agentVersion less_than_equal 1.14 | false",
            "agentVersion != 1.14.5 | false",
            "attribute:ecs.instance-type == t3.medium | true",
            "attribute:ecs.instance-type =~ t3.* | true",
            "attribute:ecs.instance-type matches m5.* | false",
            "attribute:ecs.instance-type !~ m5.* | true",
            "attribute:ecs.instance-type not_matches t3.* | false",
            "attribute:ecs.availability-zone in [us-east-1a, us-east-1b] | true",
            "attribute:ecs.availability-zone not_in [us-east-1a, us-east-1b] | false",
            "attribute:ecs.availability-zone !in [us-east-1c] | true",
            "attribute:ecs.os-type == linux | true",
            "attribute:ecs.cpu-architecture != arm64 | true",
            "attribute:ecs.ami-id == ami-0123456789abcdef0 | true",
            "attribute:stack exists | true",
            "attribute:color exists | false",
            "attribute:color !exists | true",
            "attribute:stack not_exists | false",
            "attribute:ecs.capability.docker-remote-api.1.44 exists | true",
            "attribute:color == red | false",
            "attribute:color != red | true",
            "attribute:weight > 9 | true",
            "attribute:weight < 9 | false",
            "attribute:weight >= 10 | true",
            "attribute:stack > prea | true",
            "ec2InstanceId =~ i-[0-9a-f]{17} | true",
            "ec2InstanceId == i-0 | false",
            "ec2InstanceId != i-0 | true",
            "ec2InstanceId in [i-0, i-1] | false",
            "registeredAt == 2024-01-01 | true",
            "registeredAt == 2024-01-01T00:01:00Z | true",
            "registeredAt > 2023-12-31T23:59:59+00:00 | true",
            "registeredAt < 2024-01-01T00:00:30 | false",
            "registeredAt >= 2024-01-01T01:01:00+01:00 | true",
            "registeredAt <= 2024-01-01T00:00:59Z | false",
            "registeredAt != 2024-01-02 | true",
            "runningTasksCount == 1 | true",
            "runningTasksCount > 0 | true",
            "runningTasksCount >= 2 | false",
            "runningTasksCount < 1 | false",
            "runningTasksCount <= 1 | true",
            "runningTasksCount != 1 | false",
            "task:group == family:web | true",
            "task:group == database | false",
            "task:group != database | true",
            "task:group != family:web | false",
            "task:group in [database, family:web] | true",
            "task:group not_in [database] | true",
            "task:group =~ family:.* | true",
            "task:group !~ family:.* | false",
            "task:group exists | true",
            "task:group !exists | false",
        })
        void should_evaluate_each_subject_and_operator(String expression, boolean expected) {
            assertThat(eval(expression)).isEqualTo(expected);
        }

        @Test
        void should_read_a_disconnected_agent() {
            host.agentConnected(false);
            assertThat(eval("agentConnected == false")).isTrue();
            assertThat(eval("agentConnected == TRUE")).isFalse();
        }

        @Test
        void should_not_count_stopped_tasks_as_group_members() {
            dev.fakeecs.internal.task.SimulatedTask.placedOn(host).get(0).lastStatus("STOPPED");
            assertThat(eval("task:group == family:web")).isFalse();
        }

        @Test
        void should_compare_agent_versions_numerically_not_as_text() {
            host.agentVersion("1.9.0");
            assertThat(eval("agentVersion < 1.14.5")).isTrue();
            assertThat(eval("agentVersion > 1.10")).isFalse();
        }

        @Test
        void should_accept_quoted_arguments_and_regexes_with_parentheses() {
            assertThat(eval("attribute:stack == \"prod\"")).isTrue();
            assertThat(eval("attribute:ecs.instance-type =~ (t3|m5)\\..*")).isTrue();
            assertThat(eval("(attribute:ecs.instance-type =~ (t3|m5)\\..*)")).isTrue();
            assertThat(eval("attribute:stack in ['prod', \"dev\"]")).isTrue();
        }
    }

    @Nested
    class Compound_expressions {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiterString = " => ", value = {
            "attribute:stack == prod && runningTasksCount == 1 => true",
            "attribute:stack == prod and runningTasksCount == 0 => false",
            "attribute:stack == dev || runningTasksCount == 1 => true",
            "attribute:stack == dev or runningTasksCount == 0 => false",
            "not(task:group == database) => true",
            "not (task:group == family:web) => false",
            "!(task:group == family:web) => false",
            "! attribute:stack == dev => true",
            "NOT attribute:stack == dev AND attribute:stack == prod => true",
            "attribute:stack==prod&&runningTasksCount==1 => true",
            "(attribute:stack == dev || attribute:stack == prod) && runningTasksCount == 1 => true",
            "((attribute:stack == prod)) => true",
        })
        void should_combine_comparisons(String expression, boolean expected) {
            assertThat(eval(expression)).isEqualTo(expected);
        }

        @Test
        void should_bind_and_tighter_than_or() {
            // true || (false && false) = true; (true || false) && false would be false
            assertThat(eval("attribute:stack == prod || attribute:stack == dev && runningTasksCount == 0")).isTrue();
            // (false && x) || true = true
            assertThat(eval("attribute:stack == dev && runningTasksCount == 1 or attribute:stack == prod")).isTrue();
            // parentheses override: (true || false) && false
            assertThat(eval("(attribute:stack == prod || attribute:stack == dev) && runningTasksCount == 0")).isFalse();
        }

        @Test
        void should_bind_not_tighter_than_and() {
            // (!true) && true = false; !(true && true) = false too, so use a case that differs:
            // (!false) && false = false, whereas !(false && false) = true
            assertThat(eval("not attribute:stack == dev and attribute:stack == dev")).isFalse();
            assertThat(eval("not (attribute:stack == dev and attribute:stack == dev)")).isTrue();
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "color == red | 0 | unknown subject 'color'",
            "attribute: == red | 0 | attribute: needs an attribute name",
            "attribute:stack | 15 | expected an operator",
            "attribute:stack ~= prod | 16 | expected an operator",
            "attribute:stack == | 18 | needs an argument",
            "attribute:stack in [] | 20 | at least one value",
            "attribute:stack in [a, b | 24 | expected ',' or ']'",
            "(attribute:stack == prod | 24 | expected ')'",
            "attribute:stack == prod && | 26 | expression ended",
            "attribute:stack == prod extra | 24 | unexpected 'e'",
            "attribute:stack =~ [a- | 19 | invalid regular expression",
            "agentVersion =~ 1.* | 13 | operator =~/matches is not valid for agentVersion",
            "runningTasksCount exists | 18 | operator exists is not valid for runningTasksCount",
            "runningTasksCount > many | 20 | runningTasksCount takes a whole number",
            "registeredAt > yesterday | 15 | registeredAt takes a date",
            "agentVersion < latest | 15 | agentVersion takes a version",
            "agentConnected == yes | 18 | agentConnected takes true or false",
            "attribute:stack == 'prod | 19 | unterminated quoted value",
        })
        void should_reject_with_the_expression_and_position(String expression, int position, String problem) {
            assertThatThrownBy(() -> ClusterQuery.parse(expression))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("\"" + expression + "\"")
                    .hasMessageContaining("at position " + position + ":")
                    .hasMessageContaining(problem);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void should_reject_blank_expressions(String expression) {
            assertThatThrownBy(() -> ClusterQuery.parse(expression))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("can not be null or empty");
        }

        @Test
        void should_accept_2000_characters_and_reject_2001() {
            String base = "attribute:stack == ";
            String at2000 = base + "x".repeat(2000 - base.length());
            assertThat(ClusterQuery.parse(at2000).expression()).hasSize(2000);
            assertThatThrownBy(() -> ClusterQuery.parse(at2000 + "x"))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("at most 2000 characters");
        }
    }
}
