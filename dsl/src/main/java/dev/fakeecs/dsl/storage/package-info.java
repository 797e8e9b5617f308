/**
 * Task storage on an in-memory file system (Jimfs): each task's bind mounts and ephemeral storage as
 * files a test can read and write, kept or dropped as ECS keeps or drops them
 * ({@link dev.fakeecs.dsl.storage.TaskStorage}).
 *
 * <pre>{@code
 * TaskStorage storage = TaskStorage.attach(ecs);   // then read and write each task's files on Jimfs
 * }</pre>
 */
package dev.fakeecs.dsl.storage;
