package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a healthy service on loopback whose TLS certificate (self-signed, made with the JDK's keytool)
 * nobody trusts, health, http and Prometheus analysis steps fail at once with a line naming the URL and
 * the certificate problem; the run never promotes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UntrustedCertificateTest {

    static HttpsServer server;
    static String base;

    @TempDir
    Path folder;

    @BeforeAll
    static void start(@TempDir Path keys) throws Exception {
        Path store = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "shop", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(said).isZero();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(store)));
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\": \"healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static SSLContext tls(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private Cli.Result deploy(String verifySteps) throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed > promoted
                  - name: verify
                    on_failure: stop
                    steps:
                %s
                  - name: promote
                    steps:
                      - run: echo promoted > promoted
                """.formatted(verifySteps.indent(6).stripTrailing()));
        return cli.run("deploy", "--env", "staging", "--version", "v2");
    }

    private String promoted() throws Exception {
        return Files.readString(folder.resolve("promoted")).strip();
    }

    private static final String UNTRUSTED = "failed: the server's certificate is not trusted (unable to find valid"
            + " certification path to requested target); trust its CA in the JVM (-Djavax.net.ssl.trustStore=...)"
            + " or give the server a certificate from a trusted CA";

    @Test
    void aHealthCheckNamesTheUrlAndTheUntrustedCertificate() throws Exception {
        Cli.Result result = deploy("- health: " + base + "/health\n  within: 3s\n  interval: 500ms");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("last: TLS with " + base + "/health " + UNTRUSTED);
        assertThat(promoted()).isEqualTo("deployed");
    }

    @Test
    void anHttpStepNamesTheUrlAndTheUntrustedCertificate() throws Exception {
        Cli.Result result = deploy("- http: " + base + "/api/products");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("TLS with " + base + "/api/products " + UNTRUSTED);
        assertThat(promoted()).isEqualTo("deployed");
    }

    @Test
    void aPrometheusAnalysisIsInconclusiveNamingTheAddressAndTheCertificate() throws Exception {
        Cli.Result result = deploy("""
                - analysis:
                    provider: prometheus
                    address: %s
                    interval: 200ms
                    count: 3
                    metrics:
                      - name: error-rate
                        critical: "> 0.10"
                """.formatted(base));

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("inconclusive", "Prometheus at " + base + " did not answer: TLS "
                + UNTRUSTED.replaceFirst("^failed", "failed"));
        assertThat(promoted()).isEqualTo("deployed");
    }
}
