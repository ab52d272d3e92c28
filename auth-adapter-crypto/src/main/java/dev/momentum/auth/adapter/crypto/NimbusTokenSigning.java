package dev.momentum.auth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.signing.IdTokenClaims;
import dev.momentum.auth.domain.signing.JwtClaims;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.signing.TokenClaims;
import dev.momentum.auth.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Date;
import java.util.Objects;

/** Key pairs and signatures with Nimbus JOSE+JWT; private JWKs are stored sealed. */
public final class NimbusTokenSigning implements TokenSigning {

    /** What the private keys' sealing key is derived for; differs from every other use of the secret. */
    public static final String SEALING_PURPOSE = "auth-service signing keys v1";
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final SecretSealer sealer;
    private final SecureRandom random = NonBlockingRandom.create();

    /** @param sealer seals private keys; give it its own purpose, not the one mail uses */
    public NimbusTokenSigning(SecretSealer sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer cannot be null");
    }

    @Override
    public StoredSigningKey generate(SigningKey key) {
        try {
            JWK pair = switch (key.algorithm()) {
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(key.id()).algorithm(JWSAlgorithm.ES256)
                        .keyUse(KeyUse.SIGNATURE).generate();
                case RS256 -> new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).keyID(key.id())
                        .algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
                case EdDSA -> Ed25519JwsSigner.generate(random).keyID(key.id()).algorithm(JWSAlgorithm.EdDSA)
                        .keyUse(KeyUse.SIGNATURE).build();
            };
            return new StoredSigningKey(key, pair.toPublicJWK().toJSONString(),
                    sealer.seal(key.id(), pair.toJSONString().getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + key.algorithm() + " key", e);
        }
    }

    @Override
    public Signer signer(StoredSigningKey stored) {
        try {
            JWK pair = JWK.parse(new String(sealer.open(stored.key().id(), stored.sealedPrivateJwk()),
                    StandardCharsets.UTF_8));
            JWSSigner signer = switch (pair) {
                case ECKey ec -> new ECDSASigner(ec);
                case RSAKey rsa -> new RSASSASigner(rsa);
                case OctetKeyPair ed25519 -> new Ed25519JwsSigner(ed25519);
                default -> throw new IllegalStateException("unexpected key type " + pair.getKeyType());
            };
            // ECDSA's per-signature nonce, drawn on the event loop
            signer.getJCAContext().setSecureRandom(random);
            JWSAlgorithm algorithm = JWSAlgorithm.parse(stored.key().algorithm().name());
            return claims -> sign(signer, new JWSHeader.Builder(algorithm).keyID(stored.key().id())
                    .type(typeOf(claims)).build(), claims);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("signing key " + stored.key().id() + " is unreadable", e);
        }
    }

    /** RFC 9068 gives access tokens a type of their own, so that no other JWT of ours passes for one. */
    private static JOSEObjectType typeOf(JwtClaims claims) {
        return claims instanceof AccessTokenClaims ? ACCESS_TOKEN_TYPE : JOSEObjectType.JWT;
    }

    private static String sign(JWSSigner signer, JWSHeader header, JwtClaims claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, switch (claims) {
                case TokenClaims session -> claimsSet(session);
                case AccessTokenClaims access -> claimsSet(access);
                case IdTokenClaims id -> claimsSet(id);
            });
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /**
     * The claims on the wire: the registered ones, better-auth's user fields ({@code id, name,
     * email, emailVerified, image, createdAt, updatedAt}), its admin plugin's {@code role} and
     * OpenID's {@code email_verified}; a missing image is left out.
     */
    static JWTClaimsSet claimsSet(TokenClaims claims) {
        User user = claims.user();
        return new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .audience(claims.audience())
                .subject(user.id().value())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .claim("id", user.id().value())
                .claim("name", user.name())
                .claim("email", user.email().value())
                .claim("emailVerified", user.emailVerified())
                .claim("role", claims.role())
                .claim("email_verified", user.emailVerified())
                .claim("image", user.image())
                .claim("createdAt", user.createdAt().toString())
                .claim("updatedAt", user.updatedAt().toString())
                .build();
    }

    /** RFC 9068 section 2.2: the registered claims, the client, the scopes; {@code aud} a string when one. */
    static JWTClaimsSet claimsSet(AccessTokenClaims claims) {
        return new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(claims.audience())
                .claim("client_id", claims.clientId())
                .claim("scope", claims.scopes().isEmpty() ? null : claims.scopes().value())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
    }

    /** OpenID Connect Core section 2, with the standard claims the {@code profile} and {@code email} scopes name. */
    static JWTClaimsSet claimsSet(IdTokenClaims claims) {
        User user = claims.user();
        var builder = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(user.id().value())
                .audience(claims.clientId())
                .claim("azp", claims.clientId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("auth_time", claims.authTime().getEpochSecond())
                .claim("nonce", claims.nonce().orElse(null));
        if (claims.scopes().contains("profile")) {
            builder.claim("name", user.name()).claim("picture", user.image())
                    .claim("updated_at", user.updatedAt().getEpochSecond());
        }
        if (claims.scopes().contains("email")) {
            builder.claim("email", user.email().value()).claim("email_verified", user.emailVerified());
        }
        return builder.build();
    }
}
