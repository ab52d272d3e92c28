package dev.momentum.auth.application.signing;

import static dev.momentum.auth.application.testing.LabelledSigning.kidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.testing.InMemoryAuditTrail;
import dev.momentum.auth.application.testing.InMemorySigningKeys;
import dev.momentum.auth.application.testing.LabelledSigning;
import dev.momentum.auth.application.testing.MutableClock;
import dev.momentum.auth.application.testing.SequenceTokenGenerator;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.signing.KeyRotation;
import dev.momentum.auth.domain.signing.PublicJwk;
import dev.momentum.auth.domain.signing.PublishedKeys;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.signing.TokenClaims;
import dev.momentum.auth.domain.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class SigningKeyRingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final KeyRotation rotation = new KeyRotation(Duration.ofDays(30), Duration.ofMinutes(20),
            Duration.ofMinutes(15), Duration.ofMinutes(20));
    private final InMemorySigningKeys store = new InMemorySigningKeys();

    private final LabelledSigning signing = LabelledSigning.bySubject();
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    private final SecurityEvents events = new SecurityEvents(auditTrail, clock);

    private static TokenClaims claimsOf(String subject, Instant now) {
        return new TokenClaims("issuer", "audience", now, now.plusSeconds(900), "jti",
                TestUsers.user(subject).email("ada@example.com").build(), "user");
    }

    private SigningKeyRing instance() {
        return new SigningKeyRing(store, signing, new SequenceTokenGenerator(), rotation, SigningAlgorithm.ES256, clock, events);
    }

    @Test
    void signWhenNotYetRefreshedThenLoadsTheKeysFirstAndMakesTheFirstOne() {
        String token = instance().sign(now -> claimsOf("u", now)).block();

        assertThat(store.keys).singleElement().satisfies(key -> assertThat(kidOf(token)).isEqualTo(key.key().id()));
        assertThat(jwks(instance().publishedKeys())).contains(kidOf(token));
    }

    @Test
    void signWhenTheFirstKeyTakesTimeToGenerateThenTheTokenIsMadeAfterItAndSigned() {
        TokenSigning slowToGenerate = new TokenSigning() {
            @Override
            public StoredSigningKey generate(SigningKey key) {
                clock.advance(Duration.ofMillis(800));
                return signing.generate(key);
            }

            @Override
            public Signer signer(StoredSigningKey key) {
                return signing.signer(key);
            }
        };
        Instant requested = clock.instant();
        var ring = new SigningKeyRing(store, slowToGenerate, new SequenceTokenGenerator(), rotation,
                SigningAlgorithm.ES256, clock, events);

        String token = ring.sign(now -> claimsOf(now.toString(), now)).block();

        assertThat(token).contains(":" + requested.plusMillis(800) + "#");
    }

    @Test
    void refreshWhenTwoInstancesStartAndRotateTogetherThenOneKeyPerGenerationAndTheySignAlike() {
        SigningKeyRing a = instance();
        SigningKeyRing b = instance();
        Mono.when(a.refresh(), b.refresh()).block();
        String first = kidOf(a.sign(now -> claimsOf("u", now)).block());
        assertThat(kidOf(b.sign(now -> claimsOf("u", now)).block())).isEqualTo(first);

        clock.advance(Duration.ofDays(30).minus(Duration.ofMinutes(20)));
        Mono.when(a.refresh(), b.refresh()).block();
        a.refresh().block();
        b.refresh().block();

        assertThat(store.keys).extracting(key -> key.key().generation()).containsExactly(1, 2);
        assertThat(auditTrail.events()).as("one rotation event per key, by the instance that added it")
                .extracting(SecurityEvent::type, SecurityEvent::detail)
                .containsExactly(
                        tuple(SecurityEventType.KEY_ROTATION, "key " + first + " (generation 1), signs from "
                                + store.keys.get(0).key().activeFrom()),
                        tuple(SecurityEventType.KEY_ROTATION, "key " + store.keys.get(1).key().id()
                                + " (generation 2), signs from " + store.keys.get(1).key().activeFrom()));
        assertThat(kidOf(a.sign(now -> claimsOf("u", now)).block())).as("not before its time").isEqualTo(first);
        assertThat(jwks(a.publishedKeys())).contains(store.keys.get(1).key().id()).contains(first);
        assertThat(jwks(b.publishedKeys())).isEqualTo(jwks(a.publishedKeys()));

        clock.advance(Duration.ofMinutes(20));
        String second = store.keys.get(1).key().id();
        assertThat(kidOf(a.sign(now -> claimsOf("u", now)).block())).isEqualTo(second);
        assertThat(kidOf(b.sign(now -> claimsOf("u", now)).block())).isEqualTo(second);

        clock.advance(Duration.ofMinutes(35));
        a.refresh().block();
        assertThat(jwks(a.publishedKeys())).contains(second).doesNotContain(first);
    }

    @Test
    void jwksWhenKeysWereImportedFromBetterAuthThenPublishedUntilTheirTimeButNeverAmongOurOwn() {
        String imported = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\",\"kid\":\"better-auth-key\"}";
        store.imported.put(imported, clock.instant().plus(Duration.ofMinutes(20)));
        SigningKeyRing ring = instance();

        ring.refresh().block();
        assertThat(jwks(ring.publishedKeys())).contains("better-auth-key");
        assertThat(jwks(ring.ownKeys())).doesNotContain("better-auth-key").contains(store.keys.getFirst().key().id());

        clock.advance(Duration.ofMinutes(21));
        ring.refresh().block();
        assertThat(jwks(ring.publishedKeys())).doesNotContain("better-auth-key");
    }

    /** The keys' JSON, one after another: enough to ask which key ids are in the set. */
    private static String jwks(Mono<PublishedKeys> keys) {
        return keys.block().keys().stream().map(PublicJwk::json).collect(Collectors.joining(","));
    }
}
