package dev.momentum.auth.adapter.web.error;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/** A failure that only the HTTP layer knows about (origin checks, media types, sizes), with its public code. */
public final class HttpProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public HttpProblem(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status cannot be null");
        this.code = Objects.requireNonNull(code, "code cannot be null");
    }

    /** How better-auth's zod schemas word a required field that is absent. */
    public static final String ABSENT = "Invalid input: expected string, received undefined";

    /** A request the web adapter cannot read into a command: better-auth's VALIDATION_ERROR, worded as its schemas word it. */
    public static HttpProblem invalidInput(String message) {
        return new HttpProblem(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message);
    }

    /** @param path where the value was expected, such as {@code query.token} */
    public static HttpProblem absent(String path) {
        return invalidInput("[" + path + "] " + ABSENT);
    }

    public static HttpProblem forbidden(String code, String message) {
        return new HttpProblem(HttpStatus.FORBIDDEN, code, message);
    }

    public static HttpProblem invalidCallbackUrl(String field) {
        return switch (field) {
            case "redirectTo" -> forbidden("INVALID_REDIRECT_URL", "Invalid redirectURL");
            case "errorCallbackURL" -> forbidden("INVALID_ERROR_CALLBACK_URL", "Invalid errorCallbackURL");
            case "newUserCallbackURL" -> forbidden("INVALID_NEW_USER_CALLBACK_URL", "Invalid newUserCallbackURL");
            default -> forbidden("INVALID_CALLBACK_URL", "Invalid callbackURL");
        };
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
