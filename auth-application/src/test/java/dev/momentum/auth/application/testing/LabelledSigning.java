package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.signing.IdTokenClaims;
import dev.momentum.auth.domain.signing.JwtClaims;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.signing.TokenClaims;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Signs "<kid>:<label of the claims>#<signature number>", so a test sees which key signed what, and how often.
 * Its public keys are well-formed JWKs (a point of zeros) that verify nothing.
 */
public final class LabelledSigning implements TokenSigning {

    public final AtomicInteger signatures = new AtomicInteger();
    /** Every token's claims, in the order signed. */
    public final List<JwtClaims> signed = new CopyOnWriteArrayList<>();
    private final Function<JwtClaims, String> label;

    public LabelledSigning(Function<JwtClaims, String> label) {
        this.label = label;
    }

    /** Labelled by the subject: the user's id, or an access token's subject. */
    public static LabelledSigning bySubject() {
        return new LabelledSigning(claims -> switch (claims) {
            case TokenClaims session -> session.user().id().value();
            case AccessTokenClaims access -> access.subject();
            case IdTokenClaims id -> id.user().id().value();
        });
    }

    public static String kidOf(String token) {
        return token.substring(0, token.indexOf(':'));
    }

    @Override
    public StoredSigningKey generate(SigningKey key) {
        return new StoredSigningKey(key, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + "A".repeat(43)
                + "\",\"kid\":\"" + key.id() + "\"}", "sealed");
    }

    @Override
    public Signer signer(StoredSigningKey key) {
        return claims -> {
            signed.add(claims);
            return key.key().id() + ":" + label.apply(claims) + "#" + signatures.incrementAndGet();
        };
    }
}
