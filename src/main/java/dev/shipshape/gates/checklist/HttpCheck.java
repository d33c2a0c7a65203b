package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.gates.ChecklistItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An HTTP check: GET the URL, expect the listed statuses (default any 2xx). */
final class HttpCheck {

    private HttpCheck() {
    }

    static ItemResult check(ChecklistItem.Http item) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(item.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(item.url())).timeout(item.timeout()).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean ok = item.status().isEmpty() ? status / 100 == 2 : item.status().contains(status);
            String expected = item.status().isEmpty() ? "2xx" : item.status().toString();
            return new ItemResult(item.name(), "http", ok, "status " + status + (ok ? "" : " (expected " + expected
                    + ")"));
        } catch (IllegalArgumentException e) {
            return ItemResult.fail(item.name(), "http", "'" + item.url() + "' is not a URL");
        } catch (IOException e) {
            return ItemResult.fail(item.name(), "http", "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemResult.fail(item.name(), "http", "interrupted");
        }
    }
}
