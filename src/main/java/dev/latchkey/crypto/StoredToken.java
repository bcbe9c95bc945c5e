package dev.latchkey.crypto;

/** A GitHub token read back from storage, flagged when it was still stored unencrypted. */
public record StoredToken(String value, boolean legacyPlaintext) {

    // The generated toString would print the token into any log line that mentions this record.
    @Override
    public String toString() {
        return "StoredToken[value=<redacted>, legacyPlaintext=" + legacyPlaintext + "]";
    }
}
