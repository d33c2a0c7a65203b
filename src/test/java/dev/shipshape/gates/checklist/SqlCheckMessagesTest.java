package dev.shipshape.gates.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlCheckMessagesTest {

    @Test
    void driverMessagesThatQuoteTheUrlLoseThePassword() {
        assertThat(SqlCheck.withoutPasswords("No suitable driver found for jdbc:postgres://db/shop?user=a&password=s3cr3t&ssl=true"))
                .isEqualTo("No suitable driver found for jdbc:postgres://db/shop?user=a&password=***&ssl=true");
        assertThat(SqlCheck.withoutPasswords("jdbc:h2:mem:x;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***");
    }
}
