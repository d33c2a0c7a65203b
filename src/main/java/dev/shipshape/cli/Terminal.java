package dev.shipshape.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** How to write for whoever reads: a person at a terminal (colour, symbols) or a log (plain lines). */
record Terminal(boolean interactive) {

    static Terminal detect(Map<String, String> env) {
        boolean ci = "true".equalsIgnoreCase(env.getOrDefault("CI", "")) || env.containsKey("GITHUB_ACTIONS");
        boolean dumb = "dumb".equals(env.get("TERM")) || env.containsKey("NO_COLOR");
        return new Terminal(!ci && !dumb && stdoutIsTerminal());
    }

    /** On Java 22+ System.console() exists even when output is piped; isTerminal() tells the truth. */
    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    String ok() {
        return interactive ? "\u001B[32m✓\u001B[0m" : "[ok]  ";
    }

    String fail() {
        return interactive ? "\u001B[31m✗\u001B[0m" : "[FAIL]";
    }

    String skip() {
        return interactive ? "\u001B[90m-\u001B[0m" : "[skip]";
    }

    String undo() {
        return interactive ? "\u001B[33m↺\u001B[0m" : "[undo]";
    }

    String start() {
        return interactive ? "\u001B[36m▶\u001B[0m" : "[run] ";
    }

    String dim(String text) {
        return interactive ? "\u001B[90m" + text + "\u001B[0m" : text;
    }

    String bold(String text) {
        return interactive ? "\u001B[1m" + text + "\u001B[0m" : text;
    }
}
