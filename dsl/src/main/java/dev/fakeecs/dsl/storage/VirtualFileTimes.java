package dev.fakeecs.dsl.storage;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.FileTimeSource;
import com.google.common.jimfs.Jimfs;

import java.nio.file.FileSystem;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jimfs file systems whose file times come from the world's virtual clock, so a file written at
 * virtual 19:30 says 19:30. Names are a counter plus a label, never random.
 *
 * <pre>{@code
 * FileSystem fs = VirtualFileTimes.newFileSystem("task-abc", 20L << 30, ecs.clock());
 * }</pre>
 */
final class VirtualFileTimes {

    private static final AtomicLong COUNTER = new AtomicLong();

    private VirtualFileTimes() {
    }

    static FileSystem newFileSystem(String label, long maxBytes, Clock clock) {
        FileTimeSource times = () -> FileTime.from(clock.instant());
        Configuration config = Configuration.unix().toBuilder()
                .setMaxSize(maxBytes)
                .setFileTimeSource(times)
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build();
        return Jimfs.newFileSystem("fake-ecs-" + COUNTER.incrementAndGet() + "-" + label, config);
    }
}
