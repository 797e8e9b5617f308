/**
 * CloudWatch simulated beside ECS: metrics and metric alarms on the world's clock, lock, random source and
 * journal. Entry point: {@link dev.fakeecs.internal.cloudwatch.CloudWatch}.
 */
package dev.fakeecs.internal.cloudwatch;
