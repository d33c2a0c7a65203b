package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.runbook.gates.ChecklistItem;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** An HTTP check: GET the URL, expect the listed statuses (default any 2xx). */
final class HttpCheck {

    private final Exchanges exchanges;

    /** @param client the shared client; the item's timeout bounds each whole exchange */
    HttpCheck(HttpClient client) {
        this.exchanges = new Exchanges(client);
    }

    ItemResult check(ChecklistItem.Http item) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(HttpUrl.of(item.url())).GET().build();
        } catch (IllegalArgumentException e) {
            return ItemResult.fail(item.name(), "http", e.getMessage());
        }
        return switch (exchanges.send(request, Deadline.in(item.timeout()), () -> false)) {
            case Exchange.Answered answer -> judge(item, answer.status());
            case Exchange.Failed failed -> ItemResult.fail(item.name(), "http", "no answer: " + failed.why());
            case Exchange.Cancelled cancelled -> ItemResult.fail(item.name(), "http", "interrupted");
        };
    }

    private static ItemResult judge(ChecklistItem.Http item, int status) {
        boolean ok = item.status().isEmpty() ? status / 100 == 2 : item.status().contains(status);
        String expected = item.status().isEmpty() ? "2xx" : item.status().toString();
        return new ItemResult(item.name(), "http", ok, "status " + status + (ok ? "" : " (expected " + expected + ")"));
    }
}
