package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A boto3 script against the runnable jar: a Managed Instances provider and every Managed Daemons operation. */
class Boto3ManagedDaemonsIT {

    private static final String SCRIPT = String.join("\n",
            "import json, sys, boto3",
            "ecs = boto3.client('ecs', endpoint_url=sys.argv[1])",
            "ecs.create_cluster(clusterName='prod')",
            "cp = ecs.create_capacity_provider(name='mi', cluster='prod', managedInstancesProvider={",
            "    'infrastructureRoleArn': 'arn:aws:iam::123456789012:role/infra',",
            "    'instanceLaunchTemplate': {'ec2InstanceProfileArn': 'arn:aws:iam::123456789012:instance-profile/ecs',",
            "        'networkConfiguration': {'subnets': ['subnet-us-east-1a']},",
            "        'instanceRequirements': {'vCpuCount': {'min': 2}, 'memoryMiB': {'min': 4096}}}})['capacityProvider']",
            "td = ecs.register_daemon_task_definition(family='agent', cpu='256', memory='256',",
            "    containerDefinitions=[{'name': 'agent', 'image': 'agent:1'}])['daemonTaskDefinitionArn']",
            "d = ecs.create_daemon(daemonName='agent', clusterArn='prod', daemonTaskDefinitionArn=td,",
            "    capacityProviderArns=[cp['capacityProviderArn']])",
            "detail = ecs.describe_daemon(daemonArn=d['daemonArn'])['daemon']",
            "listed = ecs.list_daemons(clusterArn='prod')['daemonSummariesList']",
            "dep = ecs.describe_daemon_deployments(daemonDeploymentArns=[d['deploymentArn']])['daemonDeployments'][0]",
            "deps = ecs.list_daemon_deployments(daemonArn=d['daemonArn'])['daemonDeployments']",
            "rev = ecs.describe_daemon_revisions(daemonRevisionArns=[dep['targetDaemonRevision']['arn']])['daemonRevisions'][0]",
            "td2 = ecs.register_daemon_task_definition(family='agent',",
            "    containerDefinitions=[{'name': 'agent', 'image': 'agent:2'}])['daemonTaskDefinitionArn']",
            "up = ecs.update_daemon(daemonArn=d['daemonArn'], daemonTaskDefinitionArn=td2, capacityProviderArns=['mi'])",
            "described = ecs.describe_daemon_task_definition(daemonTaskDefinition='agent:2')['daemonTaskDefinition']",
            "tds = ecs.list_daemon_task_definitions(familyPrefix='agent')['daemonTaskDefinitions']",
            "deleted = ecs.delete_daemon(daemonArn=d['daemonArn'])",
            "gone_td = ecs.delete_daemon_task_definition(daemonTaskDefinition='agent:1')['daemonTaskDefinitionArn']",
            "try:",
            "    ecs.describe_daemon(daemonArn='arn:aws:ecs:us-east-1:123456789012:daemon/prod/nope')",
            "    error = None",
            "except ecs.exceptions.DaemonNotFoundException as e:",
            "    error = e.response['Error']['Code']",
            "print(json.dumps({'type': cp['type'], 'status': detail['status'], 'listed': len(listed),",
            "    'deployments': len(deps), 'image': rev['containerImages'][0]['image'], 'revision': described['revision'],",
            "    'tds': len(tds), 'updated': up['deploymentArn'] != d['deploymentArn'], 'deleted': deleted['status'],",
            "    'goneTd': gone_td, 'error': error}))");

    /** The first of the usual interpreters whose boto3 has the daemon operations, or null. */
    private static String python() {
        for (String candidate : List.of(Commands.python(), "python3")) {
            if (Commands.available(candidate, "-c", "import boto3, sys; sys.exit(0 if 'CreateDaemon' in "
                    + "boto3.client('ecs', region_name='us-east-1').meta.service_model.operation_names else 1)")) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void should_run_every_daemon_operation_from_boto3_against_the_jar() throws Exception {
        String python = python();
        assumeTrue(python != null, "no python with a boto3 that knows ECS Managed Daemons (botocore 1.40 or later)");
        try (ServerJar server = ServerJar.start("--clock", "auto:1")) {
            JsonNode result = Commands.json(Commands.run(List.of(python, "-c", SCRIPT,
                    server.endpoint().toString())));

            assertThat(result.get("type").asText()).isEqualTo("MANAGED_INSTANCES");
            assertThat(result.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(result.get("listed").asInt()).isEqualTo(1);
            assertThat(result.get("deployments").asInt()).isEqualTo(1);
            assertThat(result.get("image").asText()).isEqualTo("agent:1");
            assertThat(result.get("revision").asInt()).isEqualTo(2);
            assertThat(result.get("tds").asInt()).isEqualTo(2);
            assertThat(result.get("updated").asBoolean()).isTrue();
            assertThat(result.get("deleted").asText()).isEqualTo("DELETE_IN_PROGRESS");
            assertThat(result.get("goneTd").asText()).endsWith("daemon-task-definition/agent:1");
            assertThat(result.get("error").asText()).isEqualTo("DaemonNotFoundException");
        }
    }
}
