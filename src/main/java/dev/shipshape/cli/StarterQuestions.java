package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.starter.Starter;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gets each value of a starter runbook: from its option when given, else by asking a person at a
 * terminal (the default in brackets), else the default, saying what was assumed.
 */
final class StarterQuestions {

    /** Asks one question on a terminal; the answer line, or null at the end of input. */
    interface Prompt {
        String ask(String question);

        /** A prompt on the console when both stdin and stdout are a terminal; empty otherwise. */
        static Optional<Prompt> atTerminal() {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                return Optional.empty();
            }
            return Optional.of(question -> console.readLine("%s", question));
        }

        /** On Java 22+ System.console() exists even when redirected; isTerminal() tells the truth. */
        private static boolean isTerminal(Console console) {
            try {
                Method isTerminal = Console.class.getMethod("isTerminal");
                return (Boolean) isTerminal.invoke(console);
            } catch (ReflectiveOperationException olderJava) {
                return true;
            }
        }
    }

    /** One value: its option, how to ask for it, its default and why that is the default. */
    private record Question(String option, String text, String what, String fallback, String because,
                            Function<String, Optional<String>> problem) {
    }

    private final Optional<Prompt> prompt;
    private final PrintWriter out;

    StarterQuestions(Optional<Prompt> prompt, PrintWriter out) {
        this.prompt = prompt;
        this.out = out;
    }

    /** Refuses the first option given with a value that cannot be used (null = not given). */
    static void check(String service, String environments, String healthUrl) {
        String[] given = {service, environments, healthUrl};
        List<Question> questions = questions("");
        for (int i = 0; i < given.length; i++) {
            if (given[i] != null) {
                Question question = questions.get(i);
                question.problem().apply(given[i]).ifPresent(problem -> {
                    throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, question.option() + ": "
                            + problem);
                });
            }
        }
    }

    /** The starter from the options given (null when not given), for a project in {@code folderName}. */
    Starter starter(String service, String environments, String healthUrl, String folderName, String approver) {
        check(service, environments, healthUrl);
        List<Question> questions = questions(folderName);
        String name = value(questions.get(0), service);
        String places = value(questions.get(1), environments);
        String url = value(questions.get(2), healthUrl);
        return new Starter(name, Starter.environments(places), url, approver);
    }

    private static List<Question> questions(String folderName) {
        return List.of(
                new Question("--service", "Service name", "service name", Starter.serviceFrom(folderName),
                        "from the folder's name", Starter::serviceProblem),
                new Question("--environments", "Environments, comma-separated", "environments",
                        String.join(",", Starter.DEFAULT_ENVIRONMENTS), "the usual pair",
                        text -> Starter.environmentsProblem(Starter.environments(text))),
                new Question("--health-url", "Health URL", "health URL", Starter.DEFAULT_HEALTH_URL,
                        "a service on this machine", Starter::healthUrlProblem));
    }

    private String value(Question question, String given) {
        if (given != null) {
            return given;
        }
        if (prompt.isEmpty()) {
            out.println("assumed " + question.what() + " " + question.fallback() + " (" + question.because()
                    + "); pass " + question.option() + " to choose another");
            return question.fallback();
        }
        return ask(prompt.get(), question);
    }

    /** Asks until the answer is usable; an empty answer or the end of input takes the default. */
    private String ask(Prompt terminal, Question question) {
        while (true) {
            String answer = terminal.ask(question.text() + " [" + question.fallback() + "]: ");
            if (answer == null || answer.isBlank()) {
                return question.fallback();
            }
            Optional<String> problem = question.problem().apply(answer.strip());
            if (problem.isEmpty()) {
                return answer.strip();
            }
            out.println(problem.get());
            out.flush();
        }
    }
}
