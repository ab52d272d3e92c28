package dev.momentum.auth.adapter.web.credential;

public record SignInRequest(String email, String password, String callbackURL, Boolean rememberMe) {
}
