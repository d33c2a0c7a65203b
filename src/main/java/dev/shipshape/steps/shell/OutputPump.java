package dev.shipshape.steps.shell;

import dev.shipshape.steps.OutputTail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads a command's output on its own thread, without pause, so the command never blocks on a full
 * pipe. Each line is redacted before anything else sees it, then goes to the live output and the tail.
 */
final class OutputPump implements Runnable {

    /**
     * Longer lines are passed on in pieces of this size, so output without newlines cannot exhaust
     * memory. A secret cut in two by such a split would not be redacted; a megabyte makes that remote.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private final InputStream in;
    private final UnaryOperator<String> redact;
    private final Consumer<String> output;
    private final OutputTail tail;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean abandoned;

    OutputPump(InputStream in, UnaryOperator<String> redact, Consumer<String> output, OutputTail tail) {
        this.in = in;
        this.redact = redact;
        this.output = output;
        this.tail = tail;
        this.thread = Thread.ofPlatform().daemon().name("shipshape-output").unstarted(this);
    }

    void start() {
        thread.start();
    }

    /**
     * Waits for the end of the output. A background process the command left behind may keep the
     * output open; after {@code patience} the pump stops passing lines on, so the step can finish.
     */
    void finish(Duration patience) throws InterruptedException {
        if (!thread.join(patience)) {
            abandoned = true;
        }
    }

    @Override
    public void run() {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0 && !abandoned; n = in.read(buffer)) {
                split(buffer, n);
            }
        } catch (IOException e) {
            // The stream closes under us when the process is killed; what was read is kept.
        }
        if (line.size() > 0) {
            passOn();
        }
    }

    private void split(byte[] buffer, int length) {
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                line.write(buffer, from, i - from);
                passOn();
                from = i + 1;
            } else if (line.size() + (i - from) >= MAX_LINE_BYTES) {
                line.write(buffer, from, i - from);
                passOn();
                from = i;
            }
        }
        line.write(buffer, from, length - from);
    }

    private void passOn() {
        if (abandoned) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        String redacted = redact.apply(text);
        output.accept(redacted);
        tail.appendLine(redacted);
    }
}
