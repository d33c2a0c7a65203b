package dev.shipshape.app;

/** An environment's pre-deployment checklist: run alone, and its manual items signed off. */
public final class Checklists {

    private Checklists() {
    }

    /** How a manual item is signed off, as the checklist's results say. */
    public static String signHint(String environment, String version) {
        return "shipshape checklist --env " + environment + " --version " + version + " --sign ITEM";
    }
}
