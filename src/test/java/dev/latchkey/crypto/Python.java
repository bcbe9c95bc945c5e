package dev.latchkey.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short python3 scripts, the reference for what the Python systems Latchkey replaces can read. */
final class Python {

    private Python() {
    }

    static boolean hasCryptography() throws InterruptedException {
        return run("import cryptography.fernet").exitCode() == 0;
    }

    /** Runs {@code python3 -c script args...}; exit code -1 means python3 could not run or took too long. */
    static Result run(String script, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // Waiting first cannot deadlock on a full pipe: these scripts print a few dozen bytes.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), UTF_8));
        } catch (IOException noPython) {
            return new Result(-1, "");
        }
    }

    record Result(int exitCode, String stdout) {
    }
}
