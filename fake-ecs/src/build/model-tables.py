#!/usr/bin/env python3
"""Generates the model tables ServiceModelResources reads for a Query/JSON service from a botocore model.

    python3 fake-ecs/src/build/model-tables.py cloudwatch 2010-08-01 "Amazon CloudWatch"

Writes <prefix>-required-members.properties, -member-ranges.properties, -errors.properties and
-error-shapes.properties into fake-ecs/src/main/resources/dev/fakeecs/internal/protocol. Shape names are the
SDK's: an operation's input is {Op}Request, its output {Op}Response, an error shape's class ends in Exception.
"""
import gzip, json, os, sys
import botocore

service, version, title = sys.argv[1], sys.argv[2], sys.argv[3]
prefix = sys.argv[4] if len(sys.argv) > 4 else service
base = os.path.join(os.path.dirname(botocore.__file__), 'data', service, version)
path = os.path.join(base, 'service-2.json')
model = json.load(gzip.open(path + '.gz')) if os.path.exists(path + '.gz') else json.load(open(path))
shapes = model['shapes']
names = {}
for op_name, op in model['operations'].items():
    if 'input' in op:
        names[op['input']['shape']] = op_name + 'Request'
    if 'output' in op:
        names[op['output']['shape']] = op_name + 'Response'
def sdk(name):
    s = shapes[name]
    if s.get('exception'):
        if name.endswith('Fault'):
            name = name[:-len('Fault')]
        return name if name.endswith('Exception') else name + 'Exception'
    return names.get(name, name[0].upper() + name[1:])
# Exception classes whose __type is the older shape (as the AWS SDK for Java 2.59.1 registers it).
OLDER_SHAPE_KEPT = {'LimitExceededException'}
header = '# Generated from the %s service model (botocore %s %s service-2.json)\n# by fake-ecs/src/build/model-tables.py.\n' % (title, service, version)
out = os.path.join(os.path.dirname(__file__), '..', 'main', 'resources', 'dev', 'fakeecs', 'internal', 'protocol')
required, ranges, errors, error_shapes, seen = [], [], {}, {}, set()
for name in sorted(shapes):
    s = shapes[name]
    if s['type'] == 'structure':
        if s.get('required') and not s.get('exception'):
            required.append('%s=%s' % (sdk(name), ','.join(s['required'])))
        for member, ref in sorted(s.get('members', {}).items()):
            target = shapes[ref['shape']]
            if target['type'] in ('integer', 'long', 'double', 'float') and ('min' in target or 'max' in target):
                ranges.append('%s.%s=%s,%s' % (sdk(name), member, target.get('min', ''), target.get('max', '')))
        if s.get('exception'):
            err = s.get('error', {})
            # two shapes of one SDK class (ResourceNotFound, ResourceNotFoundException): the older shape's Query
            # code wins (the alarm operations answer it), the shape named like the class is the __type (the SDK
            # knows only that one)
            key = sdk(name).lower()
            if key not in seen or name != sdk(name):
                errors[key] = '%s=%s,%s' % (key, err.get('code', name), err.get('httpStatusCode', 400))
            if key not in seen or (name == sdk(name)) != (sdk(name) in OLDER_SHAPE_KEPT):
                error_shapes[key] = '%s=%s,%s' % (key, name, 'Sender' if err.get('senderFault') else 'Receiver')
            seen.add(key)
def write(kind, comment, lines):
    with open(os.path.join(out, '%s-%s.properties' % (prefix, kind)), 'w') as f:
        f.write(header + comment + '\n' + '\n'.join(sorted(set(lines))) + '\n')
write('required-members', '# SDK shape class = required members (wire names)', required)
write('member-ranges', '# SDK shape class.member = min,max', ranges)
write('errors', '# lower-case SDK exception class = error code,HTTP status', errors.values())
write('error-shapes', '# lower-case SDK exception class = error shape name (the JSON/CBOR __type),Sender|Receiver', error_shapes.values())
