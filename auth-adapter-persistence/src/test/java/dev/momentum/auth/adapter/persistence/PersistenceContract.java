package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every database the service runs on must do; run on PostgreSQL and on the embedded H2. */
abstract class PersistenceContract {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");
    static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    static final SecureTokenGenerator IDS = new SecureTokenGenerator() {
        @Override
        public String newToken() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        @Override
        public String newId() {
            return newToken();
        }
    };

    Database database;
    PersistenceAdapters adapters;

    abstract Database newDatabase();

    @BeforeEach
    void migrate() {
        database = newDatabase();
        new LiquibaseSchemaMigrator(database).migrate();
        adapters = new PersistenceAdapters(database, IDS, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static User newUser(String email) {
        return User.register(new UserId(IDS.newId()), new UserProfile("Ada", null),
                EmailAddress.parse(email).orElseThrow(), NOW);
    }

    User stored(String email) {
        User user = newUser(email);
        assertThat(adapters.users().addIfEmailFree(user, HASH).block()).isTrue();
        return user;
    }

    @Test
    void migrateWhenRunAgainThenChangesNothing() {
        stored("ada@example.com");

        new LiquibaseSchemaMigrator(database).migrate();

        assertThat(adapters.users().findByEmail(new EmailAddress("ada@example.com")).block()).isNotNull();
    }

    @Test
    void addIfEmailFreeWhenNewThenUserAndCredentialReadBackExactly() {
        User user = stored("ada@example.com");

        assertThat(adapters.users().findById(user.id()).block()).isEqualTo(user);
        var credential = adapters.users().findCredentialByEmail(user.email()).block();
        assertThat(credential.user()).isEqualTo(user);
        assertThat(credential.hash()).isEqualTo(HASH);
    }

    @Test
    void addIfEmailFreeWhenEmailTakenThenFalseAndFirstUserKept() {
        User first = stored("ada@example.com");

        assertThat(adapters.users().addIfEmailFree(newUser("ada@example.com"), HASH).block()).isFalse();
        assertThat(adapters.users().findByEmail(first.email()).block()).isEqualTo(first);
    }

    @Test
    void addIfEmailFreeWhenManyRaceForOneEmailThenExactlyOneUser() {
        List<Boolean> outcomes = Flux.range(0, 20)
                .flatMap(i -> adapters.transactions().inTransaction(
                        () -> adapters.users().addIfEmailFree(newUser("race@example.com"), HASH)), 20)
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(countRows("users")).isEqualTo(1);
        assertThat(countRows("accounts")).isEqualTo(1);
    }

    @Test
    void databaseRefusesAnEmailThatIsNotLowerCase() {
        DatabaseClient client = DatabaseClient.create(database.connectionFactory());

        assertThatThrownBy(() -> client.sql("""
                        INSERT INTO users (id, name, email, email_verified, created_at, updated_at)
                        VALUES ('x', 'X', 'Ada@Example.com', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .then().block()).isNotNull();
    }

    @Test
    void inTransactionWhenALaterStepFailsThenNothingIsWritten() {
        User user = newUser("ada@example.com");

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> adapters.users()
                .addIfEmailFree(user, HASH)
                .then(Mono.error(new IllegalStateException("mail could not be prepared")))).block())
                .hasMessageContaining("mail could not be prepared");
        assertThat(countRows("users")).isZero();
        assertThat(countRows("accounts")).isZero();
    }

    @Test
    void markEmailVerifiedThenReadBackVerified() {
        User user = stored("ada@example.com");

        adapters.users().markEmailVerified(user.id(), NOW.plusSeconds(5)).block();

        User read = adapters.users().findById(user.id()).block();
        assertThat(read.emailVerified()).isTrue();
        assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void replacePasswordHashThenNewHashIsRead() {
        User user = stored("ada@example.com");
        PasswordHash newer = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$bmV3");

        adapters.users().replacePasswordHash(user.id(), newer, NOW).block();

        assertThat(adapters.users().findCredentialByEmail(user.email()).block().hash()).isEqualTo(newer);
    }

    @Test
    void sessionWhenAddedThenFoundByHashWithItsUserAndGoneAfterDelete() {
        User user = stored("ada@example.com");
        Session session = Session.start(new SessionId(IDS.newId()), user.id(), TokenHash.of("secret-token"),
                SessionLifetime.DEFAULT, true, new ClientInfo("203.0.113.9", "Firefox"), NOW);

        adapters.sessions().add(session).block();
        var found = adapters.sessions().findByTokenHash(TokenHash.of("secret-token")).block();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.user()).isEqualTo(user);
        adapters.sessions().deleteByTokenHash(TokenHash.of("secret-token")).block();
        assertThat(adapters.sessions().findByTokenHash(TokenHash.of("secret-token")).block()).isNull();
    }

    @Test
    void sessionWhenStoredThenTheTokenItselfIsNowhereInTheTable() {
        User user = stored("ada@example.com");
        adapters.sessions().add(Session.start(new SessionId(IDS.newId()), user.id(), TokenHash.of("secret-token"),
                SessionLifetime.DEFAULT, true, ClientInfo.UNKNOWN, NOW)).block();

        String everything = DatabaseClient.create(database.connectionFactory())
                .sql("SELECT id, token_hash, user_id FROM sessions").fetch().all()
                .map(Object::toString).collectList().block().toString();
        assertThat(everything).doesNotContain("secret-token");
    }

    @Test
    void redeemWhenManyRaceForOneTokenThenExactlyOneRedeems() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("link-token");
        adapters.verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.EMAIL_VERIFICATION,
                user.id(), NOW, Duration.ofHours(1))).block();

        List<Redemption> outcomes = Flux.range(0, 20)
                .flatMap(i -> adapters.transactions().inTransaction(() -> adapters.verificationTokens()
                        .redeem(hash, VerificationPurpose.EMAIL_VERIFICATION, NOW.plusSeconds(1))), 20)
                .collectList().block();

        assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(19);
    }

    @Test
    void redeemWhenExpiredThenExpiredAndWhenUnknownThenUnknown() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("link-token");
        adapters.verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.EMAIL_VERIFICATION,
                user.id(), NOW, Duration.ofHours(1))).block();

        assertThat(adapters.verificationTokens().redeem(hash, VerificationPurpose.EMAIL_VERIFICATION,
                NOW.plus(Duration.ofHours(1))).block()).isInstanceOf(Redemption.Expired.class);
        assertThat(adapters.verificationTokens().redeem(TokenHash.of("other"), VerificationPurpose.EMAIL_VERIFICATION,
                NOW).block()).isInstanceOf(Redemption.Unknown.class);
    }

    Session storedSession(User user, String token, Instant createdAt) {
        Session session = Session.start(new SessionId(IDS.newId()), user.id(), TokenHash.of(token),
                SessionLifetime.DEFAULT, true, ClientInfo.UNKNOWN, createdAt);
        adapters.sessions().add(session).block();
        return session;
    }

    @Test
    void extendThenTheNewExpiryIsRead() {
        Session session = storedSession(stored("ada@example.com"), "t1", NOW);
        Session refreshed = session.refreshedAt(NOW.plus(Duration.ofDays(2)), SessionLifetime.DEFAULT);

        adapters.sessions().extend(refreshed).block();

        assertThat(adapters.sessions().findByTokenHash(TokenHash.of("t1")).block().session()).isEqualTo(refreshed);
    }

    @Test
    void findLiveOfUserThenOnlyUnexpiredSessionsOfThatUserOldestFirst() {
        User ada = stored("ada@example.com");
        Session older = storedSession(ada, "t1", NOW);
        Session newer = storedSession(ada, "t2", NOW.plusSeconds(10));
        storedSession(ada, "expired", NOW.minus(Duration.ofDays(8)));
        storedSession(stored("bob@example.com"), "t3", NOW);

        assertThat(adapters.sessions().findLiveOfUser(ada.id(), NOW.plusSeconds(20)).collectList().block())
                .containsExactly(older, newer);
    }

    @Test
    void deleteOfUserWhenIdOrTokenOfThatUserThenGoneAndOtherUsersUntouched() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        Session byId = storedSession(ada, "t1", NOW);
        storedSession(ada, "t2", NOW);
        Session bobs = storedSession(bob, "t3", NOW);

        adapters.sessions().deleteOfUser(ada.id(), byId.id(), TokenHash.of(byId.id().value())).block();
        adapters.sessions().deleteOfUser(ada.id(), new SessionId("t2"), TokenHash.of("t2")).block();
        adapters.sessions().deleteOfUser(ada.id(), bobs.id(), TokenHash.of("t3")).block();

        assertThat(adapters.sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).isEmpty();
        assertThat(adapters.sessions().findLiveOfUser(bob.id(), NOW).collectList().block()).containsExactly(bobs);
    }

    @Test
    void deleteAllOfUserThenAllButTheKeptOne() {
        User ada = stored("ada@example.com");
        Session kept = storedSession(ada, "t1", NOW);
        storedSession(ada, "t2", NOW);

        adapters.sessions().deleteAllOfUser(ada.id(), kept.id()).block();
        assertThat(adapters.sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).containsExactly(kept);

        adapters.sessions().deleteAllOfUser(ada.id(), null).block();
        assertThat(adapters.sessions().findLiveOfUser(ada.id(), NOW).collectList().block()).isEmpty();
    }

    @Test
    void findAccountsThenTheCredentialAccountWithoutSecrets() {
        User ada = stored("ada@example.com");

        assertThat(adapters.users().findAccounts(ada.id()).collectList().block()).singleElement().satisfies(account -> {
            assertThat(account.providerId()).isEqualTo("credential");
            assertThat(account.accountId()).isEqualTo(ada.id().value());
            assertThat(account.userId()).isEqualTo(ada.id());
        });
    }

    @Test
    void isRedeemableWhenUnspentAndUnexpiredOnlyAndForItsPurposeOnly() {
        User user = stored("ada@example.com");
        TokenHash hash = TokenHash.of("reset-token");
        adapters.verificationTokens().add(VerificationToken.issue(hash, VerificationPurpose.PASSWORD_RESET,
                user.id(), NOW, Duration.ofHours(1))).block();

        assertThat(adapters.verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET, NOW).block()).isTrue();
        assertThat(adapters.verificationTokens().isRedeemable(hash, VerificationPurpose.EMAIL_VERIFICATION, NOW).block())
                .isFalse();
        assertThat(adapters.verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET,
                NOW.plus(Duration.ofHours(1))).block()).isFalse();
        adapters.verificationTokens().redeem(hash, VerificationPurpose.PASSWORD_RESET, NOW).block();
        assertThat(adapters.verificationTokens().isRedeemable(hash, VerificationPurpose.PASSWORD_RESET, NOW).block()).isFalse();
    }

    @Test
    void updateProfileThenNameImageAndUpdateTimeAreRead() {
        User user = stored("ada@example.com");
        Instant later = NOW.plusSeconds(60);

        adapters.users().updateProfile(user.id(), new UserProfile("Ada Lovelace", "https://example.com/ada.png"), later)
                .block();

        User read = adapters.users().findById(user.id()).block();
        assertThat(read.name()).isEqualTo("Ada Lovelace");
        assertThat(read.image()).isEqualTo("https://example.com/ada.png");
        assertThat(read.updatedAt()).isEqualTo(later);
        adapters.users().updateProfile(user.id(), new UserProfile("Ada", null), later).block();
        assertThat(adapters.users().findById(user.id()).block().image()).isNull();
    }

    @Test
    void probeWhenDatabaseUpThenReachable() {
        assertThat(adapters.probe().isReachable().block()).isTrue();
    }

    long countRows(String table) {
        return DatabaseClient.create(database.connectionFactory()).sql("SELECT COUNT(*) AS n FROM " + table)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
