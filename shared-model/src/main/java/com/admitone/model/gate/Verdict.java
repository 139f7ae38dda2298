package com.admitone.model.gate;

/**
 * The answers a gate gives, in the order they are checked (DESIGN.md, "Gate verdicts"). Each
 * knows how it is shown: green, orange or red, and a plain sentence for staff.
 */
public enum Verdict {
    UNREADABLE(Light.RED, "Not an AdmitOne ticket, or the code is damaged."),
    UNKNOWN_KEY(Light.RED, "Not signed by a key this gate trusts."),
    BAD_SIGNATURE(Light.RED, "Forged or altered ticket: the signature does not match."),
    WRONG_PERFORMANCE(Light.RED, "This ticket is for another performance."),
    NOT_YET_VALID(Light.RED, "Too early: this ticket is not valid yet."),
    EXPIRED(Light.RED, "This ticket has expired."),
    WRONG_GATE(Light.RED, "This ticket is for another area; send the guest to the right gate."),
    REFUNDED(Light.RED, "This ticket was refunded."),
    EXCHANGED(Light.RED, "This ticket was exchanged for another one."),
    TRANSFERRED(Light.RED, "This ticket was transferred to someone else."),
    CANCELLED(Light.RED, "This ticket was cancelled: it was sold offline and could not be placed."),
    ALREADY_ADMITTED(Light.ORANGE, "Already admitted."),
    ADMIT(Light.GREEN, "Admit."),
    EXITED(Light.GREEN, "Exit recorded.");

    /** How the verdict is shown at the gate. */
    public enum Light { GREEN, ORANGE, RED }

    private final Light light;
    private final String sentence;

    Verdict(Light light, String sentence) {
        this.light = light;
        this.sentence = sentence;
    }

    public Light light() {
        return light;
    }

    /** A plain English sentence for staff; the client may replace it with a translated one. */
    public String sentence() {
        return sentence;
    }

    /** True for verdicts that let somebody through (an admission or an exit). */
    public boolean admits() {
        return this == ADMIT;
    }
}
