package dev.momentum.auth.application.audit;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.port.in.ClientContext;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand.Which;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.user.EmailAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SecurityEventsTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final TestAuthService auth = new TestAuthService();

    @Test
    void useCasesWhenTheyRunThenEachSecurityEventIsRecordedWithItsUserAndOutcomeAndNoSecret() {
        auth.signUp("ada@example.com");
        auth.signUp("ada@example.com");
        StepVerifier.create(auth.signedIn(TestAuthService.signInCommand("ada@example.com", "wrong password 1")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        SessionResult first = auth.signUpVerifyAndSignIn("grace@example.com");
        String grace = first.user().id().value();
        auth.changePassword.changePassword(new ChangePasswordCommand(first.token(), PASSWORD, NEW_PASSWORD, false,
                ClientInfo.UNKNOWN)).block();
        auth.requestPasswordReset.requestPasswordReset(RequestPasswordResetCommand.of("grace@example.com", "/r")).block();
        auth.requestPasswordReset.requestPasswordReset(RequestPasswordResetCommand.of("nobody@example.com", "/r")).block();
        auth.resetPassword.resetPassword(ResetPasswordCommand.of(auth.tokenOfLastResetMail(), PASSWORD)).block();
        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of("spent", PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
        SessionResult again = auth.signedIn(TestAuthService.signInCommand("grace@example.com", PASSWORD)).block();
        auth.revokeSessions.revokeSessions(new RevokeSessionsCommand(again.token(), Which.OTHERS)).block();
        auth.signOut.signOut(again.token()).block();

        assertThat(auth.auditTrail.events())
                .extracting(SecurityEvent::type, SecurityEvent::succeeded, event -> event.userId() == null ? null
                        : event.userId().value(), SecurityEvent::email, SecurityEvent::detail)
                .containsExactly(
                        tuple(SecurityEventType.SIGN_UP, true, idOf("ada@example.com"),
                                "ada@example.com", null),
                        tuple(SecurityEventType.SIGN_UP, false, null, "ada@example.com", "EMAIL_TAKEN"),
                        tuple(SecurityEventType.SIGN_IN, false, null, "ada@example.com", "INVALID_EMAIL_OR_PASSWORD"),
                        tuple(SecurityEventType.SIGN_UP, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.EMAIL_VERIFICATION, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.SIGN_IN, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.PASSWORD_CHANGE, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.PASSWORD_RESET_REQUEST, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.PASSWORD_RESET_REQUEST, false, null, "nobody@example.com",
                                "USER_NOT_FOUND"),
                        tuple(SecurityEventType.PASSWORD_RESET, true, grace, null, null),
                        tuple(SecurityEventType.PASSWORD_RESET, false, null, null, "INVALID_TOKEN"),
                        tuple(SecurityEventType.SIGN_IN, true, grace, "grace@example.com", null),
                        tuple(SecurityEventType.SESSION_REVOCATION, true, grace, "grace@example.com", "other sessions"),
                        tuple(SecurityEventType.SIGN_OUT, true, grace, "grace@example.com", null));
        assertThat(auth.auditTrail.events()).allSatisfy(event -> assertThat(String.valueOf(event))
                .doesNotContain(PASSWORD, NEW_PASSWORD, "wrong password 1", again.token().value(), first.token().value()));
    }

    private String idOf(String email) {
        return auth.users.findByEmail(EmailAddress.parse(email).orElseThrow()).block().id().value();
    }

    @Test
    void recordWhenTheRequestNamesItsClientThenTheEventCarriesItsAddressAndUserAgent() {
        var client = new ClientInfo("203.0.113.7", "Mozilla/5.0 (test)");

        auth.signedIn(TestAuthService.signInCommand("ada@example.com", PASSWORD))
                .contextWrite(context -> ClientContext.with(context, client))
                .onErrorResume(unknown -> Mono.empty())
                .block();

        assertThat(auth.auditTrail.events()).singleElement().satisfies(event -> {
            assertThat(event.client()).isEqualTo(client);
            assertThat(event.occurredAt()).isEqualTo(auth.clock.instant());
        });
    }

    @Test
    void outcomeWhenTheTrailCannotBeWrittenThenTheActionsOwnResultAndErrorStand() {
        AuditTrail broken = new AuditTrail() {
            @Override
            public Mono<Void> append(SecurityEvent event) {
                return Mono.error(new IllegalStateException("trail gone"));
            }

            @Override
            public Flux<StoredSecurityEvent> find(SecurityEventFilter filter) {
                return Flux.error(new IllegalStateException("trail gone"));
            }

            @Override
            public Mono<Long> deleteBefore(Instant cutoff) {
                return Mono.error(new IllegalStateException("trail gone"));
            }
        };
        var events = new SecurityEvents(broken, auth.clock);

        StepVerifier.create(events.outcome(SecurityEventType.SIGN_IN, Mono.just("session"), Subject.NOBODY))
                .expectNext("session").verifyComplete();
        StepVerifier.create(events.outcome(SecurityEventType.SIGN_IN,
                        Mono.error(new AuthException(AuthError.INVALID_PASSWORD)),
                        Subject.NOBODY))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_PASSWORD));
    }
}
