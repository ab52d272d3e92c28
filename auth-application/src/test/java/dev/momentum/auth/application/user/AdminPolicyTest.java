package dev.momentum.auth.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.testing.TestUsers;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AdminPolicy policy = new AdminPolicy(Set.of(EmailAddress.parse("ops@example.com").orElseThrow()));

    private static User user(String email, boolean verified, String role, boolean disabled) {
        var user = TestUsers.user("u-" + email).named("Ops").email(email).verified(verified).role(role).createdAt(NOW);
        return (disabled ? user.disabled() : user).build();
    }

    @Test
    void isAdminWhenListedAndVerifiedOrStoredRoleThenAdminUnlessDisabled() {
        assertThat(policy.isAdmin(user("ops@example.com", true, null, false))).isTrue();
        assertThat(policy.isAdmin(user("ops@example.com", false, null, false)))
                .as("an unverified address proves nothing").isFalse();
        assertThat(policy.isAdmin(user("ada@example.com", false, "admin", false))).isTrue();
        assertThat(policy.isAdmin(user("ops@example.com", true, "admin", true))).as("disabled").isFalse();
        assertThat(policy.isAdmin(user("ada@example.com", true, "user", false))).isFalse();
    }

    @Test
    void roleOfWhenAdminOrStoredOrNoneThenTheTokensRole() {
        assertThat(policy.roleOf(user("ops@example.com", true, null, false))).isEqualTo("admin");
        assertThat(policy.roleOf(user("ada@example.com", true, "user", false))).isEqualTo("user");
        assertThat(policy.roleOf(user("ada@example.com", true, null, false))).isEqualTo("user");
    }

    @Test
    void readWhenAdminEmailsListedThenNormalisedAndAnyNonAddressNamed() {
        var env = new SettingsReader(Map.of("ADMIN_EMAILS", "Ops@Example.com, not-an-address")::get);

        var read = AdminPolicy.read(env);

        assertThat(read.adminEmails()).containsExactly(EmailAddress.parse("ops@example.com").orElseThrow());
        assertThat(env.problems()).containsExactly("ADMIN_EMAILS holds 'not-an-address', which is not an email address");
    }
}
