package dev.momentum.auth.adapter.web.credential;

/** Extra keys are ignored, as better-auth ignores undeclared fields. */
public record SignUpRequest(String name, String email, String password, String image, String callbackURL,
                            Boolean rememberMe) {
}
