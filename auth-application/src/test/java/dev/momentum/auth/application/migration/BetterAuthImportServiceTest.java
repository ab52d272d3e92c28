package dev.momentum.auth.application.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.migration.port.in.BetterAuthImportCommand;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult.TableResult;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget;
import dev.momentum.auth.application.migration.port.out.BetterAuthSecrets;
import dev.momentum.auth.application.migration.port.out.BetterAuthSource;
import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.application.testing.MutableClock;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The import's own rules, over ports that record what they are given (BetterAuthImportIT runs the real ones). */
class BetterAuthImportServiceTest {

    static final String HASH = "afbc25a9147cca85c1238f0c4ad48fbe:04a24eb50186ae583e9395c864cb4c5bc5b8c6a8eb6e9c352b"
            + "1615acf55700894024ba591c95c37d8d438756002098be412c085f0bfe2b07d5e5c5b346e39730";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant BEFORE = NOW.minus(Duration.ofDays(3));

    final MutableClock clock = new MutableClock(NOW);
    final Source source = new Source();
    final Target target = new Target();
    /** better-auth's ciphertexts here are "enc:" and the plaintext; a sealed value is "sealed(context):" and it. */
    final BetterAuthSecrets secrets = new BetterAuthSecrets() {
        @Override
        public Optional<String> decrypt(String encrypted) {
            return Optional.ofNullable(encrypted).filter(value -> value.startsWith("enc:")).map(value -> value.substring(4));
        }

        @Override
        public Optional<String> publicJwk(String kid, String storedPublicKey, String alg, String crv) {
            return storedPublicKey.contains("\"d\"") ? Optional.empty() : Optional.of("{\"kid\":\"" + kid + "\"}");
        }
    };
    final SecretSealer sealer = new SecretSealer() {
        @Override
        public String seal(String context, byte[] plaintext) {
            return "sealed(" + context + "):" + new String(plaintext, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] open(String context, String sealed) {
            throw new UnsupportedOperationException();
        }
    };
    final BetterAuthImportService service = new BetterAuthImportService(source, target, secrets, sealer, clock);

    static BetterAuthSource.User user(String id, String name, String email, String password) {
        return new BetterAuthSource.User(id, name, email, true, null, BEFORE, BEFORE, false, "acc-" + id, password);
    }

    BetterAuthImportResult run() {
        return service.importAll(new BetterAuthImportCommand(false, 2, Duration.ofMinutes(15))).block();
    }

    @Test
    void importAllWhenRowsThisServiceCannotTakeThenEachSkippedWithItsReasonAndTheRestWritten() {
        source.users.addAll(List.of(user("ok", "Ada", "ADA@example.com", HASH),
                user("bad-address", "Bob", "not an address", HASH),
                user("long-name", "x".repeat(256), "long@example.com", HASH),
                user("bcrypt", "Carl", "carl@example.com", "$2b$10$abcdefghijklmnopqrstuv"),
                user("social", "Dora", "dora@example.com", null)));

        BetterAuthImportResult result = run();

        assertThat(target.users).extracting(imported -> imported.user().id().value()).containsExactly("ok", "social");
        assertThat(target.users.getFirst().user().email().value()).as("lower-cased").isEqualTo("ada@example.com");
        assertThat(target.users.getFirst().passwordHash().encoded()).startsWith("$scrypt$ln=14,r=16,p=1$");
        assertThat(target.users.get(1).passwordHash()).isNull();
        assertThat(result.tables().get("user")).isEqualTo(new TableResult(5, 2, 0, 0, 3));
        assertThat(result.conflicts()).containsExactly(
                "user bad-address: its address is not one this service accepts",
                "user long-name: its name is missing or over 255 characters",
                "user bcrypt: its password hash is not better-auth's scrypt form");
    }

    @Test
    void importAllWhenANameOrPasswordChangesThenItsDigestChangesAndOtherwiseNot() {
        source.users.add(user("u", "Ada", "ada@example.com", HASH));
        run();
        source.users.set(0, user("u", "Ada King", "ada@example.com", HASH));
        run();
        source.users.set(0, user("u", "Ada King", "ada@example.com", HASH.replace("afbc", "0000")));
        run();

        assertThat(target.users).hasSize(3);
        assertThat(target.users.get(1).profileDigest()).isNotEqualTo(target.users.get(0).profileDigest())
                .isEqualTo(target.users.get(2).profileDigest());
        assertThat(target.users.get(1).passwordDigest()).isEqualTo(target.users.get(0).passwordDigest())
                .isNotEqualTo(target.users.get(2).passwordDigest());
    }

    @Test
    void importAllWhenSessionsThenLiveOnesWrittenByTokenHashExpiredSkippedAndThoseBetterAuthEndedEnded() {
        source.sessions.addAll(List.of(
                new BetterAuthSource.Session("live", "token-1", "u", BEFORE, BEFORE, NOW.plus(Duration.ofDays(4)), null, null),
                new BetterAuthSource.Session("expired", "token-2", "u", BEFORE, BEFORE, NOW.minusSeconds(1), null, null)));
        target.importedSessions.addAll(List.of("live", "expired", "signed-out-there"));

        BetterAuthImportResult result = run();

        assertThat(target.sessions).singleElement().satisfies(session -> {
            assertThat(session.id().value()).isEqualTo("live");
            assertThat(session.tokenHash()).isEqualTo(TokenHash.of("token-1"));
        });
        assertThat(target.ended).containsExactly("signed-out-there");
        assertThat(result.tables().get("session")).isEqualTo(new TableResult(2, 1, 0, 1, 1));
    }

    @Test
    void importAllWhenSecondFactorsThenSealedPerUserAndOneThatDoesNotOpenKeptEnforcedAndReported() {
        source.shape = new BetterAuthSource.Shape("kysely", false, true, false, false);
        source.factors.addAll(List.of(new BetterAuthSource.SecondFactor("a", "enc:SECRET", "enc:[\"c1\"]", true),
                new BetterAuthSource.SecondFactor("b", "enc:SECRET", "[\"plain\"]", true),
                new BetterAuthSource.SecondFactor("c", "another secret's", "enc:[\"c3\"]", true)));

        BetterAuthImportResult result = run();

        assertThat(target.factors).extracting(BetterAuthImportTarget.ImportedSecondFactor::totpSecret)
                .containsExactly("sealed(better-auth totp secret a):SECRET", "sealed(better-auth totp secret b):SECRET",
                        null);
        assertThat(target.factors).extracting(BetterAuthImportTarget.ImportedSecondFactor::backupCodes)
                .containsExactly("sealed(better-auth backup codes a):[\"c1\"]",
                        "sealed(better-auth backup codes b):[\"plain\"]", "sealed(better-auth backup codes c):[\"c3\"]");
        assertThat(target.factors).allMatch(BetterAuthImportTarget.ImportedSecondFactor::enforced);
        assertThat(result.conflicts()).singleElement().asString().startsWith("user c: the second factor did not open");
    }

    @Test
    void importAllWhenKeysThenPublishedForTheJwtLifetimeAndFiveMinutesAndPrivateOnesRefused() {
        source.shape = new BetterAuthSource.Shape("kysely", false, false, false, true);
        source.keys.addAll(List.of(new BetterAuthSource.SigningKey("k1", "{\"x\":\"1\"}", "EdDSA", "Ed25519", BEFORE),
                new BetterAuthSource.SigningKey("k2", "{\"d\":\"private\"}", "EdDSA", "Ed25519", BEFORE)));

        BetterAuthImportResult result = run();

        assertThat(target.keys).singleElement().isEqualTo(new BetterAuthImportTarget.ImportedKey("k1", "{\"kid\":\"k1\"}",
                NOW.plus(Duration.ofMinutes(20))));
        assertThat(result.tables().get("jwks").skipped()).isEqualTo(1);
    }

    /** Pages of two, as the real source pages. */
    static <T> Flux<List<T>> pagesOf(List<T> rows) {
        List<List<T>> pages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 2) {
            pages.add(List.copyOf(rows.subList(i, Math.min(rows.size(), i + 2))));
        }
        return Flux.fromIterable(pages);
    }

