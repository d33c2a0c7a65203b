package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.starter.Starter;
import dev.shipshape.runbook.starter.StarterRunbook;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a starter runbook that validates, asking at a terminal for what the options leave out. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a starter runbook (deploy, rollback, health check, a sign-off before production),",
                "commented, that validates as written. At a terminal it asks for what the options leave out;",
                "otherwise it assumes defaults and says so. Exit 2 when the file exists (see --force)."})
final class InitCommand implements Callable<Integer> {

    private static final Path DEFAULT_FILE = Path.of("shipshape.yaml");

    private final Context context;
    @Option(names = "--service", paramLabel = "NAME", description = "Service name (default: the folder's name)")
    String service;
    @Option(names = "--environments", paramLabel = "ENV[,ENV...]",
            description = "Environments, in the order a version goes through them (default: staging,production)")
    String environments;
    @Option(names = "--health-url", paramLabel = "URL",
            description = "http(s) URL that answers whether the service is healthy (default: "
                    + Starter.DEFAULT_HEALTH_URL + ")")
    String healthUrl;
    @Option(names = "--file", paramLabel = "FILE", description = "File to write (default: shipshape.yaml)")
    Path file = DEFAULT_FILE;
    @Option(names = "--force", description = "Overwrite the file if it exists")
    boolean force;

    InitCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path target = context.cwd.resolve(file).normalize();
        StarterQuestions.check(service, environments, healthUrl);
        refuseToOverwrite(target);
        Path folder = target.getParent() == null ? context.cwd : target.getParent();
        Starter starter = new StarterQuestions(StarterQuestions.Prompt.atTerminal(), context.out)
                .starter(service, environments, healthUrl, folder.getFileName() == null ? "" : folder.getFileName()
                        .toString(), context.user());
        write(target, StarterRunbook.text(starter));
        context.out.println("wrote " + shown(target) + ": service " + starter.service() + ", environments "
                + String.join(", ", starter.environments()) + starter.approvalEnvironment()
                .map(e -> "; deploying to " + e + " needs a sign-off (role lead)").orElse(""));
        String runbook = file.equals(DEFAULT_FILE) ? "" : " " + shown(target);
        context.out.println("next: put your deploy command in place of ./scripts/deploy.sh, then run"
                + " 'shipshape validate" + runbook + "' and 'shipshape plan" + runbook + " --env "
                + starter.environments().getFirst() + " --version v1.0.0'");
        return ExitCode.SUCCEEDED;
    }

    /** Checked before any question is asked, and again when writing (the file may appear meanwhile). */
    private void refuseToOverwrite(Path target) {
        if (Files.isDirectory(target)) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, shown(target)
                    + " is a folder; pass --file with the runbook file to write, e.g. --file "
                    + shown(target.resolve(DEFAULT_FILE)));
        }
        if (!force && Files.exists(target)) {
            throw exists(target);
        }
    }

    private void write(Path target, String text) {
        OpenOption[] options = force
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE}
                : new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, options);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.FAILED, "cannot write " + shown(target) + ": "
                    + reason(e) + "; check that the folder exists and you may write there");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }

    private ShipshapeException exists(Path target) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, shown(target)
                + " already exists; pass --force to overwrite it, or --file to write another file");
    }

    private String shown(Path path) {
        return RunbookFiles.shown(context, path);
    }
}
