package dev.shipshape.runbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An HTTP request with expectations ({@code http:}). */
public record HttpStep(String method, String url, Map<String, String> headers, String body, HttpExpect expect,
                       StepOptions options) implements Step {

    public HttpStep {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public String summary() {
        return method + " " + url;
    }

    /** A request that takes longer than this is a failure unless the runbook allows more. */
    @Override
    public java.time.Duration defaultTimeout() {
        return java.time.Duration.ofSeconds(30);
    }

    /** GET, HEAD and OPTIONS change nothing, so they may be repeated. */
    @Override
    public boolean idempotentByDefault() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    public HttpStep mapStrings(UnaryOperator<String> f) {
        Map<String, String> mapped = new LinkedHashMap<>();
        headers.forEach((k, v) -> mapped.put(k, f.apply(v)));
        return new HttpStep(method, f.apply(url), mapped, body == null ? null : f.apply(body), expect.mapStrings(f),
                options.mapStrings(f));
    }
}
