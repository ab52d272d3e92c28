package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.user.User;

public record SignUpResult(User user) {
}
