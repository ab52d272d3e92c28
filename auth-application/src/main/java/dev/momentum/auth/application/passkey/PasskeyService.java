package dev.momentum.auth.application.passkey;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.passkey.port.in.AuthenticationOptionsResult;
import dev.momentum.auth.application.passkey.port.in.ManagePasskeysUseCase;
import dev.momentum.auth.application.passkey.port.in.PasskeyRegistrationUseCase;
import dev.momentum.auth.application.passkey.port.in.PasskeySignInCommand;
import dev.momentum.auth.application.passkey.port.in.PasskeySignInUseCase;
import dev.momentum.auth.application.passkey.port.in.RegisterPasskeyCommand;
import dev.momentum.auth.application.passkey.port.in.RegistrationOptionsResult;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges.Ceremony;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies.CeremonyRefusedException;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies.Expected;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passkeys as better-auth's passkey plugin serves them (ADR-0050). Each ceremony's challenge is
 * a random token: its bytes are the WebAuthn challenge, the client holds it in a signed cookie,
 * and only its hash is stored, spent at the first verification and gone after five minutes.
 * Checking the browser's answer is the {@link WebAuthnCeremonies} port's work. A passkey signs in
 * without a second factor: it is one on its own (possession, and the device's user verification).
 */
public final class PasskeyService implements PasskeyRegistrationUseCase, PasskeySignInUseCase, ManagePasskeysUseCase {

    private final CurrentSession current;
    private final GetSessionQuery sessions;
    private final Passkeys passkeys;
    private final PasskeyChallenges challenges;
    private final WebAuthnCeremonies ceremonies;
    private final UserLookup users;
    private final SessionReplacement replacement;
    private final SecureTokenGenerator random;
    private final PasskeySettings settings;
    private final SessionLifetime lifetime;
    private final SecurityEvents events;
    private final Clock clock;

    public PasskeyService(GetSessionQuery sessions, Passkeys passkeys, PasskeyChallenges challenges,
                          WebAuthnCeremonies ceremonies, UserLookup users, SessionReplacement replacement,
                          SecureTokenGenerator random, PasskeySettings settings, SessionLifetime lifetime,
                          SecurityEvents events, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.current = new CurrentSession(sessions);
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys cannot be null");
        this.challenges = Objects.requireNonNull(challenges, "challenges cannot be null");
        this.ceremonies = Objects.requireNonNull(ceremonies, "ceremonies cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.replacement = Objects.requireNonNull(replacement, "replacement cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<RegistrationOptionsResult> registrationOptions(BearerToken session) {
        return freshSession(session).flatMap(held -> {
            User user = held.user();
            String challenge = random.newToken();
            return challenges.open(TokenHash.of(challenge), Ceremony.REGISTRATION, Optional.of(user.id()), expiry())
                    .then(passkeys.listOf(user.id()).collectList())
                    .map(existing -> new RegistrationOptionsResult(challenge, settings.rpId(), settings.rpName(),
                            random.newId().toLowerCase(Locale.ROOT), user.email().value(), user.name(),
                            existing));
        });
    }

    @Override
    public Mono<Passkey> register(RegisterPasskeyCommand command) {
        return freshSession(command.session()).flatMap(held -> opened(command.challenge(), Ceremony.REGISTRATION)
                .flatMap(opened -> opened.user().filter(held.user().id()::equals).isPresent() ? Mono.just(opened)
                        : Mono.error(new AuthException(AuthError.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY)))
                .flatMap(opened -> {
                    var credential = verified(() -> ceremonies.verifyRegistration(command.response(),
                            bytesOf(command.challenge()), expected()), AuthError.FAILED_TO_VERIFY_REGISTRATION);
                    Passkey passkey = new Passkey(random.newId(), held.user().id(), nameOf(command.name()),
                            credential.credentialId(), credential.publicKey(), credential.counter(),
                            credential.deviceType(), credential.backedUp(),
                            credential.transports().isEmpty() ? null : String.join(",", credential.transports()),
                            credential.aaguid(), now());
                    return passkeys.add(passkey).flatMap(added -> added
                            ? events.succeeded(SecurityEventType.PASSKEY_REGISTRATION, Subject.of(held.user()),
                                    passkey.id()).thenReturn(passkey)
                            : Mono.error(new AuthException(AuthError.FAILED_TO_VERIFY_REGISTRATION)));
                }));
    }

    @Override
    public Mono<AuthenticationOptionsResult> authenticationOptions(BearerToken session) {
        return Mono.justOrEmpty(session).flatMap(sessions::getSession)
                .map(held -> Optional.of(held.user()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    String challenge = random.newToken();
                    return challenges.open(TokenHash.of(challenge), Ceremony.AUTHENTICATION, user.map(User::id), expiry())
                            .then(user.map(found -> passkeys.listOf(found.id()).collectList())
                                    .orElse(Mono.just(List.of())))
                            .map(allowed -> new AuthenticationOptionsResult(challenge, settings.rpId(), allowed));
                });
    }

    /**
     * The challenge is spent before the passkey is looked up, so a guessed or replayed answer
     * costs its challenge; the counter moves by compare-and-set, so one assertion signs in once.
     */
    @Override
    public Mono<SessionResult> signIn(PasskeySignInCommand command) {
        return events.failures(SecurityEventType.PASSKEY_SIGN_IN, opened(command.challenge(), Ceremony.AUTHENTICATION)
                .then(Mono.defer(() -> Mono.justOrEmpty(ceremonies.credentialIdOf(command.response()))))
                .flatMap(passkeys::findByCredentialId)
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.PASSKEY_NOT_FOUND)))
                .flatMap(passkey -> {
                    long counter = verified(() -> ceremonies.verifyAuthentication(command.response(),
                            bytesOf(command.challenge()), expected(), passkey), AuthError.AUTHENTICATION_FAILED);
                    return passkeys.advanceCounter(passkey.id(), passkey.counter(), counter)
                            .filter(Boolean::booleanValue)
                            .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.AUTHENTICATION_FAILED)))
                            .then(users.findById(passkey.userId()))
                            .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.PASSKEY_NOT_FOUND)));
                })
                .flatMap(user -> replacement.replace(command.replacedSession(), user, true, command.client()))
                .flatMap(session -> events.succeeded(SecurityEventType.PASSKEY_SIGN_IN, Subject.of(session.user()), null)
                        .thenReturn(session)), Subject.NOBODY);
    }

    @Override
    public Flux<Passkey> list(BearerToken session) {
        return current.require(session).flatMapMany(held -> passkeys.listOf(held.user().id()));
    }

    @Override
    public Mono<Passkey> rename(BearerToken session, String id, String name) {
        return current.require(session).flatMap(held -> passkeys.rename(held.user().id(), id, nameOf(name)))
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.PASSKEY_NOT_FOUND)));
    }

    @Override
    public Mono<Void> delete(BearerToken session, String id) {
        return current.require(session).flatMap(held -> passkeys.delete(held.user().id(), id)
                .flatMap(deleted -> deleted
                        ? events.succeeded(SecurityEventType.PASSKEY_REMOVAL, Subject.of(held.user()), id)
                        : Mono.error(new AuthException(AuthError.PASSKEY_NOT_FOUND))));
    }

    private Mono<SessionResult> freshSession(BearerToken session) {
        return current.require(session).flatMap(held -> held.session().isFreshAt(now(), lifetime) ? Mono.just(held)
                : Mono.error(new AuthException(AuthError.SESSION_NOT_FRESH)));
    }

    private Mono<PasskeyChallenges.Opened> opened(String challenge, Ceremony ceremony) {
        Mono<PasskeyChallenges.Opened> opened = challenge == null || challenge.isEmpty() ? Mono.empty()
                : challenges.consume(TokenHash.of(challenge), ceremony, now());
        return opened.switchIfEmpty(Mono.error(() -> new AuthException(AuthError.CHALLENGE_NOT_FOUND)));
    }

    private static <T> T verified(Supplier<T> ceremony, AuthError refusal) {
        try {
            return ceremony.get();
        } catch (CeremonyRefusedException refused) {
            throw new AuthException(refusal);
        }
    }

    private Expected expected() {
        return new Expected(settings.rpId(), settings.origins());
    }

    private static byte[] bytesOf(String challenge) {
        return challenge.getBytes(StandardCharsets.US_ASCII);
    }

    private static String nameOf(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    private Instant expiry() {
        return now().plus(Passkey.CHALLENGE_VALIDITY);
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
