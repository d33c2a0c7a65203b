package dev.shipshape.steps.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthAnswerTest {

    @Test
    void acceptsTheSeedsHealthyShape() {
        assertThat(HealthAnswer.of(200, "{\"status\":\"healthy\",\"checks\":{\"database\":true,\"redis\":true},"
                + "\"uptime\":12,\"version\":\"v2\"}")).isEqualTo(new HealthAnswer(true, "healthy (200, version v2)"));
    }

    @Test
    void namesEveryFailingCheck() {
        assertThat(HealthAnswer.of(200, "{\"status\":\"degraded\",\"checks\":{\"database\":false,\"redis\":"
                + "{\"status\":\"down\"}}}").describe())
                .isEqualTo("unhealthy: status degraded, checks.database is false, checks.redis is {\"status\":\"down\"}");
    }

    @Test
    void aServerErrorIsUnhealthyWhateverTheBody() {
        assertThat(HealthAnswer.of(503, "Service Unavailable"))
                .isEqualTo(new HealthAnswer(false, "unhealthy: status 503"));
    }

    @Test
    void aPlainTwoHundredIsHealthy() {
        assertThat(HealthAnswer.of(204, "").healthy()).isTrue();
    }

    @Test
    void judgesOnlyBooleanLikeValuesInChecksAndServices() {
        assertThat(HealthAnswer.of(200, "{\"status\":\"ok\",\"checks\":{\"db\":\"up\",\"at\":\"2026-12-02\","
                + "\"count\":3},\"services\":{\"redis\":\"connected\",\"queue\":\"down\",\"mail\":\"error\"}}").describe())
                .isEqualTo("unhealthy: services.queue is \"down\", services.mail is \"error\"");
    }
}
