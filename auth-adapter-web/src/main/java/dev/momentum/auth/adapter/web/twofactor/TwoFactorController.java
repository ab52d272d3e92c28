package dev.momentum.auth.adapter.web.twofactor;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.adapter.web.session.SessionCookies;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.BackupCodesResponse;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.CodeRequest;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.EnableRequest;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.EnableResponse;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.PasswordRequest;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.SecondStepResponse;
import dev.momentum.auth.adapter.web.twofactor.TwoFactorRequests.TotpUriResponse;
import dev.momentum.auth.application.twofactor.port.in.ManageSecondFactorUseCase;
import dev.momentum.auth.application.twofactor.port.in.PasswordConfirmedCommand;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeCommand;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeUseCase;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorUseCase;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * better-auth's twoFactor plugin ({@code plugins/two-factor}): authenticator apps with backup
 * codes, and codes by mail ({@code otp}) through the service's mail outbox.
 */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH + "/two-factor")
public final class TwoFactorController {

    private static final String TOTP = "totp";
    private static final String OTP = "otp";

    private final ManageSecondFactorUseCase manage;
    private final VerifySecondFactorUseCase verify;
    private final SendSecondFactorCodeUseCase sendCode;
    private final SessionCredentials credentials;
    private final SessionCookies sessionCookies;
    private final SecondStepCookies cookies;

    TwoFactorController(ManageSecondFactorUseCase manage, VerifySecondFactorUseCase verify,
                        SendSecondFactorCodeUseCase sendCode, SessionCredentials credentials,
                        SessionCookies sessionCookies, SecondStepCookies cookies) {
        this.manage = manage;
        this.verify = verify;
        this.sendCode = sendCode;
        this.credentials = credentials;
        this.sessionCookies = sessionCookies;
        this.cookies = cookies;
    }

    /** {@code method: "otp"} enables codes by mail at once and replaces the session, as better-auth does. */
    @PostMapping("/enable")
    Mono<EnableResponse> enable(@RequestBody(required = false) EnableRequest request, ServerWebExchange exchange) {
        EnableRequest body = request == null ? new EnableRequest(null, null, null) : request;
        new RequiredFields().require("password", body.password()).check();
        String method = body.method() == null ? TOTP : body.method();
        return switch (method) {
            case TOTP -> manage.enableTotp(confirmed(body.password(), exchange), body.issuer())
                    .map(enrolment -> new EnableResponse(TOTP, enrolment.totpUri(), enrolment.backupCodes()));
            case OTP -> manage.enableMailedCodes(confirmed(body.password(), exchange)).map(session -> {
                sessionCookies.issue(exchange.getResponse(), session, true);
                return new EnableResponse(OTP, null, null);
            });
            default -> throw HttpProblem.invalidInput("[body.method] Invalid option: expected one of \"otp\"|\"totp\"");
        };
    }

    @PostMapping("/get-totp-uri")
    Mono<TotpUriResponse> totpUri(@RequestBody(required = false) PasswordRequest request, ServerWebExchange exchange) {
        return manage.totpUri(confirmed(passwordOf(request), exchange)).map(TotpUriResponse::new);
    }

    @PostMapping("/generate-backup-codes")
    Mono<BackupCodesResponse> generateBackupCodes(@RequestBody(required = false) PasswordRequest request,
                                                  ServerWebExchange exchange) {
        return manage.replaceBackupCodes(confirmed(passwordOf(request), exchange))
                .map(codes -> new BackupCodesResponse(true, codes));
    }

    @PostMapping("/disable")
    Mono<StatusResponse> disable(@RequestBody(required = false) PasswordRequest request, ServerWebExchange exchange) {
        return manage.disable(confirmed(passwordOf(request), exchange)).map(session -> {
            sessionCookies.issue(exchange.getResponse(), session, true);
            cookies.expireTrustedDevice(exchange.getResponse());
            return StatusResponse.TRUE;
        });
    }

    @PostMapping("/verify-totp")
    Mono<SecondStepResponse> verifyTotp(@RequestBody(required = false) CodeRequest request,
                                        ServerWebExchange exchange) {
        return verified(Proof.TOTP, request, exchange);
    }

    @PostMapping("/verify-backup-code")
    Mono<SecondStepResponse> verifyBackupCode(@RequestBody(required = false) CodeRequest request,
                                              ServerWebExchange exchange) {
        return verified(Proof.BACKUP_CODE, request, exchange);
    }

    /** To the signed-in user, or to the user of the two_factor cookie's challenge. */
    @PostMapping("/send-otp")
    Mono<StatusResponse> sendOtp(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return sendCode.send(new SendSecondFactorCodeCommand(credentials.token(request).orElse(null),
                cookies.challenge(request).orElse(null))).thenReturn(StatusResponse.TRUE);
    }

    @PostMapping("/verify-otp")
    Mono<SecondStepResponse> verifyOtp(@RequestBody(required = false) CodeRequest request,
                                       ServerWebExchange exchange) {
        return verified(Proof.OTP, request, exchange);
    }

    /**
     * A completed sign-in gets its session cookie and loses the challenge cookie; a trusted
     * browser gets its cookie; an enrolment that enabled the factor gets the rotated session.
     */
    private Mono<SecondStepResponse> verified(Proof proof, CodeRequest request, ServerWebExchange exchange) {
        CodeRequest body = request == null ? new CodeRequest(null, null, null) : request;
        new RequiredFields().require("code", body.code()).check();
        var http = exchange.getRequest();
        boolean rememberMe = !credentials.presentsDontRememberCookie(http);
        var command = new VerifySecondFactorCommand(proof, body.code(), credentials.token(http).orElse(null),
                cookies.challenge(http).orElse(null), Boolean.TRUE.equals(body.trustDevice()), rememberMe,
                ClientInfos.of(exchange));
        return verify.verify(command).map(result -> {
            var response = exchange.getResponse();
            if (result.started()) {
                sessionCookies.issue(response, result.session(), rememberMe);
            }
            if (command.challenge() != null) {
                cookies.expireChallenge(response);
            }
            result.trustedDevice().ifPresent(token -> cookies.issueTrustedDevice(response, token));
            return new SecondStepResponse(result.session().token().value(), UserResponse.from(result.session().user()));
        });
    }

    private PasswordConfirmedCommand confirmed(String password, ServerWebExchange exchange) {
        return new PasswordConfirmedCommand(credentials.token(exchange.getRequest()).orElse(null), password,
                ClientInfos.of(exchange));
    }

    private static String passwordOf(PasswordRequest request) {
        String password = request == null ? null : request.password();
        new RequiredFields().require("password", password).check();
        return password;
    }

}
