"""Shared set-up for the boto3 load balancer scripts: an ALB, an ip target group, a listener and an ECS
service behind it, against fake-ecs started with --clock manual; the clock moves through the control API."""
import json
import urllib.request

import boto3

# subnets named after their zones: ELB and ECS then agree on the zone of every task (see docs/fidelity.md)
SUBNETS = ['subnet-us-east-1a', 'subnet-us-east-1b']


def clients(endpoint):
    return boto3.client('ecs', endpoint_url=endpoint), boto3.client('elbv2', endpoint_url=endpoint)


def control(endpoint, path, body):
    request = urllib.request.Request(endpoint + '/_fake-ecs/' + path, data=json.dumps(body).encode(),
                                     headers={'Content-Type': 'application/json'}, method='POST')
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b'{}')


def advance(endpoint, seconds):
    return control(endpoint, 'clock/advance', {'seconds': seconds})['now']


def service_behind_alb(endpoint, image, count, circuit_breaker=False):
    ecs, elb = clients(endpoint)
    lb = elb.create_load_balancer(Name='web-alb', Subnets=SUBNETS)['LoadBalancers'][0]
    tg = elb.create_target_group(Name='web-tg', Protocol='HTTP', Port=80, VpcId='vpc-1', TargetType='ip',
                                 HealthCheckPath='/health', HealthCheckIntervalSeconds=10,
                                 HealthyThresholdCount=2)['TargetGroups'][0]
    elb.create_listener(LoadBalancerArn=lb['LoadBalancerArn'], Protocol='HTTP', Port=80,
                        DefaultActions=[{'Type': 'forward', 'TargetGroupArn': tg['TargetGroupArn']}])
    ecs.create_cluster(clusterName='prod')
    ecs.register_task_definition(family='web', requiresCompatibilities=['FARGATE'], networkMode='awsvpc',
                                 cpu='256', memory='512',
                                 containerDefinitions=[{'name': 'web', 'image': image,
                                                        'portMappings': [{'containerPort': 80}]}])
    deployment = {'minimumHealthyPercent': 100, 'maximumPercent': 200}
    if circuit_breaker:
        deployment['deploymentCircuitBreaker'] = {'enable': True, 'rollback': True}
    ecs.create_service(cluster='prod', serviceName='web', taskDefinition='web', desiredCount=count,
                       launchType='FARGATE', healthCheckGracePeriodSeconds=30,
                       networkConfiguration={'awsvpcConfiguration': {'subnets': SUBNETS}},
                       loadBalancers=[{'targetGroupArn': tg['TargetGroupArn'], 'containerName': 'web',
                                       'containerPort': 80}],
                       deploymentConfiguration=deployment)
    return ecs, elb, tg['TargetGroupArn']


def healthy_count(elb, tg):
    return sum(1 for d in elb.describe_target_health(TargetGroupArn=tg)['TargetHealthDescriptions']
               if d['TargetHealth']['State'] == 'healthy')


def primary(ecs):
    service = ecs.describe_services(cluster='prod', services=['web'])['services'][0]
    return service, next(d for d in service['deployments'] if d['status'] == 'PRIMARY')
