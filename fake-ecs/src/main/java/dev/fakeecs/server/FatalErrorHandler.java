package dev.fakeecs.server;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * The runnable server's last resort: a thread dying of an {@link OutOfMemoryError} (or any other
 * {@link VirtualMachineError}) prints one line and halts the JVM with status 3, the status of
 * {@code -XX:+ExitOnOutOfMemoryError}. A JVM that ran out of memory otherwise lingers as a zombie
 * that keeps its port open, hangs every request and ignores SIGTERM (its shutdown hooks cannot run).
 * Other uncaught exceptions are printed and the JVM goes on.
 *
 * <pre>{@code
 * Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHandler(System.err, Runtime.getRuntime()::halt));
 * }</pre>
 */
final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {

    /** The exit status after a fatal error (as with {@code -XX:+ExitOnOutOfMemoryError}). */
    static final int STATUS = 3;

    private final PrintStream err;
    private final IntConsumer halt;

    FatalErrorHandler(PrintStream err, IntConsumer halt) {
        this.err = err;
        this.halt = halt;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (error instanceof VirtualMachineError) {
            try {
                err.println("fake-ecs: " + error.getClass().getSimpleName() + " in thread " + thread.getName()
                        + "; exiting with status " + STATUS);
                err.flush();
            } catch (Throwable ignored) {
                // out of memory even for the message: exit all the same
            } finally {
                halt.accept(STATUS);
            }
            return;
        }
        try {
            err.println("fake-ecs: uncaught " + error + " in thread " + thread.getName());
            error.printStackTrace(err);
        } catch (Throwable ignored) {
            // nothing more to do
        }
    }
}
