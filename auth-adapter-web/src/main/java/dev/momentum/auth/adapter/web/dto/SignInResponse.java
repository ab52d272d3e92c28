package dev.momentum.auth.adapter.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

public record SignInResponse(boolean redirect, String token,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String url, UserResponse user) {
}
