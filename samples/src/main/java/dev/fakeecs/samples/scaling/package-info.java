/**
 * Production-style auto scaling configuration written against the AWS SDK's Application Auto Scaling client
 * ({@link dev.fakeecs.samples.scaling.OrderServiceScaling}), tested against fake-ecs.
 */
package dev.fakeecs.samples.scaling;
