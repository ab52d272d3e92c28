package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.mail.port.out.MailOutbox.QueuedMail;
import dev.momentum.auth.application.operations.port.out.StaleRecords.Purged;
import dev.momentum.auth.application.testing.StoreContract;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every database the service runs on must do; run on PostgreSQL and on the embedded H2. */
abstract class PersistenceContract extends StoreContract<UserStore> {

    @Override
    protected Ports<UserStore> ports() {
        return new Ports<>(adapters.users(), adapters.sessions(), adapters.verificationTokens(), adapters.transactions(),
                adapters.mailOutbox(), adapters.auditTrail(), adapters.rateLimits(), adapters.userAdministration(),
                adapters.signingKeys(), adapters.secondFactors(), adapters.signInChallenges(),
                adapters.passkeys(), adapters.passkeyChallenges(), adapters.oauthClients(), adapters.oauthGrants(),
                adapters.oauthConsents(), adapters.spentAssertions(), adapters.oauthResources());
    }

    static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";

    Database database;
    PersistenceAdapters adapters;

    abstract Database newDatabase();

    @BeforeEach
    void migrate() {
        database = newDatabase();
        new LiquibaseSchemaMigrator(database).migrate();
        adapters = new PersistenceAdapters(database, IDS, Duration.ofSeconds(5), new TestSealer(SECRET));
    }

    @AfterEach
    void close() {
        database.close();
    }




    @Test
    void migrateWhenRunAgainThenChangesNothing() {
        stored("ada@example.com");

        new LiquibaseSchemaMigrator(database).migrate();

        assertThat(adapters.users().findByEmail(new EmailAddress("ada@example.com")).block()).isNotNull();
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
    void inTransactionWhenItLosesARaceThenRunAgainFromTheStartAndItsFirstWritesAreUndone() {
        User user = newUser("ada@example.com");
        var attempts = new java.util.concurrent.atomic.AtomicInteger();

        Boolean added = adapters.transactions().inTransaction(() -> adapters.users().addIfEmailFree(user, HASH)
                .flatMap(stored -> attempts.incrementAndGet() == 1
                        ? Mono.error(new org.springframework.dao.PessimisticLockingFailureException("deadlock detected"))
                        : Mono.just(stored))).block();

        assertThat(added).isTrue();
        assertThat(attempts).hasValue(2);
        assertThat(countRows("users")).as("the first run's insert was rolled back").isEqualTo(1);
    }

    @Test
    void inTransactionWhenItKeepsLosingOrFailsOtherwiseThenTheFailureStands() {
        var attempts = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> Mono.fromRunnable(
                        attempts::incrementAndGet).then(Mono.error(new org.springframework.dao
                        .PessimisticLockingFailureException("deadlock detected")))).block())
                .as("the service answers 503, as for any storage failure")
                .isInstanceOf(dev.momentum.auth.application.error.StorageUnavailableException.class)
                .hasCauseInstanceOf(org.springframework.dao.PessimisticLockingFailureException.class);
        assertThat(attempts).as("the first run and two more").hasValue(1 + ReactiveTransactionRunner.RETRIES_AFTER_A_LOST_RACE);

