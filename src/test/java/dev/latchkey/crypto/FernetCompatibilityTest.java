package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Proves that Latchkey's Fernet tokens follow the spec's vectors and interoperate with Python's cryptography. */
class FernetCompatibilityTest {

    private static final String GITHUB_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String PYTHON_SECRET = "a-python-era-secret-key-of-at-least-32-chars";
    private static final String PYTHON_UNICODE_SECRET = "clé secrète ünïcödé 🔑 — also at least 32 characters";

    // python3: base64.urlsafe_b64encode(hashlib.sha256(secret.encode("utf-8")).digest()).decode()
    private static final String PYTHON_FERNET_KEY = "JDhiOO_ml5QdX4AnIsUV10apYeWSQHZfFIFaRUZhxSo=";
    private static final String PYTHON_UNICODE_FERNET_KEY = "yVqm_K8nS5yMRJcAoMvfloTP7wL9DdWH_ksq7l_G00E=";

    // python3, cryptography 48.0.0: Fernet(PYTHON_FERNET_KEY).encrypt_at_time(GITHUB_TOKEN.encode(), 1551398400),
    // that is on 2019-03-01, as the Python systems did years before Latchkey.
    private static final String PYTHON_TOKEN = "gAAAAABceHYAMUxGy2OopdrrKYtVSCyquQBJU0iL17EZz-PpRgrUfEgCcrsvwyfOTjKKaJjB"
            + "i3hbq4DGfX4NSky2Jq9i4w6zFCsnZqPLNzu_0Cal3uquPpIK2309T5WxFVFIkoYFWQvF";

    @TestFactory
    List<DynamicTest> generatesTheSpecTokenFromTheSpecTimestampAndIv() {
        return FernetVectors.load("generate.json").stream()
                .map(vector -> DynamicTest.dynamicTest(vector.getString("src"), () -> {
                    String token = FernetTokens.build(vector.getString("secret"), FernetVectors.now(vector),
                            FernetVectors.iv(vector), vector.getString("src"));

                    assertEquals(vector.getString("token"), token);
                    assertEquals(vector.getString("src"),
                            new TokenCipher(vector.getString("secret")).decrypt(token).value());
                }))
                .toList();
    }

    @TestFactory
    List<DynamicTest> verifiesTheSpecTokensAtTheSpecTime() {
        return FernetVectors.load("verify.json").stream()
                .map(vector -> DynamicTest.dynamicTest(vector.getString("token"), () -> {
                    String plaintext = Token.fromString(vector.getString("token"))
                            .validateAndDecrypt(new Key(vector.getString("secret")), SpecValidator.of(vector));

                    assertEquals(vector.getString("src"), plaintext);
                }))
                .toList();
    }

    @TestFactory
    List<DynamicTest> refusesTheSpecInvalidTokens() {
        return FernetVectors.load("invalid.json").stream()
                .map(vector -> DynamicTest.dynamicTest(vector.getString("desc"), () -> {
                    Key key = new Key(vector.getString("secret"));

                    assertThrows(RuntimeException.class, () -> Token.fromString(vector.getString("token"))
                            .validateAndDecrypt(key, SpecValidator.of(vector)));
                }))
                .toList();
    }

    @Test
    void tokenCipherRefusesTheSpecInvalidTokensThatAreNotAboutTime() {
        for (JsonObject vector : FernetVectors.load("invalid.json")) {
            String desc = vector.getString("desc");
            // Stored tokens have no age limit by design; every other defect must still be refused.
            if (!desc.equals("expired TTL") && !desc.startsWith("far-future TS")) {
                TokenCipher cipher = new TokenCipher(vector.getString("secret"));
                assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(vector.getString("token")), desc);
            }
        }
    }

    @Test
    void derivesTheSameFernetKeyAsPython() {
        assertEquals(PYTHON_FERNET_KEY, KeyDerivation.fernetKey(PYTHON_SECRET));
        assertEquals(PYTHON_UNICODE_FERNET_KEY, KeyDerivation.fernetKey(PYTHON_UNICODE_SECRET));
    }

    @Test
    void decryptsAGitHubTokenThatPythonEncryptedYearsAgo() {
        StoredToken stored = new TokenCipher(KeyDerivation.fernetKey(PYTHON_SECRET)).decrypt(PYTHON_TOKEN);

        assertEquals(GITHUB_TOKEN, stored.value());
        assertFalse(stored.legacyPlaintext());
    }

    @Test
    void pythonDecryptsWhatJavaEncrypts(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Python.hasCryptography(), "python3 with the cryptography package is not installed");
        String fernetKey = KeyDerivation.fernetKey(PYTHON_SECRET);
        Path tokenFile = Files.writeString(dir.resolve("token"), new TokenCipher(fernetKey).encrypt(GITHUB_TOKEN));

        Python.Result result = Python.run("import sys; from cryptography.fernet import Fernet; "
                + "sys.stdout.write(Fernet(sys.argv[1]).decrypt(open(sys.argv[2], 'rb').read()).decode())",
                fernetKey, tokenFile.toString());

        assertEquals(0, result.exitCode());
        assertEquals(GITHUB_TOKEN, result.stdout());
    }

    /** A validator as the spec describes it: the vector's "now" and TTL, and the library's 60-second skew. */
    private record SpecValidator(Instant now, Duration ttl) implements StringValidator {

        static SpecValidator of(JsonObject vector) {
            return new SpecValidator(FernetVectors.now(vector), Duration.ofSeconds(vector.getInt("ttl_sec")));
        }

        @Override
        public Clock getClock() {
            return Clock.fixed(now, ZoneOffset.UTC);
        }

        @Override
        public TemporalAmount getTimeToLive() {
            return ttl;
        }
    }
}
