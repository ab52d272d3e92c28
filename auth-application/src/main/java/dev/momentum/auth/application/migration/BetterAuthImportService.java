package dev.momentum.auth.application.migration;

import dev.momentum.auth.application.migration.port.in.BetterAuthImportCommand;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult.TableResult;
import dev.momentum.auth.application.migration.port.in.ImportFromBetterAuthUseCase;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget.ImportedAccount;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget.ImportedKey;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget.ImportedSecondFactor;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget.ImportedUser;
import dev.momentum.auth.application.migration.port.out.BetterAuthImportTarget.Written;
import dev.momentum.auth.application.migration.port.out.BetterAuthSecrets;
import dev.momentum.auth.application.migration.port.out.BetterAuthSource;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecretSealer;
import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.domain.credential.BetterAuthPasswordHash;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads better-auth's tables page by page and writes ours, each page in its own transaction, in
 * the order the foreign keys need: users (with their credential), sessions, other accounts,
 * second factors, passkeys, then the JWT keys. Rows this service cannot take are skipped and
 * reported, never altered to fit (ADR-0040).
 */
public final class BetterAuthImportService implements ImportFromBetterAuthUseCase {

    private static final System.Logger LOG = System.getLogger(BetterAuthImportService.class.getName());

    /** Keys stay published a little past the last JWT's expiry, for verifiers whose clocks run behind. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_IMAGE_LENGTH = 2048;

    private final BetterAuthSource source;
    private final BetterAuthImportTarget target;
    private final BetterAuthSecrets secrets;
    private final SecretSealer sealer;
    private final Clock clock;

    public BetterAuthImportService(BetterAuthSource source, BetterAuthImportTarget target, BetterAuthSecrets secrets,
                                   SecretSealer sealer, Clock clock) {
        this.source = Objects.requireNonNull(source, "source cannot be null");
        this.target = Objects.requireNonNull(target, "target cannot be null");
        this.secrets = Objects.requireNonNull(secrets, "secrets cannot be null");
        this.sealer = Objects.requireNonNull(sealer, "sealer cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<BetterAuthImportResult> importAll(BetterAuthImportCommand command) {
        return source.inspect().flatMap(shape -> {
            LOG.log(Level.INFO, "Importing from better-auth tables made by {0}{1}", shape.flavour(),
                    command.dryRun() ? " (dry run: every page is rolled back)" : "");
            Run run = new Run(command, Instants.now(clock));
            return source.emailsDifferingOnlyInCase().collect(Collectors.toSet())
                    .flatMap(run::users)
                    .then(Mono.defer(run::sessions))
                    .then(Mono.defer(run::accounts))
                    .then(Mono.defer(() -> shape.twoFactor() ? run.secondFactors() : Mono.empty()))
                    .then(Mono.defer(() -> shape.passkey() ? run.passkeys() : Mono.empty()))
                    .then(Mono.defer(() -> shape.jwks() ? run.keys() : Mono.empty()))
                    .then(Mono.defer(source::verificationRows))
                    .flatMap(verificationRows -> target.usersOnImportedPasswordHashes()
                            .map(onImportedHashes -> run.result(shape, verificationRows, onImportedHashes)));
        });
    }

    /** Sealing context: a sealed value moved to another account does not open. Second factors: {@link FactorSecrets}. */
    static String accountTokenContext(String accountId, String kind) {
        return "better-auth account " + kind + " " + accountId;
    }

    /** One run's counts; its pages are handled one after the other, never at once. */
    private final class Run {

        private final BetterAuthImportCommand command;
        private final Instant now;
        private final Map<String, long[]> tables = new LinkedHashMap<>();
        private final List<String> conflicts = new ArrayList<>();
        private long usersWithSecondFactors;

        Run(BetterAuthImportCommand command, Instant now) {
            this.command = command;
            this.now = now;
        }

        /** read, created, changed, removed, skipped */
        private long[] table(String name) {
            return tables.computeIfAbsent(name, ignored -> new long[5]);
        }

        private void progress(String table) {
            long[] counts = table(table);
            LOG.log(Level.INFO, "{0}: {1} read, {2} created, {3} changed, {4} removed, {5} skipped", table, counts[0],
                    counts[1], counts[2], counts[3], counts[4]);
        }