        attempts.set(0);
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> Mono.fromRunnable(
                attempts::incrementAndGet).then(Mono.error(new IllegalStateException("a bug")))).block())
                .hasMessage("a bug");
        assertThat(attempts).as("not a lost race: not run again").hasValue(1);
    }

    /** As an operator ends a session by hand: the row is an ended session, not a failure. */
    @Test
    void sessionWhenItsEndWasSetBeforeItsStartByHandThenItIsNotFound() {
        User user = stored("ada@example.com");
        storedSession(user, "secret-token");
        DatabaseClient.create(database.connectionFactory())
                .sql("UPDATE sessions SET expires_at = created_at - INTERVAL '1' HOUR").then().block();

        assertThat(adapters.sessions().findByTokenHash(TokenHash.of("secret-token")).blockOptional()).isEmpty();
        assertThat(adapters.sessions().findLiveOfUser(user.id(), NOW.minusSeconds(7200)).collectList().block()).isEmpty();
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
    void holdIfPresentThenARevocationWaitsForTheTransactionAndIsSeenAfterIt() {
        User ada = stored("ada@example.com");
        Session session = storedSession(ada, "t1", NOW);

        Mono<Long> heldUntil = adapters.transactions().inTransaction(() -> adapters.sessions()
                .holdIfPresent(session.id())
                .doOnNext(present -> assertThat(present).isTrue())
                .delayElement(Duration.ofMillis(400))
                .map(present -> System.nanoTime()));
        Mono<Long> revokedAt = Mono.delay(Duration.ofMillis(100))
                .then(adapters.sessions().deleteAllOfUser(ada.id(), null))
                .then(Mono.fromSupplier(System::nanoTime));
        var times = Mono.zip(heldUntil, revokedAt).block();

        assertThat(times.getT2()).as("the revocation ended after the holding transaction").isGreaterThan(times.getT1());
        assertThat(adapters.sessions().holdIfPresent(session.id()).block()).isFalse();
    }




    @Test
    void markDeliveredOrFailedThenNeverClaimedAgainAndThePayloadIsErased() {
        User ada = stored("ada@example.com");
        outbox().enqueue(MAIL, ada.id(), NOW).block();
        outbox().enqueue(MAIL, ada.id(), NOW).block();
        List<QueuedMail> claimed = claim(NOW);

        outbox().markDelivered(claimed.get(0).id(), NOW).block();
        outbox().markFailed(claimed.get(1).id(), NOW, "Resend answered 422").block();

        assertThat(claim(NOW.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(rawOutbox()).contains("DELIVERED", "FAILED", "Resend answered 422")
                .doesNotContain("PENDING");
        assertThat(countWhere("mail_outbox", "payload = ''")).isEqualTo(2);
    }

    @Test
    void enqueueThenThePayloadIsStoredSealedInTheRowsContext() {
        User ada = stored("ada@example.com");
        outbox().enqueue(MAIL, ada.id(), NOW).block();

        String payload = DatabaseClient.create(database.connectionFactory()).sql("SELECT id, payload FROM mail_outbox")
                .map(row -> new TestSealer(SECRET).open(row.get("id", String.class), row.get("payload", String.class)))
                .one().map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).block();
        assertThat(payload).contains("secret-link-token");
    }

    @Test
    void claimDueWhenPayloadWasSealedUnderAnotherSecretThenGivesTheMailUp() {
        User ada = stored("ada@example.com");
        new PersistenceAdapters(database, IDS, Duration.ofSeconds(5), new TestSealer("another secret"))
                .mailOutbox().enqueue(MAIL, ada.id(), NOW).block();

        assertThat(claim(NOW)).isEmpty();
        assertThat(rawOutbox()).contains("FAILED").contains("AUTH_SECRET");
    }

    @Test
    void deleteUserThenAccountsSessionsTokensAndWaitingMailAreGoneAndOthersStay() {
        User ada = stored("ada@example.com");
        User bob = stored("bob@example.com");
        for (User user : List.of(ada, bob)) {
            storedSession(user, "session-of-" + user.id().value(), NOW);
            adapters.verificationTokens().add(VerificationToken.issue(TokenHash.of("token-of-" + user.id().value()),
                    VerificationPurpose.PASSWORD_RESET, user.id(), NOW, Duration.ofHours(1))).block();
            outbox().enqueue(MAIL, user.id(), NOW).block();
        }

        adapters.users().delete(ada.id()).block();

        assertThat(adapters.users().findById(ada.id()).blockOptional()).isEmpty();
        for (String table : List.of("accounts", "sessions", "verification_tokens", "mail_outbox")) {
            assertThat(countWhere(table, "user_id = '" + ada.id().value() + "'")).as(table).isZero();
            assertThat(countWhere(table, "user_id = '" + bob.id().value() + "'")).as(table).isEqualTo(1);
        }
    }





    @Test
    void purgeThenExpiredSessionsTokensOldFinishedMailAndEndedRateLimitWindowsGoAndTheRestStays() {
        User ada = stored("ada@example.com");
        storedSession(ada, "expired", NOW.minus(Duration.ofDays(8)));
        storedSession(ada, "live", NOW);
        adapters.verificationTokens().add(VerificationToken.issue(TokenHash.of("old"),
                VerificationPurpose.PASSWORD_RESET, ada.id(), NOW.minus(Duration.ofHours(2)), Duration.ofHours(1))).block();
        adapters.verificationTokens().add(VerificationToken.issue(TokenHash.of("new"),
                VerificationPurpose.PASSWORD_RESET, ada.id(), NOW, Duration.ofHours(1))).block();
        for (int i = 0; i < 3; i++) {
            outbox().enqueue(MAIL, ada.id(), NOW.minus(Duration.ofDays(10))).block();
        }
        List<QueuedMail> claimed = claim(NOW.minus(Duration.ofDays(10)));
        outbox().markDelivered(claimed.get(0).id(), NOW.minus(Duration.ofDays(8))).block();
        outbox().markDelivered(claimed.get(1).id(), NOW.minus(Duration.ofDays(1))).block();
        adapters.rateLimits().hit("ended", Duration.ofSeconds(10), NOW.minusSeconds(10)).block();
        adapters.rateLimits().hit("open", Duration.ofSeconds(10), NOW.minusSeconds(9)).block();
        OAuthClient client = storedClient("client-1");
        openedGrant(client, ada, "live-code", NOW.plusSeconds(60));
        OAuthGrant ended = new OAuthGrant("ended-grant", client.clientId(), ada.id(), Scopes.parse("openid")
                .orElseThrow(), List.of(), NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofDays(31)),
                NOW.minus(Duration.ofDays(1)));
        adapters.oauthGrants().open(ended, TokenHash.of("old-code"), new AuthorizationCode(ended.id(),
                new SessionId("a-session"), "http://127.0.0.1:6274/oauth/callback", CHALLENGE, Optional.empty(),
                NOW.minus(Duration.ofDays(31)).plusSeconds(120))).block();
        adapters.spentAssertions().spend("client-1", new ClientAssertion("old", NOW.minusSeconds(1))).block();
        adapters.spentAssertions().spend("client-1", new ClientAssertion("new", NOW.plusSeconds(60))).block();

        Purged purged = adapters.staleRecords().purge(NOW, NOW.minus(Duration.ofDays(7))).block();

        assertThat(purged).as("tokens: a verification token, an ended grant, a spent assertion")
                .isEqualTo(new Purged(1, 3, 1, 1));
        assertThat(countRows("oauth_grants")).isEqualTo(1);
        assertThat(countRows("oauth_codes")).as("with its grant").isEqualTo(1);
        assertThat(countRows("oauth_spent_assertions")).isEqualTo(1);
        assertThat(countRows("sessions")).isEqualTo(1);
        assertThat(countRows("rate_limits")).isEqualTo(1);
        assertThat(countRows("verification_tokens")).isEqualTo(1);
        assertThat(countRows("mail_outbox")).isEqualTo(2);
    }

    @Test
    void purgeWhenMoreThanABatchAndInstancesPurgeAtOnceThenAllExpiredGoWithoutErrors() {
        User ada = stored("ada@example.com");
        int expired = StaleRecordsPersistenceAdapter.BATCH + 250;
        Flux.range(0, expired)
                .flatMap(i -> adapters.sessions().add(Session.start(new SessionId(IDS.newId()), ada.id(),
                        TokenHash.of("old-" + i), SessionLifetime.DEFAULT, true, ClientInfo.UNKNOWN,
                        NOW.minus(Duration.ofDays(8)))), 16)
                .blockLast();
        storedSession(ada, "live", NOW);

        List<Purged> runs = Flux.range(0, 3)
                .flatMap(instance -> adapters.staleRecords().purge(NOW, NOW), 3)
                .collectList().block();

        assertThat(runs.stream().mapToLong(Purged::sessions).sum()).isEqualTo(expired);
        assertThat(countRows("sessions")).isEqualTo(1);
    }

    @Test
    void operationalCountsWhenSessionsExpireAndMailIsSentThenOnlyLiveSessionsAndPendingMailCount() {
        User ada = stored("ada@example.com");
        storedSession(ada, "live", NOW);
        storedSession(ada, "expired", NOW.minus(Duration.ofDays(8)));
        outbox().enqueue(MAIL, ada.id(), NOW).block();
        outbox().enqueue(MAIL, ada.id(), NOW).block();
        outbox().markDelivered(claim(NOW).get(0).id(), NOW).block();

        assertThat(adapters.operationalCounts().liveSessions(NOW).block()).isEqualTo(1);
        assertThat(adapters.operationalCounts().pendingMail().block()).isEqualTo(1);
    }

    @Test
    void auditTrailWhenEventsAreAppendedThenEveryFieldIsStoredAndRetentionDeletesOnlyOlderOnes() {
        var client = new ClientInfo("2001:db8::1", "Mozilla/5.0 (X11) " + "x".repeat(400));
        var old = new SecurityEvent(NOW.minus(Duration.ofDays(400)), SecurityEventType.SIGN_IN, false, null,
                "ada@example.com", ClientInfo.UNKNOWN, "INVALID_EMAIL_OR_PASSWORD", null);
        var recent = new SecurityEvent(NOW, SecurityEventType.PASSWORD_CHANGE, true, new UserId("u1"),
                "ada@example.com", client, null, new UserId("admin1"));
        auditTrail().append(old).block();
        auditTrail().append(recent).block();

        assertThat(auditTrail().deleteBefore(NOW.minus(Duration.ofDays(365))).block()).isEqualTo(1);

        var rows = DatabaseClient.create(database.connectionFactory()).sql("SELECT occurred_at, type, succeeded, user_id, email, ip_address, user_agent, detail "
                        + "FROM audit_events")
                .map(row -> List.of(String.valueOf(Timestamps.read(row, "occurred_at")), row.get("type", String.class),
                        String.valueOf(row.get("succeeded", Boolean.class)), row.get("user_id", String.class),
                        row.get("email", String.class), row.get("ip_address", String.class),
                        row.get("user_agent", String.class), String.valueOf(row.get("detail", String.class))))
                .all().collectList().block();
        assertThat(rows).containsExactly(List.of(NOW.toString(), "PASSWORD_CHANGE", "true", "u1", "ada@example.com",
                "2001:db8::1", client.userAgent(), "null"));
    }

    String rawOutbox() {
        return DatabaseClient.create(database.connectionFactory())
                .sql("SELECT * FROM mail_outbox").fetch().all()
                .map(Object::toString).collectList().block().toString();
    }

    long countWhere(String table, String condition) {
        return DatabaseClient.create(database.connectionFactory())
                .sql("SELECT COUNT(*) AS n FROM " + table + " WHERE " + condition)
                .map(row -> row.get("n", Long.class)).one().block();
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
