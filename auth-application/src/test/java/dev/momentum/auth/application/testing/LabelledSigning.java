package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.domain.signing.SigningKey;
import java.util.concurrent.atomic.AtomicInteger;

/** Signs "<kid>:<one claim>#<signature number>", so a test sees which key signed what, and how often. */
public final class LabelledSigning implements TokenSigning {

    public final AtomicInteger signatures = new AtomicInteger();
    private final String claim;

    public LabelledSigning(String claim) {
        this.claim = claim;
    }

    public static String kidOf(String token) {
        return token.substring(0, token.indexOf(':'));
    }

    @Override
    public StoredSigningKey generate(SigningKey key) {
        return new StoredSigningKey(key, "{\"kid\":\"" + key.id() + "\"}", "sealed");
    }

    @Override
    public Signer signer(StoredSigningKey key) {
        return claims -> key.key().id() + ":" + claims.get(claim) + "#" + signatures.incrementAndGet();
    }
}