        Mono<Void> users(Set<String> caseConflicts) {
            long[] counts = table("user");
            return source.users(command.pageSize()).concatMap(page -> {
                List<ImportedUser> importable = new ArrayList<>();
                for (BetterAuthSource.User user : page) {
                    counts[0]++;
                    importable(user, caseConflicts).ifPresentOrElse(importable::add, () -> counts[4]++);
                }
                return target.writeUsers(importable, now, command.dryRun()).doOnNext(written -> {
                    counts[1] += written.created();
                    counts[2] += written.updated();
                    counts[4] += written.emailsTakenByOthers().size();
                    written.emailsTakenByOthers().forEach(email -> conflicts.add("user with address " + email
                            + ": another user here has that address; not imported"));
                    progress("user");
                });
            }).then();
        }

        private Optional<ImportedUser> importable(BetterAuthSource.User user, Set<String> caseConflicts) {
            Optional<EmailAddress> email = EmailAddress.parse(user.email());
            Optional<String> refusal = refusal(user, email, caseConflicts);
            if (refusal.isPresent()) {
                conflicts.add("user " + user.id() + ": " + refusal.get());
                return Optional.empty();
            }
            if (user.twoFactorEnabled()) {
                usersWithSecondFactors++;
            }
            PasswordHash hash = user.password() == null ? null : BetterAuthPasswordHash.toPhc(user.password()).get();
            User imported = new User(new UserId(user.id()), user.name(), email.get(), user.emailVerified(),
                    user.image(), user.createdAt(), user.updatedAt());
            String profile = String.join("\u0000", user.name(), email.get().value(),
                    String.valueOf(user.emailVerified()), String.valueOf(user.image()));
            return Optional.of(new ImportedUser(imported, user.credentialAccountId(), hash, digest(profile),
                    user.password() == null ? null : digest(user.password())));
        }

        /** Why this service cannot take the user as they are, if it cannot: rows are never altered to fit. */
        private static Optional<String> refusal(BetterAuthSource.User user, Optional<EmailAddress> email,
                                                Set<String> caseConflicts) {
            if (email.isEmpty()) {
                return Optional.of("its address is not one this service accepts");
            }
            if (caseConflicts.contains(email.get().value())) {
                return Optional.of("its address differs only in case from another user's; neither is imported");
            }
            if (user.name() == null || user.name().length() > MAX_NAME_LENGTH) {
                return Optional.of("its name is missing or over 255 characters");
            }
            if (user.image() != null && user.image().length() > MAX_IMAGE_LENGTH) {
                return Optional.of("its image URL is over 2048 characters");
            }
            if (user.password() != null && BetterAuthPasswordHash.toPhc(user.password()).isEmpty()) {
                return Optional.of("its password hash is not better-auth's scrypt form");
            }
            return Optional.empty();
        }

        Mono<Void> sessions() {
            long[] counts = table("session");
            return source.sessions(command.pageSize()).concatMap(page -> {
                List<Session> live = new ArrayList<>();
                for (BetterAuthSource.Session session : page) {
                    counts[0]++;
                    if (session.expiresAt().isAfter(now) && session.expiresAt().isAfter(session.createdAt())) {
                        live.add(new Session(new SessionId(session.id()), new UserId(session.userId()),
                                TokenHash.of(session.token()), session.createdAt(), session.updatedAt(),
                                session.expiresAt(), session.ipAddress(), session.userAgent()));
                    } else {
                        counts[4]++;
                    }
                }
                return target.writeSessions(live, command.dryRun()).doOnNext(written -> {
                    add(counts, written);
                    progress("session");
                });
            }).then(Mono.defer(() -> endSessionsBetterAuthEnded(counts)));
        }

        /** An imported session whose row better-auth no longer has was signed out, revoked or deleted there. */
        private Mono<Void> endSessionsBetterAuthEnded(long[] counts) {
            return target.importedSessionIds(command.pageSize())
                    .concatMap(imported -> source.sessionsAmong(imported).collect(Collectors.toSet())
                            .flatMap(present -> target.endSessions(
                                    imported.stream().filter(id -> !present.contains(id)).toList(), command.dryRun())))
                    .doOnNext(ended -> counts[3] += ended)
                    .then();
        }

        /** Writes every page of a table, each row converted, and counts what became of them. */
        private <S, T> Mono<Void> copy(String table, Flux<List<S>> pages, Function<S, T> conversion,
                                       BiFunction<List<T>, Boolean, Mono<Written>> write) {
            long[] counts = table(table);
            return pages.concatMap(page -> {
                counts[0] += page.size();
                return write.apply(page.stream().map(conversion).toList(), command.dryRun())
                        .doOnNext(written -> add(counts, written));
            }).then();
        }