    static final class Source implements BetterAuthSource {

        Shape shape = new Shape("kysely", false, false, false, false);
        final List<User> users = new ArrayList<>();
        final List<Session> sessions = new ArrayList<>();
        final List<SecondFactor> factors = new ArrayList<>();
        final List<SigningKey> keys = new ArrayList<>();

        @Override
        public Mono<Shape> inspect() {
            return Mono.fromSupplier(() -> shape);
        }

        @Override
        public Flux<List<User>> users(int pageSize) {
            return Flux.defer(() -> pagesOf(users));
        }

        @Override
        public Flux<String> emailsDifferingOnlyInCase() {
            return Flux.empty();
        }

        @Override
        public Flux<List<Session>> sessions(int pageSize) {
            return Flux.defer(() -> pagesOf(sessions));
        }

        @Override
        public Flux<String> sessionsAmong(List<String> ids) {
            return Flux.fromIterable(ids).filter(id -> sessions.stream().anyMatch(session -> session.id().equals(id)));
        }

        @Override
        public Flux<List<Account>> otherAccounts(int pageSize) {
            return Flux.empty();
        }

        @Override
        public Flux<List<SecondFactor>> secondFactors(int pageSize) {
            return Flux.defer(() -> pagesOf(factors));
        }

        @Override
        public Flux<List<Passkey>> passkeys(int pageSize) {
            return Flux.empty();
        }

