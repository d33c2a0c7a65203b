package dev.shipshape.remote;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Where a server is and the token the CLI acts with there. The token comes from {@code SHIPSHAPE_TOKEN}, else
 * from a file only its owner may read ({@code SHIPSHAPE_TOKEN_FILE}, default {@code ~/.shipshape/token}); it is
 * never taken from the command line, where other users could see it.
 */
public record ServerAddress(URI base, String token) {

    @Override
    public String toString() {
        return "ServerAddress[" + base + ", token hidden]";
    }

    /**
     * @param given the {@code --server} value, or null for {@code SHIPSHAPE_SERVER}
     * @return empty when no server is named: the command runs locally
     */
    public static java.util.Optional<ServerAddress> of(String given, Map<String, String> env) {
        String url = given != null ? given : env.get("SHIPSHAPE_SERVER");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ServerAddress(base(url.trim()), token(env)));
    }

    private static URI base(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new ShipshapeException(Code.INVALID_INPUT, "server '" + url + "' is not a URL; give it as"
                    + " http://HOST:PORT");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ShipshapeException(Code.INVALID_INPUT, "server '" + url + "' is not an http(s) URL; give it as"
                    + " http://HOST:PORT");
        }
        return uri;
    }

    private static String token(Map<String, String> env) {
        String token = env.get("SHIPSHAPE_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        Path file = env.containsKey("SHIPSHAPE_TOKEN_FILE") ? Path.of(env.get("SHIPSHAPE_TOKEN_FILE"))
                : Path.of(env.getOrDefault("HOME", "."), ".shipshape", "token");
        if (!Files.isRegularFile(file)) {
            throw new ShipshapeException(Code.INVALID_INPUT, "no token for the server: set SHIPSHAPE_TOKEN, or put"
                    + " it in " + file + " (mode 0600); make one with: shipshape token create --user NAME --name cli");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new ShipshapeException(Code.INVALID_INPUT, "token file " + file + " can be read by others;"
                        + " make it private with: chmod 600 " + file);
            }
            return Files.readString(file).trim();
        } catch (UnsupportedOperationException e) {
            throw new ShipshapeException(Code.INVALID_INPUT, "cannot check who may read " + file + "; set"
                    + " SHIPSHAPE_TOKEN instead");
        } catch (IOException e) {
            throw new ShipshapeException(Code.INVALID_INPUT, "cannot read token file " + file + ": " + e.getMessage());
        }
    }
}
