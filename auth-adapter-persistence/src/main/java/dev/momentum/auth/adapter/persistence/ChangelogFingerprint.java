package dev.momentum.auth.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a changelog: its master file and, in order, every file it includes. Equal
 * fingerprints mean the same changesets, so a database that recorded this fingerprint after a
 * complete update needs no Liquibase run (ADR-0007). The master names its includes one by one,
 * relative to itself, as ours does; an {@code includeAll} would not be seen and is refused.
 */
final class ChangelogFingerprint {

    private static final Pattern INCLUDED_FILE = Pattern.compile("^\\s*file:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    private ChangelogFingerprint() {
    }

    static String of(String masterResource) {
        MessageDigest digest = sha256();
        String master = new String(read(masterResource, digest), StandardCharsets.UTF_8);
        if (master.contains("includeAll")) {
            throw new IllegalStateException(masterResource + " uses includeAll; name each file with include");
        }
        String directory = masterResource.substring(0, masterResource.lastIndexOf('/') + 1);
        INCLUDED_FILE.matcher(master).results().forEach(include -> read(directory + include.group(1), digest));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] read(String resource, MessageDigest digest) {
        try (InputStream in = ChangelogFingerprint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("changelog file " + resource + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            digest.update(resource.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
