package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A runbook file's text, refused before it is parsed when it is too big or not UTF-8: both are
 * problems of the file, named with where they are, never a decoder's or a parser's internals.
 */
public final class RunbookText {

    /** The environment variable that sets the largest runbook accepted, in bytes. */
    public static final String MAX_BYTES_VARIABLE = "SHIPSHAPE_RUNBOOK_MAX_BYTES";
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private RunbookText() {
    }

    /**
     * Reads {@code file}, naming it {@code shown} in problems.
     *
     * @throws InvalidRunbookException when the file is over {@code maxBytes} or not UTF-8
     * @throws IOException when it cannot be read at all
     */
    public static String read(Path file, String shown, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw refused(shown, 0, 0, "the runbook is " + size + " bytes, over the limit of " + maxBytes + " bytes",
                    "a runbook this big is likely not the file you meant; set " + MAX_BYTES_VARIABLE
                            + " to accept bigger ones");
        }
        return decode(Files.readAllBytes(file), shown);
    }

    /** The limit from {@value #MAX_BYTES_VARIABLE}, else 1 MiB; a value that is not a positive number is refused. */
    public static long maxBytes(Map<String, String> env) {
        String value = env.get(MAX_BYTES_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long limit = Long.parseLong(value.strip());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new dev.shipshape.ShipshapeException(dev.shipshape.ShipshapeException.Code.INVALID_INPUT,
                MAX_BYTES_VARIABLE + "=" + value + " is not a size in bytes; use a positive whole number, e.g. 2097152");
    }

    private static String decode(byte[] bytes, String shown) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
            throw notUtf8(shown, out.flip().toString(), bytes[in.position()]);
        }
        return out.flip().toString();
    }

    /** Line and column of the first bad byte, counted in the characters decoded before it. */
    private static InvalidRunbookException notUtf8(String shown, String before, byte bad) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        int column = 1 + lastLine.codePointCount(0, lastLine.length());
        return refused(shown, line, column, String.format("the runbook is not UTF-8 text: byte 0x%02X cannot start"
                + " or continue a UTF-8 character here", bad & 0xFF), "save the file as UTF-8");
    }

    private static InvalidRunbookException refused(String shown, int line, int column, String message, String hint) {
        return new InvalidRunbookException(shown, List.of(new Problem(shown, line, column, "", message, hint)));
    }
}
