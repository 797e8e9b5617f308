/**
 * The load each service gets (the test's lever over utilisation and traffic): {@link
 * dev.fakeecs.internal.load.ServiceLoads}. Scaling on it is Application Auto Scaling's
 * ({@code internal.applicationautoscaling}).
 */
package dev.fakeecs.internal.load;
