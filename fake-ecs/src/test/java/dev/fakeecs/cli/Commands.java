package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs external tools (the AWS CLI, python3 with boto3) with fake credentials and region, and checks
 * whether they are installed ({@code .ci/run} installs Debian's {@code awscli} and {@code python3-boto3}).
 */
final class Commands {

    /** Debian's AWS CLI v2 ({@code apt-get install awscli}) when present, else whatever {@code aws} is on the PATH. */
    static String aws() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";
    }

    /** Debian's python3 (where {@code python3-boto3} installs) when present, else {@code python3} on the PATH. */
    static String python() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }


    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "fake", "AWS_SECRET_ACCESS_KEY", "fake",
            "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", "");

    private Commands() {
    }

    /** Whether the command runs and exits 0 (e.g. {@code aws --version}). */
    static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a command did: its exit code and output. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the command; fails the test with its output unless it exits 0; returns stdout. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Result result = exec(command);
        if (result.exitCode() != 0) {
            fail("`" + String.join(" ", command) + "` exited " + result.exitCode() + "\nstdout: " + result.stdout()
                    + "\nstderr: " + result.stderr());
        }
        return result.stdout();
    }

    /** Runs the command, whatever its exit code (fails the test only if it times out). */
    static Result exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ENV);
        Process p = builder.start();
        byte[] err;
        String out;
        try (var stdout = p.getInputStream(); var stderr = p.getErrorStream()) {
            var errReader = new Thread[1];
            byte[][] errBytes = new byte[1][];
            errReader[0] = new Thread(() -> {
                try {
                    errBytes[0] = stderr.readAllBytes();
                } catch (IOException e) {
                    errBytes[0] = new byte[0];
                }
            });
            errReader[0].start();
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            errReader[0].join();
            err = errBytes[0];
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Timed out: " + command);
        }
        return new Result(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }

    /** Runs a command that must fail (exit non-zero); returns its stderr (where the AWS CLI writes service errors). */
    static String runFailing(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ENV);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Timed out: " + command);
        }
        if (p.exitValue() == 0) {
            fail("`" + String.join(" ", command) + "` succeeded; it should have failed");
        }
        return err;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
