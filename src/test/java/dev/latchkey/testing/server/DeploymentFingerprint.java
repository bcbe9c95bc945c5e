package dev.latchkey.testing.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * What a deployment contains, as a SHA-256 of every entry's path and bytes (nested archives entry by entry, so zip
 * timestamps do not count): two test classes whose WARs have the same fingerprint can share one server.
 */
public final class DeploymentFingerprint {

    private DeploymentFingerprint() {
    }

    public static String of(Archive<?> archive) {
        MessageDigest digest = sha256();
        add(digest, archive);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, Archive<?> archive) {
        Map<String, Node> entries = new TreeMap<>();
        for (Map.Entry<ArchivePath, Node> entry : archive.getContent().entrySet()) {
            entries.put(entry.getKey().get(), entry.getValue());
        }
        entries.forEach((path, node) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            Asset asset = node.getAsset();
            if (asset instanceof ArchiveAsset nested) {
                add(digest, nested.getArchive());
            } else if (asset != null) {
                try (InputStream content = asset.openStream()) {
                    digest.update(content.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + path, e);
                }
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
