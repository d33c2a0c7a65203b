package dev.shipshape.steps;

import dev.shipshape.engine.Secrets;

/** One secret, {@code TOKEN}, whose value is {@value #VALUE}. */
public final class TestSecrets implements Secrets {

    public static final String REFERENCE = "${secret:TOKEN}";
    public static final String VALUE = "s3cr3t-value";

    @Override
    public String reveal(String text) {
        return text.replace(REFERENCE, VALUE);
    }

    @Override
    public String redact(String text) {
        return text.replace(VALUE, "***");
    }
}
