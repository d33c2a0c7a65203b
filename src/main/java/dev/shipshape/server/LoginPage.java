package dev.shipshape.server;

import io.javalin.http.Context;

/** The server-rendered sign-in page: a plain form that posts to {@code /login}; no script, nothing third-party. */
final class LoginPage {

    private LoginPage() {
    }

    static void form(Context ctx, int status, String problem) {
        String message = problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>\n";
        html(ctx, status, "Sign in", message + """
                <form method="post" action="/login">
                  <label>User <input name="user" autocomplete="username" required autofocus></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit">Sign in</button>
                </form>
                <p class="hint">Scripts and the CLI use an API token instead: <code>shipshape token create</code>.</p>
                """);
    }

    static void signedIn(Context ctx, String user) {
        html(ctx, 200, "Signed in", "<p>Signed in as <strong>" + escape(user) + "</strong>.</p>\n");
    }

    private static void html(Context ctx, int status, String title, String body) {
        ctx.attribute(ApiJson.ANSWERED, Boolean.TRUE);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                + " frame-ancestors 'none'");
        ctx.status(status).contentType("text/html; charset=utf-8").result("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Shipshape: %s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto}label{display:block;\
                margin:.6rem 0}input{display:block;width:100%%}.problem{color:#b00020}.hint{color:#555}</style></head>
                <body>
                <h1>Shipshape</h1>
                %s</body>
                </html>
                """.formatted(escape(title), body));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
