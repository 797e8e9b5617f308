package dev.fakeecs.internal.daemon;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionRevisionFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatusFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionSummary;
import software.amazon.awssdk.services.ecs.model.SortOrder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonTaskDefinitionsTest {

    private final FakeEcs ecs = FakeEcs.create();
    private final EcsClient api = ecs.api();

    private String register(String family, String image) {
        return api.registerDaemonTaskDefinition(r -> r.family(family).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("agent").image(image).essential(true))
                .tags(t -> t.key("team").value("platform"))).daemonTaskDefinitionArn();
    }

    @Test
    void should_register_revisions_and_describe_them_by_arn_family_and_revision() {
        // when
        String first = register("log-router", "fluent-bit:3");
        String second = register("log-router", "fluent-bit:4");

        // then
        assertThat(first).isEqualTo("arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/log-router:1");
        assertThat(second).endsWith("daemon-task-definition/log-router:2");
        DaemonTaskDefinition latest = api.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-router"))
                .daemonTaskDefinition();
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.status()).isEqualTo(DaemonTaskDefinitionStatus.ACTIVE);
        assertThat(latest.containerDefinitions().get(0).image()).isEqualTo("fluent-bit:4");
        assertThat(latest.registeredAt()).isEqualTo(ecs.clock().instant());
        assertThat(api.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-router:1"))
                .daemonTaskDefinition().daemonTaskDefinitionArn()).isEqualTo(first);
        assertThat(api.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(first)).daemonTaskDefinition()
                .cpu()).isEqualTo("256");
        assertThat(api.listTagsForResource(r -> r.resourceArn(first)).tags()).extracting(t -> t.key())
                .containsExactly("team");
    }

    @Test
    void should_refuse_bad_registrations_and_unknown_definitions() {
        assertThatThrownBy(() -> api.registerDaemonTaskDefinition(r -> r.family("bad name")
                .containerDefinitions(c -> c.image("x"))))
                .isInstanceOf(ClientException.class).hasMessageStartingWith("Family contains invalid characters.");
        assertThatThrownBy(() -> api.registerDaemonTaskDefinition(r -> r.family("empty")))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> api.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("nope:1")))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("Unable to describe daemon task definition.");
    }

    @Test
    void should_list_with_filters_and_delete_through_delete_in_progress_to_deleted() {
        // given
        register("log-router", "a");
        register("log-router", "b");
        register("metrics", "c");

        // when / then: default status ACTIVE, ASC
        assertThat(api.listDaemonTaskDefinitions(r -> { }).daemonTaskDefinitions())
                .extracting(DaemonTaskDefinitionSummary::arn)
                .containsExactly(arn("log-router:1"), arn("log-router:2"), arn("metrics:1"));
        assertThat(api.listDaemonTaskDefinitions(r -> r.familyPrefix("log").sort(SortOrder.DESC))
                .daemonTaskDefinitions()).extracting(DaemonTaskDefinitionSummary::arn)
                .containsExactly(arn("log-router:2"), arn("log-router:1"));
        assertThat(api.listDaemonTaskDefinitions(r -> r.revision(DaemonTaskDefinitionRevisionFilter.LAST_REGISTERED))
                .daemonTaskDefinitions()).extracting(DaemonTaskDefinitionSummary::arn)
                .containsExactly(arn("log-router:2"), arn("metrics:1"));

        api.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-router:1"));
        assertThat(status("log-router:1")).isEqualTo(DaemonTaskDefinitionStatus.DELETE_IN_PROGRESS);
        assertThat(api.listDaemonTaskDefinitions(r -> r.status(DaemonTaskDefinitionStatusFilter.DELETE_IN_PROGRESS))
                .daemonTaskDefinitions()).extracting(DaemonTaskDefinitionSummary::arn).containsExactly(arn("log-router:1"));
        assertThatThrownBy(() -> api.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-router:1")))
                .isInstanceOf(ClientException.class).hasMessageContaining("is not ACTIVE");
        assertThatThrownBy(() -> api.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-router")))
                .isInstanceOf(ClientException.class).hasMessageContaining("must include a revision");
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(status("log-router:1")).isEqualTo(DaemonTaskDefinitionStatus.DELETED);
        assertThat(api.listDaemonTaskDefinitions(r -> r.status(DaemonTaskDefinitionStatusFilter.ALL))
                .daemonTaskDefinitions()).hasSize(2);
    }

    private DaemonTaskDefinitionStatus status(String reference) {
        return api.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(reference)).daemonTaskDefinition().status();
    }

    private static String arn(String familyRevision) {
        return "arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/" + familyRevision;
    }
}
