package dev.shipshape.cli;

import dev.shipshape.time.Sleeper;
import dev.shipshape.confirmations.OperatorPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The person at the terminal running a deploy, run or resume, for confirm steps: one daemon thread reads the lines
 * they type (started when a step first asks), and a step takes them as they come.
 */
final class TerminalOperator implements OperatorPrompt {

    private static final String END = "\u0000end";

    private final String operator;
    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private Thread reader;
    private boolean ended;

    private TerminalOperator(String operator) {
        this.operator = operator;
    }

    /** The operator when both stdin and stdout are a terminal (and not in CI); none otherwise. */
    static OperatorPrompt of(Context context) {
        return context.terminal.interactive() && StarterQuestions.Prompt.atTerminal().isPresent()
                ? new TerminalOperator(context.user()) : OperatorPrompt.NONE;
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public String operator() {
        return operator;
    }

    @Override
    public String nextLine(Duration wait) throws InterruptedException {
        start();
        if (ended) {
            Sleeper.SYSTEM.pause(wait);
            return null;
        }
        String line = typed.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (END.equals(line)) {
            ended = true;
            return null;
        }
        return line;
    }

    @Override
    public synchronized void discardTyped() {
        start();
        typed.removeIf(line -> !END.equals(line));
    }

    private synchronized void start() {
        if (reader != null) {
            return;
        }
        reader = Thread.ofPlatform().daemon().name("shipshape-terminal").start(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    typed.add(line);
                }
            } catch (IOException e) {
                // the terminal went away: nobody can type here any more
            }
            typed.add(END);
        });
    }
}
