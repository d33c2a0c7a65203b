package dev.shipshape.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request line, a bad URI encoding, headers too large: refused before any
 * route sees the request) in the API's JSON error shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        drain(request);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty drops the connection after refusing a request this way; saying so keeps a client from sending
        // its next request on it
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, body(code, message), callback);
    }

    /**
     * Reads and drops a refused request's body when it is no larger than the API accepts, so that a client still
     * sending it reads the answer instead of a reset connection; a larger one is left unread.
     */
    private static void drain(Request request) {
        long length = request.getLength();
        if (length <= 0 || length > ServerSettings.DEFAULT_MAX_BODY) {
            return;
        }
        try {
            org.eclipse.jetty.io.Content.Source.consumeAll(request);
        } catch (Exception e) {
            // the client went away or sent less than it said: the answer is written all the same
        }
    }

    /** The body of a request so bad that Jetty's parser refused it before it became a request. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONNECTION, "close");
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String reason) {
        String message = "the server could not read the request" + (reason == null || reason.isBlank() ? ""
                : ": " + reason.lines().findFirst().orElse("")) + "; check its request line, URI encoding and headers";
        return ByteBuffer.wrap(ApiJson.write(ApiError.of(status, Guard.codeOf(status), message))
                .getBytes(StandardCharsets.UTF_8));
    }
}
