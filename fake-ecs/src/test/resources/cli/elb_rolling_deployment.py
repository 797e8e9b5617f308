"""A rolling deployment of a service behind an ALB target group, the clock moved by the control API:
update-service, then poll describe-services until the new deployment is COMPLETED."""
import json
import sys

from elb_common import advance, healthy_count, primary, service_behind_alb

endpoint = sys.argv[1]
ecs, elb, tg = service_behind_alb(endpoint, 'nginx:1', 3)
for _ in range(40):
    now = advance(endpoint, 15)
    service, deployment = primary(ecs)
    if deployment['rolloutState'] == 'COMPLETED' and healthy_count(elb, tg) == 3:
        break
stable_at = now
ecs.register_task_definition(family='web', requiresCompatibilities=['FARGATE'], networkMode='awsvpc', cpu='256',
                             memory='512', containerDefinitions=[{'name': 'web', 'image': 'nginx:2',
                                                                  'portMappings': [{'containerPort': 80}]}])
ecs.update_service(cluster='prod', service='web', taskDefinition='web:2')
seconds = 0
states = []
while seconds < 3600:
    advance(endpoint, 15)
    seconds += 15
    service, deployment = primary(ecs)
    states.append(deployment['rolloutState'])
    if deployment['rolloutState'] in ('COMPLETED', 'FAILED'):
        break
health = elb.describe_target_health(TargetGroupArn=tg)['TargetHealthDescriptions']
tasks = ecs.describe_tasks(cluster='prod', tasks=ecs.list_tasks(cluster='prod')['taskArns'])['tasks']
print(json.dumps({
    'stableAt': stable_at,
    'rolloutState': deployment['rolloutState'],
    'taskDefinition': deployment['taskDefinition'],
    'deploymentCount': len(service['deployments']),
    'seconds': seconds,
    'sawInProgress': 'IN_PROGRESS' in states,
    'healthy': sorted(d['Target']['Id'] for d in health if d['TargetHealth']['State'] == 'healthy'),
    'taskIps': sorted(d['value'] for t in tasks if t['lastStatus'] == 'RUNNING' for a in t.get('attachments', [])
                      for d in a['details'] if d['name'] == 'privateIPv4Address'),
    'images': sorted({c['image'] for t in tasks if t['lastStatus'] == 'RUNNING' for c in t['containers']}),
    'events': [e['message'] for e in service['events']],
}))
