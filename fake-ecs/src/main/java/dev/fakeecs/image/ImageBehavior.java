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
 * ImageBehavior buggy = ImageBehavior.DEFAULT.withTrafficHttpStatus(500); // passes them, fails real requests
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
 * @param trafficHttpStatus the HTTP status it answers to client requests through a load balancer when that differs
 *                          from its health check answer (a release whose health endpoint is fine but whose real
 *                          requests fail); 0 (default): the same as {@code httpStatus}
 */
public record ImageBehavior(Duration startTime, boolean healthy, Duration healthyAfter, Duration exitAfter,
                            int exitCode, boolean failToPull, double cpuPercent, int memoryMiB,
                            String commandOutput, int httpStatus, int trafficHttpStatus) {

    /** The status an application answers by default. */
    public static final int DEFAULT_HTTP_STATUS = 200;

    /** Starts at once, healthy at once, runs forever, 10 % CPU, answers 200. */
    public static final ImageBehavior DEFAULT =
            new ImageBehavior(Duration.ZERO, true, Duration.ZERO, null, 0, false, 10.0, 0, null);

    public ImageBehavior {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be between 100 and 599: " + httpStatus);
        }
        if (trafficHttpStatus != 0 && (trafficHttpStatus < 100 || trafficHttpStatus > 599)) {
            throw new IllegalArgumentException("trafficHttpStatus must be 0 or between 100 and 599: "
                    + trafficHttpStatus);
        }
    }

    /** A behaviour whose client requests get the same answer as its health checks. */
    public ImageBehavior(Duration startTime, boolean healthy, Duration healthyAfter, Duration exitAfter,
                         int exitCode, boolean failToPull, double cpuPercent, int memoryMiB, String commandOutput,
                         int httpStatus) {
        this(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent, memoryMiB, commandOutput,
                httpStatus, 0);
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
                memoryMiB, commandOutput, status, 0);
    }

    /**
     * The same behaviour passing its health checks as before but answering client requests through a load balancer
     * with {@code status} (500: its targets stay healthy and its traffic counts as HTTPCode_Target_5XX_Count, what a
     * CloudWatch alarm on 5XX catches during a canary).
     */
    public ImageBehavior withTrafficHttpStatus(int status) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, commandOutput, httpStatus, status);
    }

    /** The status client requests get {@code sinceStart} after the container started (503 before healthyAfter). */
    public int trafficHttpStatusAfter(Duration sinceStart) {
        int status = httpStatusAfter(sinceStart);
        return status == 503 && sinceStart.compareTo(healthyAfter) < 0 || trafficHttpStatus == 0 ? status
                : trafficHttpStatus;
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
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior healthyAfter(Duration value) {
        return new ImageBehavior(startTime, true, value, exitAfter, exitCode, failToPull, cpuPercent, memoryMiB,
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior unhealthy() {
        return new ImageBehavior(startTime, false, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior exitAfter(Duration after, int code) {
        return new ImageBehavior(startTime, healthy, healthyAfter, after, code, failToPull, cpuPercent, memoryMiB,
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior failingToPull() {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, true, cpuPercent, memoryMiB,
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior withCpuPercent(double value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, value, memoryMiB,
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior withMemoryMiB(int value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent, value,
                commandOutput, httpStatus, trafficHttpStatus);
    }

    public ImageBehavior withCommandOutput(String value) {
        return new ImageBehavior(startTime, healthy, healthyAfter, exitAfter, exitCode, failToPull, cpuPercent,
                memoryMiB, value, httpStatus, trafficHttpStatus);
    }
}
