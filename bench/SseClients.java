import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Bench helper for bench/server-load.sh: holds N Server-Sent Events clients on a server's /api/v1/events, each
 * recording the ids of the events it received per run. When the file named RUN_FILE appears (it holds a run id),
 * it compares what every client received for that run with the run's events replayed from the start, and prints
 * one line per finding. Bounded: it gives up after LIMIT seconds.
 *
 * Usage: java bench/SseClients.java BASE_URL TOKEN N RUN_FILE LIMIT_SECONDS
 */
public class SseClients {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        Path runFile = Path.of(args[3]);
        long limit = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Client> clients = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            Client client = new Client();
            clients.add(client);
            Thread.ofVirtual().start(() -> client.follow(http, base + "/api/v1/events", token, connected, failed));
        }
        boolean all = connected.await(60, TimeUnit.SECONDS);
        System.out.println("sse: " + (count - connected.getCount()) + " of " + count + " clients connected"
                + (all ? "" : " (timed out waiting for the rest)"));
        Files.writeString(Path.of(runFile + ".ready"), "ready\n");
        long deadline = System.currentTimeMillis() + limit * 1000;
        while (!Files.exists(runFile) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        if (!Files.exists(runFile)) {
            System.out.println("sse: no run id arrived within " + limit + " s");
            System.exit(1);
        }
        String runId = Files.readString(runFile).trim();
        Set<Long> truth = replay(http, base + "/api/v1/runs/" + runId + "/events", token);
        Thread.sleep(2000); // let the shared stream deliver the last events to everybody
        int complete = 0;
        int duplicates = 0;
        for (Client client : clients) {
            List<Long> got = client.seen(runId);
            if (got.size() != Set.copyOf(got).size()) {
                duplicates++;
            }
            if (Set.copyOf(got).equals(truth)) {
                complete++;
            }
        }
        System.out.println("sse: run " + runId + " has " + truth.size() + " events; " + complete + " of " + count
                + " clients received every one of them; " + duplicates + " clients received one twice; "
                + failed.get() + " connections failed");
        System.exit(complete == count && duplicates == 0 ? 0 : 2);
    }

    /** The run's events from the start, read until the stream has been idle for two seconds. */
    static Set<Long> replay(HttpClient http, String url, String token) throws Exception {
        Set<Long> ids = new ConcurrentSkipListSet<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = open(http, url, token).body()) {
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        ids.add(Long.parseLong(line.substring(3).trim()));
                    }
                });
            } catch (Exception e) {
                // closed by the idle check below
            }
        });
        int size = -1;
        while (size != ids.size()) {
            size = ids.size();
            Thread.sleep(2000);
        }
        reader.interrupt();
        return Set.copyOf(ids);
    }

    static HttpResponse<Stream<String>> open(HttpClient http, String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    static final class Client {
        private final List<String[]> events = new ArrayList<>();

        void follow(HttpClient http, String url, String token, CountDownLatch connected, AtomicInteger failed) {
            try {
                HttpResponse<Stream<String>> response = open(http, url, token);
                connected.countDown();
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                    return;
                }
                String id = null;
                Iterator<String> lines = response.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:") && id != null) {
                        String data = line.substring(5);
                        int at = data.indexOf("\"runId\":\"");
                        String run = at < 0 ? "" : data.substring(at + 9, data.indexOf('"', at + 9));
                        synchronized (this) {
                            events.add(new String[] {run, id});
                        }
                    } else if (line.isEmpty()) {
                        id = null;
                    }
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                connected.countDown();
            }
        }

        synchronized List<Long> seen(String runId) {
            return events.stream().filter(e -> e[0].equals(runId)).map(e -> Long.parseLong(e[1])).toList();
        }
    }
}
