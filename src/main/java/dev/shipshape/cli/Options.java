package dev.shipshape.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options several commands share, as picocli mixins. */
final class Options {

    private Options() {
    }

    /** Where runs are recorded. */
    static final class StoreOption {
        @Option(names = "--store", paramLabel = "URL",
                description = "Store URL (jdbc:postgresql://...); default: SHIPSHAPE_STORE, .shipshape/config.yaml,"
                        + " or the embedded store in .shipshape/")
        String url;
    }

    /** The server to act on instead of this host (the token from SHIPSHAPE_TOKEN or a 0600 file). */
    static final class ServerOption {
        @Option(names = "--server", paramLabel = "URL",
                description = "Act on a Shipshape server (default: SHIPSHAPE_SERVER); token: SHIPSHAPE_TOKEN or"
                        + " ~/.shipshape/token (mode 0600)")
        String url;
    }

    /**
     * {@code -h, --help} alone, for commands whose own {@code --version} (the version to deploy)
     * takes the place of the standard {@code -V, --version}.
     */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
    }

    /** Where secret values come from besides the environment. */
    static final class SecretsOption {
        @Option(names = "--secrets", paramLabel = "FILE",
                description = "NAME=value file, mode 0600 (default: .shipshape/secrets)")
        Path file;

        /** The values of every secret the plan uses; fails before anything runs when one is missing. */
        dev.shipshape.engine.Secrets forPlan(Context context, dev.shipshape.plan.Plan plan) {
            return context.app.secretsFor(plan, file);
        }
    }

    /** Confirms that the plan's {@code postgres.sql} steps may write to a production database. */
    static final class ConfirmSqlOption {
        @Option(names = dev.shipshape.plan.SqlWriteConfirmation.FLAG, description = "Let postgres.sql steps without"
                + " safe: true write in a production environment (read their statements in 'shipshape plan' first)")
        boolean confirmed;

        /** Refuses, as an invalid runbook with file:line:column, the plan's unconfirmed writes to production. */
        void check(Context context, dev.shipshape.plan.Plan plan, java.nio.file.Path runbook) {
            dev.shipshape.plan.SqlWriteConfirmation.check(plan, RunbookFiles.shown(context, runbook), confirmed);
        }
    }

    /** Text for people or JSON for machines. */
    static final class OutputOption {
        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE})")
        Format format;

        boolean json() {
            return format == Format.json;
        }

        /** Whether a command line asks for JSON: {@code --output json}, {@code --output=json}, {@code -o json}, {@code -ojson}. */
        static boolean requested(String[] args) {
            for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
                String word = args[i];
                boolean next = i + 1 < args.length && args[i + 1].equals("json");
                if ((word.equals("--output") || word.equals("-o")) && next
                        || word.equals("--output=json") || word.equals("-ojson") || word.equals("-o=json")) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the command that ran chose JSON. */
        static boolean chosen(CommandLine.ParseResult parsed) {
            CommandLine.ParseResult command = parsed;
            while (command.hasSubcommand()) {
                command = command.subcommand();
            }
            return command.matchedOptionValue("--output", Format.text) == Format.json;
        }
    }

    enum Format { text, json }

    /** The runbook file, optional: shipshape.yaml in the working directory by default. */
    static final class RunbookFile {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUNBOOK",
                description = "Runbook file (default: shipshape.yaml)")
        Path file;

        Path resolve(Context context) {
            return context.cwd.resolve(file != null ? file : Path.of("shipshape.yaml"));
        }
    }
}
