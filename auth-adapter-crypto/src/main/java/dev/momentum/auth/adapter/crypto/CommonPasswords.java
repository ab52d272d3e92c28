package dev.momentum.auth.adapter.crypto;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The passwords people choose most: zxcvbn's list of 30,000, ranked by how often they appear in
 * leaks, in lower case. It is read on first use (about 40 ms), so that start-up does not pay for it.
 */
public final class CommonPasswords {

    private CommonPasswords() {
    }

    /** Whether this lower-case password is on the list. */
    public static boolean contains(String lowerCasePassword) {
        return Loaded.PASSWORDS.contains(lowerCasePassword);
    }

    static Set<String> all() {
        return Loaded.PASSWORDS;
    }

    private static final class Loaded {

        static final Set<String> PASSWORDS = read();

        private static Set<String> read() {
            try {
                return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
            } catch (IOException e) {
                throw new UncheckedIOException("zxcvbn's password list could not be read", e);
            }
        }
    }
}
