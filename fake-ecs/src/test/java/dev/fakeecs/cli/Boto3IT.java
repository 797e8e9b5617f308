package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A boto3 script against the runnable jar: clusters, a service, the services_stable waiter and a paginator. */
class Boto3IT {

    private static final String SCRIPT = String.join("\n",
            "import json, sys, boto3",
            "ecs = boto3.client('ecs', endpoint_url=sys.argv[1])",
            "ecs.create_cluster(clusterName='production', capacityProviders=['FARGATE', 'FARGATE_SPOT'],",
            "    defaultCapacityProviderStrategy=[{'capacityProvider': 'FARGATE', 'weight': 1, 'base': 2},",
            "                                     {'capacityProvider': 'FARGATE_SPOT', 'weight': 4}])",
            "ecs.register_task_definition(family='myapp', requiresCompatibilities=['FARGATE'], networkMode='awsvpc',",
            "    cpu='256', memory='512', containerDefinitions=[{'name': 'myapp', 'image': 'nginx:latest'}])",
            "ecs.create_service(cluster='production', serviceName='web', taskDefinition='myapp', desiredCount=3,",
            "    networkConfiguration={'awsvpcConfiguration': {'subnets': ['subnet-a']}})",
            "ecs.get_waiter('services_stable').wait(cluster='production', services=['web'],",
            "    WaiterConfig={'Delay': 1, 'MaxAttempts': 30})",
            "arns = [a for page in ecs.get_paginator('list_tasks').paginate(cluster='production', PaginationConfig={'PageSize': 1})",
            "        for a in page['taskArns']]",
            "tasks = ecs.describe_tasks(cluster='production', tasks=arns)['tasks']",
            "cluster = ecs.describe_clusters(clusters=['production'], include=['STATISTICS'])['clusters'][0]",
            "try:",
            "    ecs.update_service(cluster='production', service='nope', desiredCount=1)",
            "    error = None",
            "except ecs.exceptions.ServiceNotFoundException as e:",
            "    error = e.response['Error']['Code']",
            "print(json.dumps({'taskCount': len(arns), 'statuses': sorted({t['lastStatus'] for t in tasks}),",
            "    'running': cluster['runningTasksCount'], 'error': error}))");

    @Test
    void should_run_a_boto3_script_against_the_jar() throws Exception {
        assumeTrue(Commands.available(Commands.python(), "-c", "import boto3"),
                "boto3 is not installed (apt-get install python3-boto3)");
        try (ServerJar server = ServerJar.start("--clock", "auto:60")) {
            JsonNode result = Commands.json(Commands.run(List.of(Commands.python(), "-c", SCRIPT,
                    server.endpoint().toString())));

            assertThat(result.get("taskCount").asInt()).isEqualTo(3);
            assertThat(result.get("statuses").toString()).isEqualTo("[\"RUNNING\"]");
            assertThat(result.get("running").asInt()).isEqualTo(3);
            assertThat(result.get("error").asText()).isEqualTo("ServiceNotFoundException");
        }
    }
}
