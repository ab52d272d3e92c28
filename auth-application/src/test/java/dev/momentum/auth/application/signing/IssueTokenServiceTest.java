package dev.momentum.auth.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.InMemorySigningKeys;
import dev.momentum.auth.application.testing.LabelledSigning;
import dev.momentum.auth.application.testing.SequenceTokenGenerator;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.domain.signing.KeyRotation;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.TokenClaims;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueTokenServiceTest {

    private static final Duration REUSE = Duration.ofSeconds(30);

    private final TestAuthService auth = new TestAuthService();
    private final LabelledSigning signing = new LabelledSigning(claims -> ((TokenClaims) claims).tokenId());
    private final InMemorySigningKeys keyStore = new InMemorySigningKeys();
    private final SigningKeyRing keys = new SigningKeyRing(keyStore, signing, new SequenceTokenGenerator(),
            new KeyRotation(Duration.ofDays(30), Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofMinutes(20)),
            SigningAlgorithm.ES256, auth.clock, auth.events);

    private IssueTokenService withReuse(Duration reuse) {
        return new IssueTokenService(auth.getSession, keys, auth.tokens,
                new TokenPolicy("http://localhost:3002", "http://localhost:3002", Duration.ofMinutes(15), reuse),
                new AdminPolicy(Set.of()));
    }

    private final IssueTokenService tokens = withReuse(REUSE);

    @Test
    void tokenForWhenTheSameSessionAsksAgainWithinTheWindowThenTheSameTokenWithoutSigning() {
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");

        String first = tokens.tokenFor(session).block();
        auth.clock.advance(REUSE.minusSeconds(1));
        String again = tokens.issueToken(session.token()).block();

        assertThat(again).isEqualTo(first);
        assertThat(signing.signatures).hasValue(1);
    }

    @Test
    void tokenForWhenTheWindowHasPassedThenANewToken() {
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");

        String first = tokens.tokenFor(session).block();
        auth.clock.advance(REUSE);

        assertThat(tokens.tokenFor(session).block()).isNotEqualTo(first);
    }

    @Test
    void tokenForWhenAnotherSessionOfTheSameUserThenItsOwnToken() {
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");
        SessionResult other = auth.signedIn(auth.signInCommand("ada@example.com", TestAuthService.PASSWORD)).block();

        assertThat(tokens.tokenFor(other).block()).isNotEqualTo(tokens.tokenFor(session).block());
    }

    @Test
    void tokenForWhenTheUserChangedThenANewTokenWithTheNewClaims() {
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");
        String first = tokens.tokenFor(session).block();

        auth.clock.advance(Duration.ofSeconds(1));
        auth.updateUser.updateUser(new UpdateUserCommand(session.token(), Optional.of("Ada L."), Optional.empty(), false))
                .block();

        assertThat(tokens.issueToken(session.token()).block()).isNotEqualTo(first);
    }

    @Test
    void tokenForWhenTheSigningKeyRotatedThenSignedByTheNewKeyAtOnce() {
        IssueTokenService longReuse = withReuse(Duration.ofMinutes(14));
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");
        keys.refresh().block();
        auth.clock.advance(Duration.ofDays(30).minusMinutes(19));
        keys.refresh().block();
        auth.clock.advance(Duration.ofMinutes(18));
        String byFirstKey = longReuse.tokenFor(session).block();

        auth.clock.advance(Duration.ofMinutes(2));
        String afterRotation = longReuse.tokenFor(session).block();

        assertThat(keyStore.keys).hasSize(2);
        assertThat(byFirstKey).startsWith(keyStore.keys.get(0).key().id() + ":");
        assertThat(afterRotation).startsWith(keyStore.keys.get(1).key().id() + ":");
    }

    @Test
    void tokenForWhenReuseIsOffThenEveryCallSigns() {
        IssueTokenService noReuse = withReuse(Duration.ZERO);
        SessionResult session = auth.signUpVerifyAndSignIn("ada@example.com");

        noReuse.tokenFor(session).block();
        noReuse.tokenFor(session).block();

        assertThat(signing.signatures).hasValue(2);
    }
}
