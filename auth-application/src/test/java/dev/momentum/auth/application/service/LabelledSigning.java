package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.out.StoredSigningKey;
import dev.momentum.auth.application.port.out.TokenSigning;
import dev.momentum.auth.domain.signing.SigningKey;
import java.util.concurrent.atomic.AtomicInteger;

/** Signs "<kid>:<one claim>#<signature number>", so a test sees which key signed what, and how often. */
final class LabelledSigning implements TokenSigning {

    final AtomicInteger signatures = new AtomicInteger();
    private final String claim;

    LabelledSigning(String claim) {
        this.claim = claim;
    }

    static String kidOf(String token) {
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
