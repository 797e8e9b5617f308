/**
 * What every spec shares: {@link dev.fakeecs.dsl.spec.InvalidSpecException}, thrown when a declaration
 * breaks a rule, naming the field and how to fix it.
 *
 * <pre>{@code
 * try { taskDefinition("web").fargate().cpu(100).memory(512).build(); }
 * catch (InvalidSpecException e) { e.getMessage(); }   // names cpu, the value and the rule
 * }</pre>
 */
package dev.fakeecs.dsl.spec;
