package com.admitone.client.ui.common;

import com.admitone.client.auth.LoginRefusedException;
import com.admitone.client.sync.ProblemMessages;

/** One sentence for staff about any failure of a background task. */
public final class Failures {
    private final Strings strings;
    private final ProblemMessages problems;

    public Failures(Strings strings, ProblemMessages problems) {
        this.strings = strings;
        this.problems = problems;
    }

    public String sentence(Throwable failure) {
        if (failure instanceof LoginRefusedException refused) {
            return strings.orElse(refused.messageKey(), refused.getMessage());
        }
        if (failure instanceof IllegalArgumentException bad && bad.getMessage() != null) {
            return bad.getMessage();
        }
        return problems.sentence(failure);
    }
}
