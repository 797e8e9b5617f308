/**
 * How the containers of an image behave: {@link dev.fakeecs.image.ImageBehavior} (start time, health,
 * exit code and time, pull failure, CPU and memory use), declared world-wide with
 * {@link dev.fakeecs.FakeEcs#declareImage}. An undeclared image starts at once, is healthy and runs forever.
 *
 * <pre>{@code
 * ecs.declareImage("acme/orders:2", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(30), 1));  // crash loop
 * }</pre>
 */
package dev.fakeecs.image;
