package dev.shipshape.steps.shell;

import dev.shipshape.engine.OutputTail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import dev.shipshape.engine.Secrets;

/**
 * Reads a command's output on its own thread, without pause, so the command never blocks on a full
 * pipe. Each line is redacted before anything else sees it, then goes to the live output and the tail.
 */
final class OutputPump implements Runnable {

    /**
     * Longer lines are passed on in pieces of about this size, so output without newlines cannot
     * exhaust memory. A piece ends before a possible start of a secret and on a character boundary;
     * the held-back end begins the next piece, so a secret is never cut in two unmasked.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private final InputStream in;
    private final Secrets secrets;
    private final Consumer<String> output;
    private final OutputTail tail;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean abandoned;

    OutputPump(InputStream in, Secrets secrets, Consumer<String> output, OutputTail tail) {
        this.in = in;
        this.secrets = secrets;
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
                passOnPiece();
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
        String redacted = secrets.redact(text);
        output.accept(redacted);
        tail.appendLine(redacted);
    }

    /** Passes on a piece of a long line, keeping back a partial character and a possible start of a secret. */
    private void passOnPiece() {
        byte[] bytes = line.toByteArray();
        int cut = wholeCharacters(bytes);
        String text = new String(bytes, 0, cut, StandardCharsets.UTF_8);
        int held = secrets.partialAtEnd(text);
        String piece = text.substring(0, text.length() - held);
        line.reset();
        line.writeBytes(text.substring(piece.length()).getBytes(StandardCharsets.UTF_8));
        line.write(bytes, cut, bytes.length - cut);
        if (!abandoned && !piece.isEmpty()) {
            String redacted = secrets.redact(piece);
            output.accept(redacted);
            tail.appendLine(redacted);
        }
    }

    /** How many leading bytes end on a UTF-8 character boundary (a character cut at the end is left out). */
    static int wholeCharacters(byte[] bytes) {
        int last = bytes.length - 1;
        while (last > 0 && bytes.length - last < 4 && (bytes[last] & 0xC0) == 0x80) {
            last--;
        }
        if (last < 0) {
            return 0;
        }
        int lead = bytes[last] & 0xFF;
        int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return last + length <= bytes.length ? bytes.length : last;
    }
}
