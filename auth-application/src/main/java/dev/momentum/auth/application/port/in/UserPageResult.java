package dev.momentum.auth.application.port.in;

import dev.momentum.auth.application.port.out.UserAdministration.AdministeredUser;
import java.util.List;

public record UserPageResult(List<AdministeredUser> users, long total) {
}
