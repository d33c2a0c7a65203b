package dev.shipshape.steps.http;

import dev.shipshape.engine.Secrets;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.HttpUrl;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's request and expectations with secrets revealed: the only place they are, and only in
 * memory. Everything reported about them is redacted again by the executor.
 */
final class RevealedRequest {

    private RevealedRequest() {
    }

    /** @throws IllegalArgumentException for a malformed URL or header (messages may hold secrets) */
    static HttpRequest of(HttpStep step, Secrets secrets) {
        HttpRequest.BodyPublisher body = step.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(secrets.reveal(step.body()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(HttpUrl.of(secrets.reveal(step.url())))
                .method(step.method(), body);
        step.headers().forEach((name, value) -> builder.header(name, secrets.reveal(value)));
        return builder.build();
    }

    /** The expectations with secret references in expected texts revealed, to compare with the response. */
    static HttpExpect expectations(HttpStep step, Secrets secrets) {
        HttpExpect expect = step.expect();
        Map<String, Object> json = new LinkedHashMap<>();
        expect.json().forEach((path, value) -> json.put(path, value instanceof String s ? secrets.reveal(s) : value));
        return new HttpExpect(expect.status(), json, expect.bodyContains().stream().map(secrets::reveal).toList(),
                expect.maxLatency());
    }
}
