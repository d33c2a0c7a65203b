package dev.shipshape.runbook;


/** Text shown to people with secret references masked: {@code ${secret:TOKEN}} becomes {@code ***}. */
public final class Masked {

    private Masked() {
    }

    public static String of(String text) {
        if (text == null || !text.contains("${secret:")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Placeholders.Placeholder p : Placeholders.find(text)) {
            out.append(text, copied, p.start()).append(p.kind() == Placeholders.Kind.SECRET ? "***"
                    : text.substring(p.start(), p.end()));
            copied = p.end();
        }
        return out.append(text.substring(copied)).toString();
    }
}
