package dev.momentum.auth.adapter.crypto;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The passwords people choose most: zxcvbn's list of 30,000, ranked by how often they appear in
 * leaks, in lower case.
 */
public final class CommonPasswords {

    private CommonPasswords() {
    }

    /**
     * Reads the list from zxcvbn's jar. Call it at start: reading a file on a request's event loop
     * would block it (NoBlockingIT caught a version that read it on first use).
     */
    public static Set<String> read() {
        try {
            return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password list could not be read", e);
        }
    }
}
