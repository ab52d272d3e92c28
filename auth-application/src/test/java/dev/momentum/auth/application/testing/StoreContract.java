package dev.momentum.auth.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.VerificationMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.mail.port.out.MailOutbox.QueuedMail;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants.Presented;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges.Ceremony;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges.Opened;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges.Attempt;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.port.out.EmailOwnership;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientKeys;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.RedirectUri;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.testing.TestSessions;
import dev.momentum.auth.domain.throttle.RateWindow;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * What every store of users, sessions and verification tokens must do: the PostgreSQL and H2
 * adapters (PersistenceContract) and the in-memory ports the use-case tests run on
 * (InMemoryStoresTest) alike, so that a use-case test proves what the service does.
 */
public abstract class StoreContract<U extends UserLookup & UserRegistry & PasswordCredentials & EmailOwnership & AccountDetails> {

    protected static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");

    protected static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    protected static final SecureTokenGenerator IDS = new SecureTokenGenerator() {
        @Override
        public String newToken() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        @Override
        public String newId() {
            return newToken();
        }

        @Override
        public String newCode() {
            throw new UnsupportedOperationException("the stores make no codes");
        }
    };

    protected static User newUser(String email) {
        return User.register(new UserId(IDS.newId()), new UserProfile("Ada", null),
                EmailAddress.parse(email).orElseThrow(), NOW);
    }

    protected User stored(String email) {
        User user = newUser(email);
        assertThat(users().addIfEmailFree(user, HASH).block()).isTrue();
        return user;
    }

    protected Session storedSession(User user, String token) {
        return storedSession(user, token, NOW);
    }

    protected Session storedSession(User user, String token, Instant createdAt) {
        Session session = TestSessions.of(user, token).id(IDS.newId()).startedAt(createdAt).build();
        sessions().add(session).block();
        return session;
    }

    /** The stores under test, as the out-ports the use cases name. */
    public record Ports<U>(U users, SessionRepository sessions, VerificationTokenRepository verificationTokens,
                              TransactionRunner transactions, MailOutbox outbox, AuditTrail auditTrail,
                              RateLimitStore rateLimits, UserAdministration userAdministration,
                              SigningKeyStore signingKeys, SecondFactors secondFactors,
                              SignInChallenges signInChallenges, Passkeys passkeys,
                              PasskeyChallenges passkeyChallenges, OAuthClients oauthClients,
                              OAuthGrants oauthGrants, OAuthConsents oauthConsents,
                              SpentAssertions spentAssertions, OAuthResources oauthResources) {
    }

    protected abstract Ports<U> ports();

    protected U users() {
        return ports().users();
    }

    protected SessionRepository sessions() {
        return ports().sessions();
    }

    protected VerificationTokenRepository verificationTokens() {
        return ports().verificationTokens();
    }

    protected TransactionRunner transactions() {
        return ports().transactions();
    }

    protected MailOutbox outbox() {
        return ports().outbox();
    }

    protected AuditTrail auditTrail() {
        return ports().auditTrail();
    }

    protected RateLimitStore rateLimits() {
        return ports().rateLimits();
    }

    protected UserAdministration userAdministration() {
        return ports().userAdministration();
    }

    protected SigningKeyStore signingKeys() {
        return ports().signingKeys();
    }

    protected SecondFactors secondFactors() {
        return ports().secondFactors();
    }

    protected SignInChallenges signInChallenges() {
        return ports().signInChallenges();
    }

    protected Passkeys passkeys() {
        return ports().passkeys();
    }

    protected PasskeyChallenges passkeyChallenges() {
        return ports().passkeyChallenges();
    }

    protected OAuthClients oauthClients() {
        return ports().oauthClients();
    }

    protected OAuthGrants oauthGrants() {
        return ports().oauthGrants();
    }

    protected OAuthConsents oauthConsents() {
        return ports().oauthConsents();
    }

