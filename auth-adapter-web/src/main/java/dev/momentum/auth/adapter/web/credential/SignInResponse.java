package dev.momentum.auth.adapter.web.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.momentum.auth.adapter.web.UserResponse;

public record SignInResponse(boolean redirect, String token,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String url, UserResponse user) {
}
