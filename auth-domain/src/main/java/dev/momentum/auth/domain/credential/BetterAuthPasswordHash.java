package dev.momentum.auth.domain.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * better-auth's password hash, {@code <saltHex>:<keyHex>}: scrypt with N=16384, r=16, p=1 and a
 * 64-byte key over the NFKC-normalised password, whose salt is the 32 hex characters themselves
 * (as ASCII bytes, not decoded). Imported in PHC form, {@code $scrypt$ln=14,r=16,p=1$<salt>$<key>},
 * so that the algorithm travels with the value like every other hash here and a sign-in knows to
 * replace it.
 */
public final class BetterAuthPasswordHash {

    public static final String PHC_PREFIX = "$scrypt$ln=14,r=16,p=1$";

    private static final Pattern STORED = Pattern.compile("^[0-9a-f]{32}:[0-9a-f]{128}$");

    private BetterAuthPasswordHash() {
    }

    /** The PHC form of a stored better-auth hash; empty when the value is not one. */
    public static Optional<PasswordHash> toPhc(String stored) {
        if (stored == null || !STORED.matcher(stored).matches()) {
            return Optional.empty();
        }
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        byte[] salt = stored.substring(0, 32).getBytes(StandardCharsets.US_ASCII);
        byte[] key = HexFormat.of().parseHex(stored.substring(33));
        return Optional.of(new PasswordHash(PHC_PREFIX + base64.encodeToString(salt) + "$" + base64.encodeToString(key)));
    }
}
