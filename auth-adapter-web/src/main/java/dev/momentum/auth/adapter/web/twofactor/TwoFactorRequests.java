package dev.momentum.auth.adapter.web.twofactor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.momentum.auth.adapter.web.UserResponse;
import java.util.List;

/** The bodies of better-auth's twoFactor routes. */
final class TwoFactorRequests {

    private TwoFactorRequests() {
    }

    /** @param method "totp" (the default) or "otp" */
    record EnableRequest(String password, String issuer, String method) {
    }

    record PasswordRequest(String password) {
    }

    /** @param disableSession better-auth's flag on verify-backup-code, which changes nothing on the wire here */
    record CodeRequest(String code, Boolean trustDevice, Boolean disableSession) {
    }

    /** {@code totpURI} and {@code backupCodes} only for {@code method: "totp"}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnableResponse(String method, String totpURI, List<String> backupCodes) {
    }

    record TotpUriResponse(String totpURI) {
    }

    record BackupCodesResponse(boolean status, List<String> backupCodes) {
    }

    record SecondStepResponse(String token, UserResponse user) {
    }
}
