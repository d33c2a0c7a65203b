package dev.shipshape.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The CLI's side of the REST API: JSON requests with the token, the server's JSON errors turned into the
 * project's exceptions (its message, said once), and unreachable servers named with what to do.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress server;
    private final HttpClient http;

    public ApiClient(ServerAddress server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public ServerAddress server() {
        return server;
    }

    /** Starts a deploy on the server; returns the new run's id as soon as the server has it. */
    public String startDeploy(String service, String environment, String version, String overrideReason,
                              boolean sqlConfirmed) {
        ObjectNode body = JSON.createObjectNode().put("environment", environment).put("version", version)
                .put("sqlConfirmed", sqlConfirmed);
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        JsonNode started = post("/api/v1/services/" + segment(service) + "/deploys", body);
        return started.path("runId").asText();
    }

    /** Asks the server to cancel a run; the answer has the outcome and a message for the person. */
    public JsonNode cancel(String runId, String reason) {
        return post("/api/v1/runs/" + segment(runId) + "/cancel", JSON.createObjectNode().put("reason", reason));
    }

    /** The run as {@code show --output json} has it. */
    public JsonNode run(String runId) {
        return send(request("/api/v1/runs/" + segment(runId)).GET().build());
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + server.token()).header("Accept", "application/json");
    }

    URI uri(String path) {
        return URI.create(server.base() + path);
    }

    HttpClient http() {
        return http;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShipshapeException(Code.FAILED, "interrupted while waiting for the server at " + server.base());
        }
        return answer(response.statusCode(), response.body());
    }

    ShipshapeException unreachable(IOException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
        return new ShipshapeException(Code.FAILED, "cannot reach the server at " + server.base() + ": " + why
                + "; is 'shipshape serve' running there?");
    }

    /** The body of a 2xx answer, or the server's error as an exception with its message. */
    static JsonNode answer(int status, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "the server answered " + status + " with a body that is not"
                    + " JSON");
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        String message = json.path("message").asText("the server answered " + status);
        throw new ShipshapeException(codeOf(status, json.path("code").asText("")), "server: " + message);
    }

    private static Code codeOf(int status, String code) {
        if (status == 404) {
            return Code.NOT_FOUND;
        }
        if (status == 409) {
            return "locked".equals(code) ? Code.LOCKED : Code.BLOCKED;
        }
        if (status == 400 || status == 413 || status == 415) {
            return Code.INVALID_INPUT;
        }
        return Code.FAILED;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
