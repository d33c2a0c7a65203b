package dev.shipshape.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StarterTest {

    private static Starter with(String... environments) {
        return new Starter("shop-api", List.of(environments), Starter.DEFAULT_HEALTH_URL, "alice");
    }

    @Test
    void theEnvironmentNamedProductionOrProdIsTheOneSignedOff() {
        assertThat(with("staging", "production", "dr").approvalEnvironment()).contains("production");
        assertThat(with("dev", "prod", "sandbox").approvalEnvironment()).contains("prod");
        assertThat(with("production").approvalEnvironment()).contains("production");
    }

    @Test
    void withoutOneNamedSoTheLastOfSeveralIsSignedOffAndALoneOneIsNot() {
        assertThat(with("dev", "qa", "live").approvalEnvironment()).contains("live");
        assertThat(with("staging").approvalEnvironment()).isEmpty();
    }

    @Test
    void aFolderNameBecomesAServiceName() {
        assertThat(Starter.serviceFrom("shop-api")).isEqualTo("shop-api");
        assertThat(Starter.serviceFrom("My Shop (old)")).isEqualTo("My-Shop-old");
        assertThat(Starter.serviceFrom("-.hidden.-")).isEqualTo("hidden");
        assertThat(Starter.serviceFrom("...")).isEqualTo("my-service");
        assertThat(Starter.serviceFrom("")).isEqualTo("my-service");
    }

    @Test
    void commaSeparatedEnvironmentsAreTrimmedAndEmptyOnesKeptToBeReported() {
        assertThat(Starter.environments(" staging , production")).containsExactly("staging", "production");
        assertThat(Starter.environmentsProblem(Starter.environments("staging,"))).contains("an environment name is"
                + " empty; separate the names with single commas, e.g. staging,production");
        assertThat(Starter.environmentsProblem(Starter.environments(""))).contains("no environment given; name at"
                + " least one, e.g. staging,production");
    }

    @Test
    void theHealthUrlMustBeALiteralHttpUrl() {
        assertThat(Starter.healthUrlProblem("https://shop.example.com/health")).isEmpty();
        assertThat(Starter.healthUrlProblem("shop.example.com/health")).contains("'shop.example.com/health' is not"
                + " an http(s) URL: it needs http:// or https:// and a host; e.g. http://127.0.0.1:8080/health");
        assertThat(Starter.healthUrlProblem("http://")).map(p -> p.startsWith("'http://' is not a"))
                .isEqualTo(Optional.of(true));
    }

    @Test
    void aStarterCannotBeMadeOfValuesThatDoNotValidate() {
        assertThatThrownBy(() -> new Starter("shop api", List.of("staging"), Starter.DEFAULT_HEALTH_URL, "alice"))
                .hasMessage("'shop api' is not a valid service name; use only letters, digits, '-', '_' and '.'");
    }
}
