"""A deployment of an image whose application answers 500: ELB health checks fail, the deployment circuit
breaker rolls the service back to the last good task definition."""
import json
import sys

from elb_common import advance, control, primary, service_behind_alb

endpoint = sys.argv[1]
control(endpoint, 'images', {'image': 'web:bad', 'behavior': {'httpStatus': 500}})
ecs, elb, tg = service_behind_alb(endpoint, 'web:good', 2, circuit_breaker=True)
for _ in range(40):
    advance(endpoint, 15)
    if primary(ecs)[1]['rolloutState'] == 'COMPLETED':
        break
ecs.register_task_definition(family='web', requiresCompatibilities=['FARGATE'], networkMode='awsvpc', cpu='256',
                             memory='512', containerDefinitions=[{'name': 'web', 'image': 'web:bad',
                                                                  'portMappings': [{'containerPort': 80}]}])
ecs.update_service(cluster='prod', service='web', taskDefinition='web:2')
reasons = set()
seconds = 0
while seconds < 3600:
    advance(endpoint, 30)
    seconds += 30
    service = ecs.describe_services(cluster='prod', services=['web'])['services'][0]
    for d in elb.describe_target_health(TargetGroupArn=tg)['TargetHealthDescriptions']:
        if d['TargetHealth'].get('Reason'):
            reasons.add(d['TargetHealth']['Reason'])
    messages = [e['message'] for e in service['events']]
    rolled_back = any('rolling back to deployment' in m for m in messages)
    if rolled_back and len(service['deployments']) == 1 and service['deployments'][0]['rolloutState'] == 'COMPLETED':
        break
stopped = ecs.list_tasks(cluster='prod', desiredStatus='STOPPED')['taskArns']
print(json.dumps({
    'seconds': seconds,
    'primaryTaskDefinition': service['deployments'][0]['taskDefinition'],
    'primaryState': service['deployments'][0]['rolloutState'],
    'running': service['runningCount'],
    'reasons': sorted(reasons),
    'stopReasons': sorted({t['stoppedReason'] for t in ecs.describe_tasks(cluster='prod', tasks=stopped)['tasks']}),
    'events': [e['message'] for e in service['events']],
}))
