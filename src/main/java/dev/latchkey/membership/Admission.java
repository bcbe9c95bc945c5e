package dev.latchkey.membership;

import java.util.Optional;

/**
 * The organization gate's yes to a sign-in, with what GitHub said, to be recorded for the user once they exist.
 */
public final class Admission {

    static final Admission UNCHECKED = new Admission(null);

    private final Examination examination;

    Admission(Examination examination) {
        this.examination = examination;
    }

    Optional<Examination> examination() {
        return Optional.ofNullable(examination);
    }
}
