package dev.latchkey.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import java.time.Instant;
import javax.crypto.spec.IvParameterSpec;

/** Builds Fernet tokens with a chosen timestamp and IV, which fernet-java8's public generate methods do not allow. */
final class FernetTokens {

    private static final byte VERSION = (byte) 0x80;

    private FernetTokens() {
    }

    static String build(String fernetKey, Instant timestamp, byte[] iv, String plaintext) {
        Key key = new Key(fernetKey);
        IvParameterSpec ivSpec = new IvParameterSpec(iv);
        byte[] cipherText = key.encrypt(plaintext.getBytes(UTF_8), ivSpec);
        byte[] hmac = key.sign(VERSION, timestamp, ivSpec, cipherText);
        // Token's constructor is protected; an anonymous subclass may call it, and serialise() stays the library's.
        return new Token(VERSION, timestamp, ivSpec, cipherText, hmac) { }.serialise();
    }
}
