package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.user.AdministeredUser;
import java.util.List;

public record UserPageResult(List<AdministeredUser> users, long total) {
}
