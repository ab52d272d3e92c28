package dev.momentum.auth.adapter.web.dto;

public record SignInRequest(String email, String password, String callbackURL, Boolean rememberMe) {
}
