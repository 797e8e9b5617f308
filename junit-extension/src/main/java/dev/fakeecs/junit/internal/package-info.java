/**
 * How the extension works, not API: worlds stored in JUnit's {@code ExtensionContext.Store}
 * ({@code WorldLookup}, {@code WorldResource}), parameter and field injection, per-test bindings
 * (endpoint system property, virtual time) and failure reports. The root package reads the
 * annotations and hands these classes plain values ({@code WorldDeclaration}, cluster names), so
 * nothing here refers back to it. May change in any release.
 */
package dev.fakeecs.junit.internal;
