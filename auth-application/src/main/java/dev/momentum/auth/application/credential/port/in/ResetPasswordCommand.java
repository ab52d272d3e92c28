package dev.momentum.auth.application.credential.port.in;

/** Both nullable: a missing token or password is an answer of the use case, not a programming error. */
public record ResetPasswordCommand(String token, String newPassword) {

    @Override
    public String toString() {
        return "ResetPasswordCommand[token and password hidden]";
    }
}