    protected OAuthClient storedClient(String clientId) {
        OAuthClient client = new OAuthClient(clientId, Optional.empty(), "MCP Inspector",
                List.of(RedirectUri.parse("http://127.0.0.1:6274/oauth/callback").orElseThrow(),
                        RedirectUri.parse("com.example.app:/cb").orElseThrow()),
                List.of(RedirectUri.parse("https://inspector.example.com/signed-out").orElseThrow()),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), ClientAuthentication.NONE,
                Scopes.parse("openid mcp:tools").orElseThrow(), Optional.of("https://inspector.example.com"),
                Optional.empty(), ClientKeys.NONE, OAuthClient.Origin.DYNAMIC, Optional.empty(), false, NOW);
        assertThat(oauthClients().add(client).block()).isTrue();
        return client;
    }

    protected OAuthGrant openedGrant(OAuthClient client, User user, String code, Instant codeExpiry) {
        OAuthGrant grant = new OAuthGrant(IDS.newId(), client.clientId(), user.id(), Scopes.parse("openid mcp:tools")
                .orElseThrow(), List.of(new ResourceIndicator("https://mcp.example.com/mcp")), NOW.minusSeconds(60), NOW,
                NOW.plus(Duration.ofDays(30)));
        oauthGrants().open(grant, TokenHash.of(code), new AuthorizationCode(grant.id(), new SessionId(IDS.newId()),
                "http://127.0.0.1:6274/oauth/callback", CHALLENGE, Optional.of("n-0S6_WzA2Mj"), codeExpiry)).block();
        return grant;
    }

    /** RFC 7636 Appendix B. */
    protected static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    public void addIfEmailFreeWhenNewThenUserAndCredentialReadBackExactly() {
        User user = stored("ada@example.com");

        assertThat(users().findById(user.id()).block()).isEqualTo(user);
        var credential = users().findCredentialByEmail(user.email()).block();
        assertThat(credential.user()).isEqualTo(user);
        assertThat(credential.hash()).isEqualTo(HASH);
    }

    @Test
    public void addIfEmailFreeWhenEmailTakenThenFalseAndFirstUserKept() {
        User first = stored("ada@example.com");

        assertThat(users().addIfEmailFree(newUser("ada@example.com"), HASH).block()).isFalse();
        assertThat(users().findByEmail(first.email()).block()).isEqualTo(first);
    }

    @Test
    public void addIfEmailFreeWhenManyRaceForOneEmailThenExactlyOneUser() {
        List<Boolean> outcomes = Flux.range(0, 20)
                .flatMap(i -> transactions().inTransaction(
                        () -> users().addIfEmailFree(newUser("race@example.com"), HASH)), 20)
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce(true);
        User winner = users().findByEmail(new EmailAddress("race@example.com")).block();
        assertThat(users().findCredentialByEmail(winner.email()).block().user()).isEqualTo(winner);
        assertThat(users().findAccounts(winner.id()).collectList().block()).hasSize(1);
    }

    @Test
    public void markEmailVerifiedThenReadBackVerified() {
        User user = stored("ada@example.com");

        users().markEmailVerified(user.id(), NOW.plusSeconds(5)).block();

        User read = users().findById(user.id()).block();
        assertThat(read.emailVerified()).isTrue();
        assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    public void replacePasswordHashThenNewHashIsRead() {
        User user = stored("ada@example.com");
        PasswordHash newer = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$bmV3");

        users().replacePasswordHash(user.id(), newer, NOW).block();

        assertThat(users().findCredentialByEmail(user.email()).block().hash()).isEqualTo(newer);
    }

    @Test
    public void sessionWhenAddedThenFoundByHashWithItsUserAndGoneAfterDelete() {
        User user = stored("ada@example.com");
        Session session = Session.start(new SessionId(IDS.newId()), user.id(), TokenHash.of("secret-token"),
                SessionLifetime.DEFAULT, true, new ClientInfo("203.0.113.9", "Firefox"), NOW);

        sessions().add(session).block();
        var found = sessions().findByTokenHash(TokenHash.of("secret-token")).block();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.user()).isEqualTo(user);
        sessions().deleteByTokenHash(TokenHash.of("secret-token")).block();
        assertThat(sessions().findByTokenHash(TokenHash.of("secret-token")).block()).isNull();
    }

    @Test
    public void redeemWhenManyRaceForOneTokenThenExactlyOneRedeems() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("link-token");
        verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.EMAIL_VERIFICATION,
                user.id(), NOW, Duration.ofHours(1))).block();

        List<Redemption> outcomes = Flux.range(0, 20)
                .flatMap(i -> transactions().inTransaction(() -> verificationTokens()
                        .redeem(hash, VerificationPurpose.EMAIL_VERIFICATION, NOW.plusSeconds(1))), 20)
                .collectList().block();

        assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(19);
    }

    @Test
    public void redeemWhenExpiredThenExpiredAndWhenUnknownThenUnknown() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("link-token");
        verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.EMAIL_VERIFICATION,
                user.id(), NOW, Duration.ofHours(1))).block();

        assertThat(verificationTokens().redeem(hash, VerificationPurpose.EMAIL_VERIFICATION,
                NOW.plus(Duration.ofHours(1))).block()).isInstanceOf(Redemption.Expired.class);
        assertThat(verificationTokens().redeem(TokenHash.of("other"), VerificationPurpose.EMAIL_VERIFICATION,
                NOW).block()).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    public void extendThenTheNewExpiryIsRead() {
        Session session = storedSession(stored("ada@example.com"), "t1", NOW);
        Session refreshed = session.refreshedAt(NOW.plus(Duration.ofDays(2)), SessionLifetime.DEFAULT);

        sessions().extend(refreshed).block();

        assertThat(sessions().findByTokenHash(TokenHash.of("t1")).block().session()).isEqualTo(refreshed);
    }

    @Test
    public void findLiveOfUserThenOnlyUnexpiredSessionsOfThatUserOldestFirst() {
        User ada = stored("ada@example.com");
        Session older = storedSession(ada, "t1", NOW);
        Session newer = storedSession(ada, "t2", NOW.plusSeconds(10));
        storedSession(ada, "expired", NOW.minus(Duration.ofDays(8)));
        storedSession(stored("bob@example.com"), "t3", NOW);

        assertThat(sessions().findLiveOfUser(ada.id(), NOW.plusSeconds(20)).collectList().block())
                .containsExactly(older, newer);
    }

    @Test
    public void deleteOfUserWhenIdOrTokenOfThatUserThenGoneAndOtherUsersUntouched() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        Session byId = storedSession(ada, "t1", NOW);
        storedSession(ada, "t2", NOW);
        Session bobs = storedSession(bob, "t3", NOW);

        sessions().deleteOfUser(ada.id(), byId.id(), TokenHash.of(byId.id().value())).block();
        sessions().deleteOfUser(ada.id(), new SessionId("t2"), TokenHash.of("t2")).block();
        sessions().deleteOfUser(ada.id(), bobs.id(), TokenHash.of("t3")).block();

        assertThat(sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).isEmpty();
        assertThat(sessions().findLiveOfUser(bob.id(), NOW).collectList().block()).containsExactly(bobs);
    }

    @Test
    public void deleteAllOfUserThenAllButTheKeptOne() {
        User ada = stored("ada@example.com");
        Session kept = storedSession(ada, "t1", NOW);
        storedSession(ada, "t2", NOW);

        sessions().deleteAllOfUser(ada.id(), kept.id()).block();
        assertThat(sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).containsExactly(kept);

        sessions().deleteAllOfUser(ada.id(), null).block();
        assertThat(sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).isEmpty();
    }

    @Test
    public void findAccountsThenTheCredentialAccountWithoutSecrets() {
        User ada = stored("ada@example.com");

        assertThat(users().findAccounts(ada.id()).collectList().block()).singleElement().satisfies(account -> {
            assertThat(account.providerId()).isEqualTo("credential");
            assertThat(account.accountId()).isEqualTo(ada.id().value());
            assertThat(account.userId()).isEqualTo(ada.id());
        });
    }

    @Test
    public void isRedeemableWhenUnspentAndUnexpiredOnlyAndForItsPurposeOnly() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("reset-token");
        verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.PASSWORD_RESET,
                user.id(), NOW, Duration.ofHours(1))).block();

        assertThat(verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET, NOW).block()).isTrue();
        assertThat(verificationTokens().isRedeemable(hash, VerificationPurpose.EMAIL_VERIFICATION, NOW).block())
                .isFalse();
        assertThat(verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET,
                NOW.plus(Duration.ofHours(1))).block()).isFalse();
        verificationTokens().redeem(hash, VerificationPurpose.PASSWORD_RESET, NOW).block();
        assertThat(verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET, NOW).block()).isFalse();
    }

    @Test
    public void updateProfileThenNameImageAndUpdateTimeAreRead() {
        User user = stored("ada@example.com");
        Instant later = NOW.plusSeconds(60);

        users().updateProfile(user.id(), new UserProfile("Ada Lovelace", "https://example.com/ada.png"), later)
                .block();

        User read = users().findById(user.id()).block();
        assertThat(read.name()).isEqualTo("Ada Lovelace");
        assertThat(read.image()).isEqualTo("https://example.com/ada.png");
        assertThat(read.updatedAt()).isEqualTo(later);
        users().updateProfile(user.id(), new UserProfile("Ada", null), later).block();
        assertThat(users().findById(user.id()).block().image()).isNull();
    }

    @Test
    public void changeEmailIfFreeWhenFreeThenChangedAndVerifiedWhenTakenThenFalse() {
        User ada = stored("ada@example.com");
        stored("bob@example.com");
        EmailAddress bobs = new EmailAddress("bob@example.com");
        EmailAddress fresh = new EmailAddress("ada.new@example.com");

        assertThat(users().changeEmailIfFree(ada.id(), bobs, NOW).block()).isFalse();
        assertThat(users().changeEmailIfFree(ada.id(), fresh, NOW.plusSeconds(1)).block()).isTrue();

        User read = users().findById(ada.id()).block();
        assertThat(read.email()).isEqualTo(fresh);
        assertThat(read.emailVerified()).isTrue();
        assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(users().findCredentialByEmail(fresh).block()).isNotNull();
    }

    @Test
    public void changeEmailIfFreeWhenTwoUsersRaceForOneAddressThenOneGetsIt() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        EmailAddress contested = new EmailAddress("shared@example.com");

        List<Boolean> outcomes = Flux.just(ada, bob)
                .flatMap(user -> transactions().inTransaction(() -> users()
                        .changeEmailIfFree(user.id(), contested, NOW)), 2)
                .collectList().block();

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        User holder = users().findByEmail(contested).block();
        User other = users().findById(holder.id().equals(ada.id()) ? bob.id() : ada.id()).block();
        assertThat(holder.id()).isIn(ada.id(), bob.id());
        assertThat(other.email()).isNotEqualTo(contested);
    }

    @Test
    public void redeemWhenEmailChangeTokenThenItsNewAddressComesBackAndOnlyForItsPurposes() {
        User ada = stored("ada@example.com");
        TokenHash hash = TokenHash.of("change-token");
        EmailAddress newAddress = new EmailAddress("ada.new@example.com");
        verificationTokens().add(new VerificationToken(hash, VerificationPurpose.EMAIL_CHANGE, ada.id(), NOW,
                NOW.plus(Duration.ofHours(1)), Optional.of(newAddress))).block();

        assertThat(verificationTokens().redeem(hash, VerificationPurpose.PASSWORD_RESET, NOW).block())
                .isInstanceOf(Redemption.Unknown.class);
        assertThat(verificationTokens().redeem(hash,
                Set.of(VerificationPurpose.EMAIL_VERIFICATION, VerificationPurpose.EMAIL_CHANGE), NOW).block())
                .isInstanceOfSatisfying(Redemption.Redeemed.class, redeemed ->
                        assertThat(redeemed.token().newEmail()).contains(newAddress));
    }

    @Test
    public void discardUnspentThenOnlyThatUsersUnspentTokensOfThatPurposeGo() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        for (User user : List.of(ada, bob)) {
            verificationTokens().add(VerificationToken.issue(TokenHash.of("reset-" + user.id().value()),
                    VerificationPurpose.PASSWORD_RESET, user.id(), NOW, Duration.ofHours(1))).block();
            verificationTokens().add(VerificationToken.issue(TokenHash.of("verify-" + user.id().value()),
                    VerificationPurpose.EMAIL_VERIFICATION, user.id(), NOW, Duration.ofHours(1))).block();
        }

        verificationTokens().discardUnspent(ada.id(), VerificationPurpose.PASSWORD_RESET).block();

        assertThat(redeemable("reset-" + ada.id().value(), VerificationPurpose.PASSWORD_RESET)).isFalse();
        assertThat(redeemable("verify-" + ada.id().value(), VerificationPurpose.EMAIL_VERIFICATION)).isTrue();
        assertThat(redeemable("reset-" + bob.id().value(), VerificationPurpose.PASSWORD_RESET)).isTrue();
        assertThat(redeemable("verify-" + bob.id().value(), VerificationPurpose.EMAIL_VERIFICATION)).isTrue();
    }

    private boolean redeemable(String token, VerificationPurpose purpose) {
        return verificationTokens().isRedeemable(TokenHash.of(token), purpose, NOW).block();
    }

    protected static final VerificationMail MAIL = new VerificationMail(new EmailAddress("ada@example.com"), "Ada",
            URI.create("http://localhost:3002/api/auth/verify-email?token=secret-link-token&callbackURL=%2F"));


    protected List<QueuedMail> claim(Instant now) {
        return outbox().claimDue(now, now.plus(Duration.ofMinutes(2)), 10).collectList().block();
    }

    protected static StoredSigningKey signingKey(int generation, Instant activeFrom) {
        return new StoredSigningKey(new SigningKey(IDS.newId(), generation, SigningAlgorithm.ES256, NOW, activeFrom),
                "{\"kty\":\"EC\",\"kid\":\"k" + generation + "\"}", "sealed-" + generation);
    }

    private List<StoredSecurityEvent> find(SecurityEventFilter filter) {
        return auditTrail().find(filter).collectList().block();
    }

    @Test
    public void claimDueWhenMailQueuedThenReturnsItOnceUntilTheLeaseEnds() {
        User ada = stored("ada@example.com");
        outbox().enqueue(MAIL, ada.id(), NOW).block();

        List<QueuedMail> first = claim(NOW);
        assertThat(first).singleElement().satisfies(queued -> {
            assertThat(queued.mail()).isEqualTo(MAIL);
            assertThat(queued.attempts()).isEqualTo(1);
            assertThat(queued.createdAt()).isEqualTo(NOW);
        });
        assertThat(claim(NOW.plusSeconds(60))).isEmpty();
        assertThat(claim(NOW.plus(Duration.ofMinutes(2)))).singleElement()
                .satisfies(queued -> assertThat(queued.attempts()).isEqualTo(2));
    }

    @Test
    public void claimDueWhenASecondFactorCodeIsQueuedThenItComesBackAsItWent() {
        User ada = stored("ada@example.com");
        var code = new SecondFactorCodeMail(ada.email(), "Ada", "042917");
        outbox().enqueue(code, ada.id(), NOW).block();

        assertThat(claim(NOW)).singleElement().satisfies(queued -> assertThat(queued.mail()).isEqualTo(code));
    }

    @Test
    public void claimDueWhenRetryIsScheduledThenNotBeforeItsTime() {
        User ada = stored("ada@example.com");
        outbox().enqueue(MAIL, ada.id(), NOW).block();
        String id = claim(NOW).getFirst().id();

        outbox().retryAt(id, NOW.plusSeconds(30), "provider down").block();

        assertThat(claim(NOW.plusSeconds(29))).isEmpty();
        assertThat(claim(NOW.plusSeconds(30))).hasSize(1);
    }

    @Test
    public void claimDueWhenManyClaimAtOnceThenEachMailGoesToOneOfThem() {
        User ada = stored("ada@example.com");
        for (int i = 0; i < 30; i++) {
            outbox().enqueue(MAIL, ada.id(), NOW).block();
        }

        List<String> claimedIds = Flux.range(0, 8)
                .flatMap(instance -> outbox().claimDue(NOW, NOW.plusSeconds(120), 10), 8)
                .map(QueuedMail::id)
                .collectList().block();

        assertThat(claimedIds).doesNotHaveDuplicates();
        assertThat(claimedIds.size() + claim(NOW).size() + claim(NOW).size() + claim(NOW).size()).isEqualTo(30);
    }

    @Test
    public void rateLimitHitsCountWithinAWindowAndANewWindowOpensWhenItHasEnded() {
        Duration length = Duration.ofSeconds(10);

        assertThat(rateLimits().hit("client|203.0.113.7|/sign-in*", length, NOW).block())
                .isEqualTo(new RateWindow(NOW.plus(length), 1));
        assertThat(rateLimits().hit("client|203.0.113.7|/sign-in*", length, NOW.plusSeconds(9)).block())
                .isEqualTo(new RateWindow(NOW.plus(length), 2));
        assertThat(rateLimits().hit("client|203.0.113.8|/sign-in*", length, NOW.plusSeconds(9)).block())
                .isEqualTo(new RateWindow(NOW.plusSeconds(19), 1));
        assertThat(rateLimits().hit("client|203.0.113.7|/sign-in*", length, NOW.plus(length)).block())
                .isEqualTo(new RateWindow(NOW.plus(length).plus(length), 1));
    }

    @Test
    public void concurrentHitsOnANewBucketAreAllCounted() {
        int hits = 40;
        Flux.range(0, hits)
                .flatMap(i -> rateLimits().hit("account|credentials|ada@example.com", Duration.ofMinutes(1), NOW),
                        hits)
                .blockLast();

        assertThat(rateLimits().hit("account|credentials|ada@example.com", Duration.ofMinutes(1), NOW)
                .block().hits()).isEqualTo(hits + 1);
    }

    @Test
    public void userAdministrationWhenSearchingAndDisablingThenMatchesAnyCaseTakesWildcardsLiterallyAndStoresTheReason() {
        User ada = stored("ada@example.com");
        stored("bob_smith@example.com");
        stored("adam@example.org");
        var administration = userAdministration();

        assertThat(administration.search("@EXAMPLE.COM", 10, 0).map(found -> found.user().email().value())
                .collectList().block()).containsExactlyInAnyOrder("ada@example.com", "bob_smith@example.com");
        var pages = Flux.concat(administration.search("@example.com", 1, 0), administration.search("@example.com", 1, 1),
                administration.search("@example.com", 1, 2)).map(found -> found.user().email().value()).collectList().block();
        assertThat(pages).as("pages of one, in a stable order").containsExactlyInAnyOrder("ada@example.com",
                "bob_smith@example.com");
        assertThat(administration.count(newUser("x@example.com").name().toUpperCase()).block()).as("names match too")
                .isEqualTo(3);
        assertThat(administration.count("b_s").block()).as("_ is literal").isEqualTo(1);
        assertThat(administration.count("%").block()).as("% is literal").isZero();
        assertThat(administration.count("").block()).isEqualTo(3);

        assertThat(administration.setDisabled(ada.id(), true, "taken over", NOW).block()).isTrue();
        assertThat(administration.setRole(ada.id(), "admin", NOW).block()).isTrue();
        var found = administration.find(ada.id()).block();
        assertThat(found.disabledReason()).isEqualTo("taken over");
        assertThat(found.user().disabled()).isTrue();
        assertThat(found.user().role()).isEqualTo("admin");
        assertThat(users().findById(ada.id()).block().disabled()).as("every read of a user sees it").isTrue();

        administration.setDisabled(ada.id(), false, "ignored when enabling", NOW).block();
        assertThat(administration.find(ada.id()).block().disabledReason()).isNull();
        assertThat(administration.setDisabled(new UserId("nobody"), true, null, NOW).block()).isFalse();
    }

    @Test
    public void auditTrailWhenReadWithFiltersThenNewestFirstPagedByIdAndNarrowedByEachFilter() {
        var alice = new UserId("alice");
        for (int i = 0; i < 5; i++) {
            auditTrail().append(new SecurityEvent(NOW.plusSeconds(i), i % 2 == 0 ? SecurityEventType.SIGN_IN
                    : SecurityEventType.SIGN_OUT, i != 4, alice, "alice@example.com", ClientInfo.UNKNOWN, null, null))
                    .block();
        }
        auditTrail().append(new SecurityEvent(NOW, SecurityEventType.SIGN_UP, true, new UserId("bob"),
                "bob@example.com", ClientInfo.UNKNOWN, null, null)).block();

        var newest = find(new SecurityEventFilter(Optional.of(alice), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 2));
        assertThat(newest).extracting(event -> event.event().occurredAt()).containsExactly(NOW.plusSeconds(4),
                NOW.plusSeconds(3));
        var older = find(new SecurityEventFilter(Optional.of(alice), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(newest.getLast().id()), 10));
        assertThat(older).extracting(event -> event.event().occurredAt()).containsExactly(NOW.plusSeconds(2),
                NOW.plusSeconds(1), NOW);
        assertThat(find(new SecurityEventFilter(Optional.empty(), Optional.of("alice@example.com"),
                Optional.of(SecurityEventType.SIGN_IN), Optional.of(false), Optional.empty(), Optional.empty(),
                Optional.empty(), 10))).extracting(event -> event.event().occurredAt()).containsExactly(NOW.plusSeconds(4));
        assertThat(find(new SecurityEventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(NOW.plusSeconds(1)), Optional.of(NOW.plusSeconds(3)), Optional.empty(), 10)))
                .extracting(event -> event.event().occurredAt()).containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1));
        assertThat(find(new SecurityEventFilter(Optional.empty(), Optional.empty(), Optional.of(SecurityEventType.SIGN_UP),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                .singleElement().satisfies(event -> assertThat(event.event().userId()).isEqualTo(new UserId("bob")));
    }

    @Test
    public void addIfGenerationFreeWhenTwoInstancesAddTheSameGenerationThenOneKeyIsKept() {
        StoredSigningKey first = signingKey(1, NOW);
        assertThat(signingKeys().addIfGenerationFree(first).block()).isTrue();

        List<Boolean> racing = Flux.range(0, 4)
                .flatMap(i -> signingKeys().addIfGenerationFree(signingKey(2, NOW.plusSeconds(600))), 4)
                .collectList().block();

        assertThat(racing).containsOnlyOnce(true);
        assertThat(signingKeys().findAll().collectList().block()).hasSize(2)
                .first().isEqualTo(first);
    }

    @Test
    public void enrolTotpThenFoundUnverifiedAndEnrollingAgainReplacesIt() {
        User ada = stored("ada@example.com");

        assertThat(secondFactors().enrolTotp(ada.id(), "sealed-secret-1", "sealed-codes-1", NOW).block()).isTrue();
        assertThat(secondFactors().enrolTotp(ada.id(), "sealed-secret-2", null, NOW.plusSeconds(5)).block()).isTrue();

        assertThat(secondFactors().find(ada.id()).block()).isEqualTo(new SecondFactor(ada.id(), false,
                "sealed-secret-2", false, null, OptionalLong.empty(), Optional.empty(), NOW.plusSeconds(5)));
        assertThat(secondFactors().find(stored("bob@example.com").id()).blockOptional()).isEmpty();
        assertThat(users().findById(ada.id()).block().twoFactorEnabled()).as("not before a first code").isFalse();
    }

    @Test
    public void acceptStepThenVerifiedAndThatStepOrAnEarlierOneNeverAgain() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", "sealed-codes", NOW).block();

        assertThat(secondFactors().acceptStep(ada.id(), 1000).block()).isTrue();
        assertThat(secondFactors().acceptStep(ada.id(), 1000).block()).as("the same step").isFalse();
        assertThat(secondFactors().acceptStep(ada.id(), 999).block()).as("an earlier step").isFalse();
        assertThat(secondFactors().find(ada.id()).block()).satisfies(factor -> {
            assertThat(factor.totpVerified()).isTrue();
            assertThat(factor.enabled()).isTrue();
            assertThat(factor.lastAcceptedStep()).hasValue(1000);
        });
        assertThat(users().findById(ada.id()).block().twoFactorEnabled()).isTrue();
        assertThat(users().findCredentialByEmail(ada.email()).block().user().twoFactorEnabled()).isTrue();
        assertThat(secondFactors().acceptStep(ada.id(), 1001).block()).isTrue();
        assertThat(secondFactors().acceptStep(new UserId("nobody"), 1).block()).isFalse();
    }

    @Test
    public void enrolTotpWhenAFactorIsVerifiedThenRefusedAndItIsKept() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", "sealed-codes", NOW).block();
        secondFactors().acceptStep(ada.id(), 1000).block();

        assertThat(secondFactors().enrolTotp(ada.id(), "another-secret", null, NOW.plusSeconds(60)).block()).isFalse();

        assertThat(secondFactors().find(ada.id()).block().sealedSecret()).isEqualTo("sealed-secret");
    }

    @Test
    public void acceptStepWhenManyRaceForOneStepThenExactlyOneAccepts() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", null, NOW).block();

        List<Boolean> racing = Flux.range(0, 8).flatMap(i -> secondFactors().acceptStep(ada.id(), 2000), 8)
                .collectList().block();

        assertThat(racing).containsOnlyOnce(true);
    }

    @Test
    public void replaceBackupCodesWhenManyRaceFromTheSameCodesThenExactlyOneReplacesThem() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", "sealed-codes-0", NOW).block();

        List<Boolean> racing = Flux.range(1, 8)
                .flatMap(i -> secondFactors().replaceBackupCodes(ada.id(), "sealed-codes-0", "sealed-codes-" + i), 8)
                .collectList().block();

        assertThat(racing).containsOnlyOnce(true);
        assertThat(secondFactors().find(ada.id()).block().sealedBackupCodes()).isNotEqualTo("sealed-codes-0");
        assertThat(secondFactors().replaceBackupCodes(ada.id(), "sealed-codes-0", "again").block()).isFalse();
    }

    @Test
    public void recordFailureThenTheOneThatMakesTheAllowedCountLocksAndTheCountStartsAgain() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", null, NOW).block();
        Instant lockUntil = NOW.plusSeconds(900);

        List<Boolean> firstThree = Flux.range(0, 3).concatMap(i -> secondFactors().recordFailure(ada.id(), 3, lockUntil))
                .collectList().block();
        secondFactors().recordFailure(ada.id(), 3, lockUntil.plusSeconds(1)).block();

        assertThat(firstThree).containsExactly(false, false, true);
        assertThat(secondFactors().find(ada.id()).block().lockedUntil()).as("one failure after the lock").hasValue(lockUntil);
        secondFactors().clearFailures(ada.id()).block();
        assertThat(secondFactors().recordFailure(ada.id(), 3, lockUntil).block()).as("counted from zero again").isFalse();
        assertThat(secondFactors().recordFailure(new UserId("nobody"), 1, lockUntil).block()).isFalse();
    }

    @Test
    public void recordFailureWhenManyRaceThenEachCountsAndOneLocks() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", null, NOW).block();

        List<Boolean> racing = Flux.range(0, 10)
                .flatMap(i -> secondFactors().recordFailure(ada.id(), 10, NOW.plusSeconds(900)), 10)
                .collectList().block();

        assertThat(racing).containsOnlyOnce(true);
    }

    @Test
    public void removeThenNoFactorAndTheUserNoLongerEnabled() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", "sealed-codes", NOW).block();
        secondFactors().acceptStep(ada.id(), 1000).block();

        assertThat(secondFactors().remove(ada.id()).block()).isTrue();

        assertThat(secondFactors().find(ada.id()).blockOptional()).isEmpty();
        assertThat(users().findById(ada.id()).block().twoFactorEnabled()).isFalse();
        assertThat(secondFactors().remove(ada.id()).block()).isFalse();
    }

    @Test
    public void replaceBackupCodesWhenTheUserHadNoneThenTheyAreSet() {
        User ada = stored("ada@example.com");
        secondFactors().enrolTotp(ada.id(), "sealed-secret", null, NOW).block();

        assertThat(secondFactors().replaceBackupCodes(ada.id(), null, "sealed-codes").block()).isTrue();

        assertThat(secondFactors().find(ada.id()).block().sealedBackupCodes()).isEqualTo("sealed-codes");
    }

    @Test
    public void beginAttemptThenAdmitsTheAllowedTriesAndThenSpendsTheChallenge() {
        User ada = stored("ada@example.com");
        TokenHash challenge = TokenHash.of("challenge-1");
        verificationTokens().add(VerificationToken.issue(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, ada.id(), NOW,
                Duration.ofMinutes(10))).block();

        List<Attempt> attempts = Flux.range(0, 4).concatMap(i -> signInChallenges().beginAttempt(challenge, 3, NOW))
                .collectList().block();

        assertThat(attempts).containsExactly(new Attempt.Admitted(ada.id()), new Attempt.Admitted(ada.id()),
                new Attempt.Admitted(ada.id()), new Attempt.Exhausted());
        assertThat(signInChallenges().beginAttempt(challenge, 3, NOW).block()).isEqualTo(new Attempt.Unknown());
        assertThat(verificationTokens().redeem(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, NOW).block())
                .as("spent once exhausted").isInstanceOf(Redemption.AlreadyRedeemed.class);
    }

    @Test
    public void beginAttemptWhenExpiredOrAnotherPurposeOrRacedThenAsTheRulesSay() {
        User ada = stored("ada@example.com");
        TokenHash challenge = TokenHash.of("challenge-2");
        TokenHash reset = TokenHash.of("reset-1");
        verificationTokens().add(VerificationToken.issue(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, ada.id(), NOW,
                Duration.ofMinutes(10))).block();
        verificationTokens().add(VerificationToken.issue(reset, VerificationPurpose.PASSWORD_RESET, ada.id(), NOW,
                Duration.ofMinutes(10))).block();

        assertThat(signInChallenges().beginAttempt(challenge, 5, NOW.plusSeconds(600)).block())
                .isEqualTo(new Attempt.Unknown());
        assertThat(signInChallenges().beginAttempt(reset, 5, NOW).block()).isEqualTo(new Attempt.Unknown());
        List<Attempt> racing = Flux.range(0, 8).flatMap(i -> signInChallenges().beginAttempt(challenge, 5, NOW), 8)
                .collectList().block();
        assertThat(racing).filteredOn(Attempt.Admitted.class::isInstance).hasSize(5);
    }

    @Test
    public void enableMailedCodesThenEnabledWithoutAnAppOrBesideTheOneEnrolled() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        secondFactors().enrolTotp(bob.id(), "sealed-secret", "sealed-codes", NOW).block();

        secondFactors().enableMailedCodes(ada.id(), NOW).block();
        secondFactors().enableMailedCodes(bob.id(), NOW).block();

        assertThat(secondFactors().find(ada.id()).block()).satisfies(factor -> {
            assertThat(factor.enabled()).isTrue();
            assertThat(factor.hasTotp()).isFalse();
        });
        assertThat(secondFactors().find(bob.id()).block()).satisfies(factor -> {
            assertThat(factor.enabled()).isTrue();
            assertThat(factor.sealedSecret()).isEqualTo("sealed-secret");
            assertThat(factor.totpVerified()).isFalse();
        });
        assertThat(users().findById(ada.id()).block().twoFactorEnabled()).isTrue();
    }

    @Test
    public void holderThenTheUserOfAnOpenChallengeAndNothingOnceSpentOrExpired() {
        User ada = stored("ada@example.com");
        TokenHash challenge = TokenHash.of("challenge-3");
        verificationTokens().add(VerificationToken.issue(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, ada.id(), NOW,
                Duration.ofMinutes(10))).block();

        assertThat(signInChallenges().holder(challenge, NOW).block()).isEqualTo(ada.id());
        assertThat(signInChallenges().holder(challenge, NOW.plusSeconds(600)).blockOptional()).isEmpty();
        verificationTokens().redeem(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, NOW).block();
        assertThat(signInChallenges().holder(challenge, NOW).blockOptional()).isEmpty();
    }

    protected static Passkey passkey(User user, String id, String credentialId, long counter) {
        return new Passkey(id, user.id(), null, credentialId, "pQECAyYgASFYIA==", counter, "multiDevice", true,
                "internal,hybrid", "00000000-0000-0000-0000-000000000000", NOW);
    }

    @Test
    public void addPasskeyThenFoundByItsCredentialIdListedAndACredentialIdOnlyOnce() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        Passkey first = passkey(ada, "pk-1", "Y3JlZC0x", 0);

        assertThat(passkeys().add(first).block()).isTrue();
        assertThat(passkeys().add(passkey(bob, "pk-2", "Y3JlZC0x", 0)).block()).as("the same credential").isFalse();
        passkeys().add(passkey(ada, "pk-3", "Y3JlZC0z", 0)).block();

        assertThat(passkeys().findByCredentialId("Y3JlZC0x").block()).isEqualTo(first);
        assertThat(passkeys().listOf(ada.id()).map(Passkey::id).collectList().block()).containsExactly("pk-1", "pk-3");
        assertThat(passkeys().listOf(bob.id()).collectList().block()).isEmpty();
    }

    @Test
    public void advanceCounterWhenManyRaceFromOneReadingThenOneMovesIt() {
        User ada = stored("ada@example.com");
        passkeys().add(passkey(ada, "pk-1", "Y3JlZC0x", 4)).block();

        List<Boolean> racing = Flux.range(5, 6).flatMap(counter -> passkeys().advanceCounter("pk-1", 4, counter), 6)
                .collectList().block();

        assertThat(racing).containsOnlyOnce(true);
        assertThat(passkeys().findByCredentialId("Y3JlZC0x").block().counter()).isBetween(5L, 10L);
    }

    @Test
    public void renameAndDeleteThenOnlyTheOwnersPasskey() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        passkeys().add(passkey(ada, "pk-1", "Y3JlZC0x", 0)).block();

        assertThat(passkeys().rename(bob.id(), "pk-1", "mine now").blockOptional()).isEmpty();
        assertThat(passkeys().rename(ada.id(), "pk-1", "Laptop").block().name()).isEqualTo("Laptop");
        assertThat(passkeys().delete(bob.id(), "pk-1").block()).isFalse();
        assertThat(passkeys().delete(ada.id(), "pk-1").block()).isTrue();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x").blockOptional()).isEmpty();
    }

    @Test
    public void consumeChallengeThenOnceOnlyForItsCeremonyAndNotWhenExpired() {
        User ada = stored("ada@example.com");
        TokenHash registration = TokenHash.of("registration-challenge");
        TokenHash anonymous = TokenHash.of("authentication-challenge");
        passkeyChallenges().open(registration, Ceremony.REGISTRATION, Optional.of(ada.id()), NOW.plusSeconds(300)).block();
        passkeyChallenges().open(anonymous, Ceremony.AUTHENTICATION, Optional.empty(), NOW.plusSeconds(300)).block();

        assertThat(passkeyChallenges().consume(registration, Ceremony.AUTHENTICATION, NOW).blockOptional()).isEmpty();
        assertThat(passkeyChallenges().consume(anonymous, Ceremony.AUTHENTICATION, NOW.plusSeconds(300)).blockOptional())
                .as("expired").isEmpty();
        List<Opened> racing = Flux.range(0, 4)
                .flatMap(i -> passkeyChallenges().consume(registration, Ceremony.REGISTRATION, NOW), 4)
                .collectList().block();
        assertThat(racing).containsExactly(new Opened(Optional.of(ada.id())));
        assertThat(passkeyChallenges().consume(anonymous, Ceremony.AUTHENTICATION, NOW).block())
                .isEqualTo(new Opened(Optional.empty()));
    }

    @Test
    public void oauthClientsWhenAddedThenReadBackExactlyAndAnIdOnlyOnce() {
        OAuthClient client = storedClient("client-1");
        OAuthClient confidential = new OAuthClient("client-2", Optional.of(TokenHash.of("secret")), "Backend",
                List.of(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), ClientAuthentication.CLIENT_SECRET_BASIC, Scopes.NONE,
                Optional.empty(), Optional.of("https://backend.example.com/logo.png"), ClientKeys.NONE,
                OAuthClient.Origin.ADMINISTRATOR, Optional.empty(), false, NOW.plusSeconds(1));
        oauthClients().add(confidential).block();
        String url = "https://app.example.com/oauth/client.json";
        OAuthClient documented = new OAuthClient(url, Optional.empty(), "App", List.of(RedirectUri.parse(
                "https://app.example.com/cb").orElseThrow()), List.of(), Set.of(GrantType.AUTHORIZATION_CODE),
                ClientAuthentication.PRIVATE_KEY_JWT, Scopes.NONE, Optional.empty(), Optional.empty(),
                new ClientKeys(Optional.of("https://app.example.com/jwks.json"), Optional.empty()),
                OAuthClient.Origin.METADATA_DOCUMENT, Optional.of(new OAuthClient.FetchedDocument(NOW.plusSeconds(600),
                        Optional.of("\"v1\""))), false, NOW.plusSeconds(2));
        oauthClients().add(documented).block();

        assertThat(oauthClients().find("client-1").block()).isEqualTo(client);
        assertThat(oauthClients().find("client-2").block()).isEqualTo(confidential);
        assertThat(oauthClients().add(client.disabled(true)).block()).isFalse();
        assertThat(oauthClients().update(confidential.withSecret(TokenHash.of("rotated")).disabled(true)).block())
                .isTrue();
        assertThat(oauthClients().find("client-2").block().secretHash()).contains(TokenHash.of("rotated"));
        assertThat(oauthClients().find("client-2").block().disabled()).isTrue();
        assertThat(oauthClients().find(url).block()).isEqualTo(documented);
        OAuthClient refetched = documented.withDocument(new OAuthClient.FetchedDocument(NOW.plusSeconds(3600),
                Optional.empty()));
        assertThat(oauthClients().update(refetched).block()).isTrue();
        assertThat(oauthClients().find(url).block()).isEqualTo(refetched);
        assertThat(oauthClients().list().map(OAuthClient::clientId).collectList().block())
                .containsExactly("client-1", "client-2", url);
        assertThat(oauthClients().find("client-3").blockOptional()).isEmpty();
    }

    @Test
    public void oauthResourcesWhenAddedThenListedInOrderOnceAndGoneWhenRemoved() {
        var first = new ResourceIndicator("https://mcp.example.com/mcp");
        var second = new ResourceIndicator("https://api.example.com");

        assertThat(ports().oauthResources().addResource(first, NOW).block()).isTrue();
        assertThat(ports().oauthResources().addResource(second, NOW.plusSeconds(1)).block()).isTrue();
        assertThat(ports().oauthResources().addResource(first, NOW.plusSeconds(2)).block()).isFalse();
        assertThat(ports().oauthResources().resources().collectList().block()).containsExactly(first, second);
        assertThat(ports().oauthResources().removeResource(first).block()).isTrue();
        assertThat(ports().oauthResources().removeResource(first).block()).isFalse();
        assertThat(ports().oauthResources().resources().collectList().block()).containsExactly(second);
    }

    @Test
    public void spendWhenAClientsAssertionIsRacedThenSpentOnceAndNeverAgainWhileAnotherClientsSameIdIsItsOwn() {
        var assertion = new ClientAssertion("jti-1", NOW.plusSeconds(60));

        List<Boolean> racing = Flux.range(0, 5)
                .flatMap(i -> ports().spentAssertions().spend("client-1", assertion), 5)
                .collectList().block();

        assertThat(racing).containsExactlyInAnyOrder(true, false, false, false, false);
        assertThat(ports().spentAssertions().spend("client-1", assertion).block()).isFalse();
        assertThat(ports().spentAssertions().spend("client-2", assertion).block()).isTrue();
    }

    @Test
    public void redeemCodeWhenPresentedThenSpentOnceAndEveryLaterOrRacingPresentationIsAReplay() {
        OAuthClient client = storedClient("client-1");
        User ada = stored("ada@example.com");
        OAuthGrant grant = openedGrant(client, ada, "the-code", NOW.plusSeconds(60));

        List<Presented<AuthorizationCode>> racing = Flux.range(0, 5)
                .flatMap(i -> oauthGrants().redeemCode(TokenHash.of("the-code"), NOW), 5)
                .collectList().block();

        assertThat(racing).hasSize(5).filteredOn(Presented.Spent.class::isInstance).hasSize(1);
        var spent = (Presented.Spent<AuthorizationCode>) racing.stream().filter(Presented.Spent.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(spent.grant()).isEqualTo(grant);
        assertThat(spent.details().codeChallenge()).isEqualTo(CHALLENGE);
        assertThat(spent.details().nonce()).contains("n-0S6_WzA2Mj");
        assertThat(spent.details().redirectUri()).isEqualTo("http://127.0.0.1:6274/oauth/callback");
        assertThat(oauthGrants().redeemCode(TokenHash.of("the-code"), NOW).block())
                .isEqualTo(new Presented.Replayed<>(grant));
        assertThat(oauthGrants().redeemCode(TokenHash.of("another-code"), NOW).blockOptional()).isEmpty();
    }

    @Test
    public void redeemCodeWhenExpiredOrItsGrantRevokedThenNothing() {
        OAuthClient client = storedClient("client-1");
        User ada = stored("ada@example.com");
        openedGrant(client, ada, "expired", NOW.plusSeconds(60));
        OAuthGrant revoked = openedGrant(client, ada, "revoked", NOW.plusSeconds(60));

        assertThat(oauthGrants().revoke(revoked.id(), NOW).block()).isTrue();
        assertThat(oauthGrants().revoke(revoked.id(), NOW).block()).as("already ended").isFalse();

        assertThat(oauthGrants().redeemCode(TokenHash.of("expired"), NOW.plusSeconds(60)).blockOptional()).isEmpty();
        assertThat(oauthGrants().redeemCode(TokenHash.of("revoked"), NOW).blockOptional()).isEmpty();
    }

    @Test
    public void redeemRefreshTokenWhenPresentedThenSpentOnceThenAReplayUntilTheGrantEnds() {
        OAuthClient client = storedClient("client-1");
        User ada = stored("ada@example.com");
        OAuthGrant grant = openedGrant(client, ada, "the-code", NOW.plusSeconds(60));
        oauthGrants().addRefreshToken(TokenHash.of("refresh-1"), grant.id(), grant.expiresAt()).block();
        oauthGrants().addRefreshToken(TokenHash.of("short"), grant.id(), NOW.plusSeconds(10)).block();

        assertThat(oauthGrants().grantOfRefreshToken(TokenHash.of("refresh-1"), NOW).block()).isEqualTo(grant);
        assertThat(oauthGrants().grantOfRefreshToken(TokenHash.of("refresh-1"), NOW).block())
                .as("looking does not spend").isEqualTo(grant);
        List<Presented<Void>> racing = Flux.range(0, 5)
                .flatMap(i -> oauthGrants().redeemRefreshToken(TokenHash.of("refresh-1"), NOW), 5)
                .collectList().block();
        assertThat(oauthGrants().grantOfRefreshToken(TokenHash.of("refresh-1"), NOW).blockOptional())
                .as("spent").isEmpty();

        assertThat(racing).containsOnlyOnce(new Presented.Spent<>(grant, null))
                .filteredOn(Presented.Replayed.class::isInstance).hasSize(4);
        assertThat(oauthGrants().redeemRefreshToken(TokenHash.of("short"), NOW.plusSeconds(10)).blockOptional())
                .as("expired").isEmpty();
        assertThat(oauthGrants().redeemRefreshToken(TokenHash.of("refresh-1"), grant.expiresAt()).blockOptional())
                .as("past the grant's bound").isEmpty();
        assertThat(oauthGrants().activeOf(ada.id(), NOW).collectList().block()).containsExactly(grant);

        assertThat(oauthGrants().revokeAll(Optional.of(ada.id()), Optional.of("another client"), NOW).block())
                .isZero();
        assertThat(oauthGrants().revokeAll(Optional.of(ada.id()), Optional.of(client.clientId()), NOW).block())
                .isEqualTo(1);

        assertThat(oauthGrants().redeemRefreshToken(TokenHash.of("refresh-1"), NOW).blockOptional()).isEmpty();
        assertThat(oauthGrants().activeOf(ada.id(), NOW).collectList().block()).isEmpty();
    }

    @Test
    public void consentsWhenGrantedTwiceThenTheUnionUntilWithdrawn() {
        OAuthClient client = storedClient("client-1");
        User ada = stored("ada@example.com");
        User grace = stored("grace@example.com");

        oauthConsents().grant(ada.id(), client.clientId(), Scopes.parse("openid").orElseThrow(), NOW).block();
        oauthConsents().grant(ada.id(), client.clientId(), Scopes.parse("mcp:tools").orElseThrow(), NOW.plusSeconds(5))
                .block();

        assertThat(oauthConsents().granted(ada.id(), client.clientId()).block().value()).isEqualTo("mcp:tools openid");
        assertThat(oauthConsents().granted(grace.id(), client.clientId()).block()).isEqualTo(Scopes.NONE);
        assertThat(oauthConsents().of(ada.id()).collectList().block()).containsExactly(new OAuthConsents.Consent(
                client.clientId(), Scopes.parse("openid mcp:tools").orElseThrow(), NOW.plusSeconds(5)));
        assertThat(oauthConsents().withdraw(ada.id(), client.clientId()).block()).isTrue();
        assertThat(oauthConsents().withdraw(ada.id(), client.clientId()).block()).isFalse();
        assertThat(oauthConsents().granted(ada.id(), client.clientId()).block()).isEqualTo(Scopes.NONE);
    }

    @Test
    public void revokeAllWhenByUserOrByClientThenOnlyTheirLiveGrantsEnd() {
        OAuthClient first = storedClient("client-1");
        OAuthClient second = storedClient("client-2");
        User ada = stored("ada@example.com");
        User grace = stored("grace@example.com");
        openedGrant(first, ada, "code-1", NOW.plusSeconds(60));
        openedGrant(second, ada, "code-2", NOW.plusSeconds(60));
        OAuthGrant graces = openedGrant(first, grace, "code-3", NOW.plusSeconds(60));

        assertThat(oauthGrants().revokeAll(Optional.of(ada.id()), Optional.empty(), NOW).block()).isEqualTo(2);
        assertThat(oauthGrants().revokeAll(Optional.empty(), Optional.of(first.clientId()), NOW).block())
                .as("only grace's is still live").isEqualTo(1);

        assertThat(oauthGrants().activeOf(grace.id(), NOW).collectList().block()).doesNotContain(graces).isEmpty();
    }

    @Test
    public void deleteClientWhenItHasGrantsAndConsentsThenTheyGoWithIt() {
        OAuthClient client = storedClient("client-1");
        User ada = stored("ada@example.com");
        openedGrant(client, ada, "the-code", NOW.plusSeconds(60));
        oauthConsents().grant(ada.id(), client.clientId(), Scopes.parse("openid").orElseThrow(), NOW).block();

        assertThat(oauthClients().delete(client.clientId()).block()).isTrue();

        assertThat(oauthClients().find(client.clientId()).blockOptional()).isEmpty();
        assertThat(oauthGrants().activeOf(ada.id(), NOW).collectList().block()).isEmpty();
        assertThat(oauthConsents().of(ada.id()).collectList().block()).isEmpty();
        assertThat(oauthClients().delete(client.clientId()).block()).isFalse();
    }
}
