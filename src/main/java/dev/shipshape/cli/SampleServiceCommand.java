package dev.shipshape.cli;

import dev.shipshape.runbook.Durations;
import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the sample service in the foreground until stopped (Ctrl-C or a signal). */
@Command(name = "sample-service", mixinStandardHelpOptions = true,
        description = {"Run the sample web service on 127.0.0.1 to deploy and verify against.",
                "Faults can be switched while it runs: curl -X POST 'http://127.0.0.1:PORT/admin/faults?error_rate=0.2'"})
final class SampleServiceCommand implements Callable<Integer> {

    private final Context context;
    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (0 = any free port)")
    int port;
    @Option(names = "--app-version", defaultValue = "dev", description = "Version reported by /health")
    String version;
    @Option(names = "--error-rate", defaultValue = "0", description = "Share of API requests answered with 500, 0 to 1")
    double errorRate;
    @Option(names = "--latency", defaultValue = "0s", description = "Extra latency per API request, e.g. 300ms")
    String latency;
    @Option(names = "--unhealthy", description = "Report the database check as failing")
    boolean unhealthy;
    @Option(names = "--failing-release", paramLabel = "VERSION",
            description = "A release that fails half of the API requests once deployed (POST /admin/faults?release=V)")
    String failingRelease;
    @Option(names = "--slow-start", defaultValue = "0s", description = "Report 'starting' on /health for this long")
    String slowStart;

    SampleServiceCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Faults faults;
        try {
            faults = new Faults().errorRate(errorRate).latency(duration("--latency", latency)).unhealthy(unhealthy)
                    .slowStart(duration("--slow-start", slowStart)).failingRelease(failingRelease);
        } catch (IllegalArgumentException e) {
            context.err.println("shipshape sample-service: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try (SampleService service = SampleService.start(port, version, faults)) {
            context.out.println("sample service " + version + " listening on " + service.baseUrl()
                    + " (health: /health, metrics: /metrics, faults: /admin/faults)");
            context.out.flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.SUCCEEDED;
    }

    private static Duration duration(String option, String text) {
        return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(option + ": '" + text
                + "' is not a duration; write e.g. 300ms, 5s"));
    }
}
