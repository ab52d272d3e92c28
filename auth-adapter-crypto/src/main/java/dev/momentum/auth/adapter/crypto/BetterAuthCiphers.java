package dev.momentum.auth.adapter.crypto;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import dev.momentum.auth.application.migration.port.out.BetterAuthSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * better-auth's encrypted columns and JWKS rows. It encrypts under SHA-256 of its secret; with
 * secret rotation the value sits in a {@code $ba$<version>$} envelope, and since the versions'
 * secrets are not ours to number, every secret given is tried: the cipher's tag tells the right one.
 */
public final class BetterAuthCiphers implements BetterAuthSecrets {

    private static final String ENVELOPE = "$ba$";

    private final List<byte[]> keys = new ArrayList<>();

    /** @param secrets better-auth's secret first, then any earlier ones */
    public BetterAuthCiphers(List<String> secrets) {
        try {
            for (String secret : secrets) {
                keys.add(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public Optional<String> decrypt(String encrypted) {
        if (encrypted == null) {
            return Optional.empty();
        }
        String hex = encrypted;
        if (hex.startsWith(ENVELOPE)) {
            int separator = hex.indexOf('$', ENVELOPE.length());
            hex = separator < 0 ? "" : hex.substring(separator + 1);
        }
        byte[] sealed;
        try {
            sealed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        for (byte[] key : keys) {
            try {
                return Optional.of(new String(XChaCha20Poly1305.open(key, sealed), StandardCharsets.UTF_8));
            } catch (GeneralSecurityException anotherKey) {
                // the next secret, if any
            }
        }
        return Optional.empty();
    }

    /** What better-auth's JWKS endpoint serves for the row: {alg, crv, ...publicKey, kid}, plus use. */
    @Override
    public Optional<String> publicJwk(String kid, String storedPublicKey, String alg, String crv) {
        try {
            Map<String, Object> fields = new LinkedHashMap<>(JWK.parse(storedPublicKey).toJSONObject());
            fields.put("alg", alg == null ? "EdDSA" : alg);
            if (crv != null && !fields.containsKey("crv")) {
                fields.put("crv", Curve.parse(crv).getName());
            }
            fields.put("kid", kid);
            fields.put("use", KeyUse.SIGNATURE.identifier());
            JWK jwk = JWK.parse(fields);
            return jwk.isPrivate() ? Optional.empty() : Optional.of(jwk.toJSONString());
        } catch (ParseException | RuntimeException notAPublicKey) {
            return Optional.empty();
        }
    }
}