        Mono<Void> accounts() {
            return copy("account (other providers)", source.otherAccounts(command.pageSize()), this::sealed,
                    target::writeAccounts);
        }

        private ImportedAccount sealed(BetterAuthSource.Account account) {
            return new ImportedAccount(account.id(), account.userId(), account.providerId(), account.accountId(),
                    mapNullable(account.accessToken(), token -> sealToken(account.id(), "access", token)),
                    mapNullable(account.refreshToken(), token -> sealToken(account.id(), "refresh", token)),
                    mapNullable(account.idToken(), token -> sealToken(account.id(), "id", token)),
                    account.accessTokenExpiresAt(), account.refreshTokenExpiresAt(), account.scope(),
                    account.createdAt(), account.updatedAt());
        }

        /** better-auth keeps provider tokens plain unless encryptOAuthTokens is on. */
        private String sealToken(String accountId, String kind, String token) {
            String plain = secrets.decrypt(token).orElse(token);
            return sealer.seal(accountTokenContext(accountId, kind), plain.getBytes(StandardCharsets.UTF_8));
        }

        Mono<Void> secondFactors() {
            return copy("twoFactor", source.secondFactors(command.pageSize()), this::sealed,
                    target::writeSecondFactors);
        }

        private ImportedSecondFactor sealed(BetterAuthSource.SecondFactor factor) {
            String secret = null;
            String backupCodes = null;
            if (factor.secret() != null) {
                Optional<String> opened = secrets.decrypt(factor.secret());
                secret = opened.map(plain -> sealer.seal(FactorSecrets.totpContext(factor.userId()),
                        plain.getBytes(StandardCharsets.UTF_8))).orElse(null);
                // storeBackupCodes "plain" keeps the JSON array as it is
                Optional<String> codes = secrets.decrypt(factor.backupCodes())
                        .or(() -> Optional.ofNullable(factor.backupCodes()).filter(value -> value.startsWith("[")));
                backupCodes = codes.map(plain -> sealer.seal(FactorSecrets.backupCodesContext(factor.userId()),
                        plain.getBytes(StandardCharsets.UTF_8))).orElse(null);
                if (opened.isEmpty() || codes.isEmpty()) {
                    conflicts.add("user " + factor.userId() + ": the second factor did not open with the better-auth "
                            + "secret; kept unusable, so a password alone still does not sign this user in");
                }
            }
            String source = String.join("\u0000", String.valueOf(factor.secret()), String.valueOf(factor.backupCodes()),
                    String.valueOf(factor.enforced()));
            return new ImportedSecondFactor(factor.userId(), secret, backupCodes, factor.enforced(), now,
                    digest(source));
        }

        Mono<Void> passkeys() {
            return copy("passkey", source.passkeys(command.pageSize()), Function.identity(), target::writePasskeys);
        }

        Mono<Void> keys() {
            long[] counts = table("jwks");
            Instant publishedUntil = now.plus(command.jwtLifetime()).plus(CLOCK_SKEW);
            return source.signingKeys().collectList().flatMap(stored -> {
                List<ImportedKey> keys = new ArrayList<>();
                for (BetterAuthSource.SigningKey key : stored) {
                    counts[0]++;
                    secrets.publicJwk(key.id(), key.publicKey(), key.alg(), key.crv()).ifPresentOrElse(
                            jwk -> keys.add(new ImportedKey(key.id(), jwk, publishedUntil)), () -> {
                                counts[4]++;
                                conflicts.add("jwks " + key.id() + ": not a public key that can be published");
                            });
                }
                return target.publishKeys(keys, command.dryRun()).doOnNext(written -> add(counts, written));
            }).then();
        }

        private static void add(long[] counts, Written written) {
            counts[1] += written.created();
            counts[2] += written.changed();
            counts[4] += written.skipped();
        }

        BetterAuthImportResult result(BetterAuthSource.Shape shape, long verificationRows, long onImportedHashes) {
            Map<String, TableResult> results = new LinkedHashMap<>();
            tables.forEach((name, counts) -> results.put(name,
                    new TableResult(counts[0], counts[1], counts[2], counts[3], counts[4])));
            return new BetterAuthImportResult(shape.flavour(), command.dryRun(), results, List.copyOf(conflicts),
                    usersWithSecondFactors, verificationRows, onImportedHashes);
        }
    }

    private static String digest(String value) {
        return TokenHash.of(value).hex();
    }

    private static <T, R> R mapNullable(T value, Function<T, R> mapping) {
        return value == null ? null : mapping.apply(value);
    }
}
