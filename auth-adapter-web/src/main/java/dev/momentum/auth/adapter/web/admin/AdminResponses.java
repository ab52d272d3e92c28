package dev.momentum.auth.adapter.web.admin;

import dev.momentum.auth.application.admin.port.in.AuditPageResult;
import dev.momentum.auth.application.admin.port.in.UserPageResult;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.util.List;

/** The admin API's JSON: users as administrators see them, and audit events. */
final class AdminResponses {

    private AdminResponses() {
    }

    record AdminUserResponse(String id, String name, String email, boolean emailVerified, String image,
                             String createdAt, String updatedAt, String role, boolean disabled, String disabledReason,
                             boolean twoFactorEnabled) {

        static AdminUserResponse of(AdministeredUser administered) {
            User user = administered.user();
            return new AdminUserResponse(user.id().value(), user.name(), user.email().value(), user.emailVerified(),
                    user.image(), user.createdAt().toString(), user.updatedAt().toString(),
                    user.role() == null ? "user" : user.role(), user.disabled(), administered.disabledReason(),
                    user.twoFactorEnabled());
        }
    }

    record UserPageResponse(List<AdminUserResponse> users, long total) {

        static UserPageResponse of(UserPageResult page) {
            return new UserPageResponse(page.users().stream().map(AdminUserResponse::of).toList(), page.total());
        }
    }

    record AuditEventResponse(long id, String occurredAt, String type, String outcome, String userId, String actorId,
                              String email, String ipAddress, String userAgent, String detail) {

        static AuditEventResponse of(StoredSecurityEvent stored) {
            var event = stored.event();
            return new AuditEventResponse(stored.id(), event.occurredAt().toString(), event.type().name(),
                    event.succeeded() ? "success" : "failure", valueOf(event.userId()), valueOf(event.actorId()),
                    event.email(), event.client().ipAddress(), event.client().userAgent(), event.detail());
        }

        private static String valueOf(UserId id) {
            return id == null ? null : id.value();
        }
    }

    /** @param nextBefore the {@code before} of the next page; null on the last one */
    record AuditPageResponse(List<AuditEventResponse> events, Long nextBefore) {

        static AuditPageResponse of(AuditPageResult page) {
            return new AuditPageResponse(page.events().stream().map(AuditEventResponse::of).toList(),
                    page.nextBeforeId().orElse(null));
        }
    }

    record KeyRotationResponse(String kid) {
    }

    record DisableUserRequest(String reason) {
    }

    record SetRoleRequest(String role) {
    }
}
