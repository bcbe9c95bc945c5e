package dev.latchkey.crypto;

/** A GitHub token read back from storage, flagged when it was stored unencrypted or under a previous key. */
public record StoredToken(String value, boolean legacyPlaintext, boolean previousKey) {

    public StoredToken(String value, boolean legacyPlaintext) {
        this(value, legacyPlaintext, false);
    }

    /** Whether the stored value should be written again, encrypted under the current key. */
    public boolean needsReEncryption() {
        return legacyPlaintext || previousKey;
    }

    // The generated toString would print the token into any log line that mentions this record.
    @Override
    public String toString() {
        return "StoredToken[value=<redacted>, legacyPlaintext=" + legacyPlaintext + ", previousKey=" + previousKey + "]";
    }
}
