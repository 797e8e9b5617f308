package dev.fakeecs.image;

import java.time.Duration;

/**
 * How a container of a given image behaves once started. Every field is optional; the default
 * starts at once, becomes healthy and runs forever.
 *
 * <pre>{@code
 * ImageBehavior crashes = ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(5), 1);
 * ImageBehavior oom = ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(3), 137);
 * ImageBehavior slow = ImageBehavior.DEFAULT.withStartTime(Duration.ofSeconds(30)).healthyAfter(Duration.ofSeconds(60));
 * ImageBehavior broken = ImageBehavior.DEFAULT.withHttpStatus(500);   // fails load balancer health checks
 * }</pre>
 *
 * @param startTime         extra time the container takes to start after its image is pulled
 * @param healthy           whether its health check ever passes
 * @param healthyAfter      how long after start the health check first passes
 * @param exitAfter         how long after start it exits by itself, or null to run forever
 * @param exitCode          the exit code when it exits by itself (137 means killed for memory)
 * @param failToPull        true: pulling the image fails with CannotPullContainerError
 * @param cpuPercent        CPU use as a percent of the container's share (for utilisation metrics)
 * @param memoryMiB         memory use in MiB (0 = not modelled)
 * @param commandOutput     what ExecuteCommand prints, or null
 * @param httpStatus        the HTTP status the application answers to every request, load balancer health checks
 *                          and traffic alike (100-599; 200 by default); before {@code healthyAfter} has passed it
 *                          answers 503
 */
public record ImageBehavior(Duration startTime, boolean healthy, Duration healthyAfter, Duration exitAfter,
                            int exitCode, boolean failToPull, double cpuPercent, int memoryMiB,
                            String commandOutput, int httpStatus) {

    /** The status an application answers by default. */
    public static final int DEFAULT_HTTP_STATUS = 200;

    /** Starts at once, healthy at once, runs forever, 10 % CPU, answers 200. */
    public static final ImageBehavior DEFAULT =
            new ImageBehavior(Duration.ZERO, true, Duration.ZERO, null, 0, false, 10.0, 0, null);

    public ImageBehavior {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be between 100 and 599: " + httpStatus);
        }
    }

    /** A behaviour that answers HTTP requests with 200 (the shape before {@code httpStatus} existed). */
    public ImageBehavior(Duration startTime, boolean healthy, Duration healthyAfter, Duration exitAfter,
                         int exitCode, boolean failToPull, double cpuPercent, int memoryMiB, String commandOutput) {
        this(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent, memoryMiB, commandOutput,
                DEFAULT_HTTP_STATUS);
    }

    /**
     * The same behaviour answering every HTTP request with {@code status} (500: its load balancer targets turn
     * unhealthy and its traffic counts as 5XX).
     */
    public ImageBehavior withHttpStatus(int status) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, commandOutput, status);
    }

    /**
     * The status the application answers {@code sinceStart} after its container started: 503 until
     * {@code healthyAfter} has passed, then {@link #httpStatus()}.
     */
    public int httpStatusAfter(Duration sinceStart) {
        return sinceStart.compareTo(healthyAfter) < 0 ? 503 : httpStatus;
    }

    public ImageBehavior withStartTime(Duration value) {
        return new ImageBehavior(value, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent, memoryMiB,
                commandOutput, httpStatus);
    }

    public ImageBehavior healthyAfter(Duration value) {
        return new ImageBehavior(startTime, true, value, exitAfter, exitCode, failToPull, cpuPercent, memoryMiB,
                commandOutput, httpStatus);
    }

    public ImageBehavior unhealthy() {
        return new ImageBehavior(startTime, false, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, commandOutput, httpStatus);
    }

    public ImageBehavior exitAfter(Duration after, int code) {
        return new ImageBehavior(startTime, healthy, healthyAfter, after, code, failToPull, cpuPercent, memoryMiB,
                commandOutput, httpStatus);
    }

    public ImageBehavior failingToPull() {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, true, cpuPercent, memoryMiB,
                commandOutput, httpStatus);
    }

    public ImageBehavior withCpuPercent(double value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, value, memoryMiB,
                commandOutput, httpStatus);
    }

    public ImageBehavior withMemoryMiB(int value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent, value,
                commandOutput, httpStatus);
    }

    public ImageBehavior withCommandOutput(String value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, value, httpStatus);
    }
}
