package dev.shipshape.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.Placeholders.Kind;
import dev.shipshape.runbook.Placeholders.Placeholder;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void anEnvReferenceWithADefaultNamesTheVariableAndKeepsTheDefault() {
        Placeholder p = Placeholders.find("region ${env:REGION:-eu-west-1}").getFirst();

        assertThat(p.kind()).isEqualTo(Kind.ENV);
        assertThat(p.name()).isEqualTo("REGION");
        assertThat(p.fallback()).isEqualTo("eu-west-1");
    }

    @Test
    void anEmptyDefaultIsADefault() {
        Placeholder p = Placeholders.find("${env:SUFFIX:-}").getFirst();

        assertThat(p.name()).isEqualTo("SUFFIX");
        assertThat(p.fallback()).isEmpty();
    }

    @Test
    void anEnvReferenceWithoutADefaultHasNone() {
        Placeholder p = Placeholders.find("${env:HOME}").getFirst();

        assertThat(p.name()).isEqualTo("HOME");
        assertThat(p.fallback()).isNull();
    }

    @Test
    void aDefaultWithoutAVariableNameIsUnknown() {
        assertThat(Placeholders.find("${env::-x}").getFirst().kind()).isEqualTo(Kind.UNKNOWN);
    }
}
