/**
 * CloudWatch alarms as ECS deployments watch them ({@code deploymentConfiguration.alarms}): the narrow interface
 * ({@link dev.fakeecs.internal.alarms.AlarmDirectory}) the CloudWatch simulation of a region publishes to ECS,
 * so ECS never reaches into CloudWatch's state. Called under the world's engine lock.
 */
package dev.fakeecs.internal.alarms;
