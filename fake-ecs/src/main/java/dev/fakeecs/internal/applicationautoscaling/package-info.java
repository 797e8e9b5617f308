/**
 * Application Auto Scaling for ECS services, simulated beside ECS in each region: scalable targets, target
 * tracking and step scaling policies acting through CloudWatch alarms, scheduled actions, scaling activities.
 */
package dev.fakeecs.internal.applicationautoscaling;