        @Override
        public Flux<SigningKey> signingKeys() {
            return Flux.fromIterable(keys);
        }

        @Override
        public Mono<Long> verificationRows() {
            return Mono.just(0L);
        }
    }

    static final class Target implements BetterAuthImportTarget {

        final List<ImportedUser> users = new ArrayList<>();
        final List<Session> sessions = new ArrayList<>();
        final List<String> importedSessions = new ArrayList<>();
        final List<String> ended = new ArrayList<>();
        final List<ImportedSecondFactor> factors = new ArrayList<>();
        final List<ImportedKey> keys = new ArrayList<>();

        @Override
        public Mono<UsersWritten> writeUsers(List<ImportedUser> page, Instant now, boolean dryRun) {
            users.addAll(page);
            return Mono.just(new UsersWritten(page.size(), 0, List.of()));
        }

        @Override
        public Mono<Written> writeSessions(List<Session> live, boolean dryRun) {
            sessions.addAll(live);
            return Mono.just(new Written(live.size(), 0, 0));
        }

        @Override
        public Flux<List<String>> importedSessionIds(int pageSize) {
            return Flux.defer(() -> pagesOf(List.copyOf(importedSessions)));
        }

        @Override
        public Mono<Integer> endSessions(List<String> ids, boolean dryRun) {
            ended.addAll(ids);
            return Mono.just(ids.size());
        }

        @Override
        public Mono<Written> writeAccounts(List<ImportedAccount> accounts, boolean dryRun) {
            return Mono.just(new Written(accounts.size(), 0, 0));
        }

        @Override
        public Mono<Written> writeSecondFactors(List<ImportedSecondFactor> page, boolean dryRun) {
            factors.addAll(page);
            return Mono.just(new Written(page.size(), 0, 0));
        }

        @Override
        public Mono<Written> writePasskeys(List<BetterAuthSource.Passkey> passkeys, boolean dryRun) {
            return Mono.just(new Written(passkeys.size(), 0, 0));
        }

        @Override
        public Mono<Written> publishKeys(List<ImportedKey> page, boolean dryRun) {
            keys.addAll(page);
            return Mono.just(new Written(page.size(), 0, 0));
        }

        @Override
        public Mono<Long> usersOnImportedPasswordHashes() {
            return Mono.just(0L);
        }
    }
}
