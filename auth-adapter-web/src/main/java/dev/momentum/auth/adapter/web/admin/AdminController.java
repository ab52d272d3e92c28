package dev.momentum.auth.adapter.web.admin;

import dev.momentum.auth.adapter.web.SuccessResponse;
import dev.momentum.auth.adapter.web.admin.AdminResponses.AdminUserResponse;
import dev.momentum.auth.adapter.web.admin.AdminResponses.AuditPageResponse;
import dev.momentum.auth.adapter.web.admin.AdminResponses.DisableUserRequest;
import dev.momentum.auth.adapter.web.admin.AdminResponses.KeyRotationResponse;
import dev.momentum.auth.adapter.web.admin.AdminResponses.SetRoleRequest;
import dev.momentum.auth.adapter.web.admin.AdminResponses.UserPageResponse;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.application.admin.port.in.DisableUserCommand;
import dev.momentum.auth.application.admin.port.in.DisableUserUseCase;
import dev.momentum.auth.application.admin.port.in.EnableUserUseCase;
import dev.momentum.auth.application.admin.port.in.EndUserSessionsUseCase;
import dev.momentum.auth.application.admin.port.in.FindUserQuery;
import dev.momentum.auth.application.admin.port.in.ReadAuditTrailQuery;
import dev.momentum.auth.application.admin.port.in.RemoveSecondFactorUseCase;
import dev.momentum.auth.application.admin.port.in.RemoveUserUseCase;
import dev.momentum.auth.application.admin.port.in.SearchUsersQuery;
import dev.momentum.auth.application.admin.port.in.SetRoleCommand;
import dev.momentum.auth.application.admin.port.in.SetRoleUseCase;
import dev.momentum.auth.application.admin.port.in.UserActionCommand;
import dev.momentum.auth.application.admin.port.in.UserSearchQuery;
import dev.momentum.auth.application.signing.port.in.RotateSigningKeysUseCase;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The admin API (ADR-0034): users, the audit trail and signing keys, for bearers of a token of
 * ours that says {@code role: admin}. The use cases check the acting user again, live.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private final SearchUsersQuery searchUsers;
    private final FindUserQuery findUser;
    private final DisableUserUseCase disableUser;
    private final EnableUserUseCase enableUser;
    private final SetRoleUseCase setRole;
    private final EndUserSessionsUseCase endSessions;
    private final RemoveUserUseCase removeUser;
    private final RemoveSecondFactorUseCase removeSecondFactor;
    private final ReadAuditTrailQuery auditTrail;
    private final RotateSigningKeysUseCase signingKeys;

    public AdminController(SearchUsersQuery searchUsers, FindUserQuery findUser, DisableUserUseCase disableUser,
                           EnableUserUseCase enableUser, SetRoleUseCase setRole, EndUserSessionsUseCase endSessions,
                           RemoveUserUseCase removeUser, RemoveSecondFactorUseCase removeSecondFactor,
                           ReadAuditTrailQuery auditTrail, RotateSigningKeysUseCase signingKeys) {
        this.searchUsers = searchUsers;
        this.findUser = findUser;
        this.disableUser = disableUser;
        this.enableUser = enableUser;
        this.setRole = setRole;
        this.endSessions = endSessions;
        this.removeUser = removeUser;
        this.removeSecondFactor = removeSecondFactor;
        this.auditTrail = auditTrail;
        this.signingKeys = signingKeys;
    }

    @GetMapping("/users")
    public Mono<UserPageResponse> searchUsers(@AuthenticationPrincipal Jwt token,
                                              @RequestParam(required = false) String search,
                                              @RequestParam(required = false) String limit,
                                              @RequestParam(required = false) String offset) {
        return Mono.fromCallable(() -> new UserSearchQuery(administrator(token), search,
                        number("limit", limit, 50, 1, UserSearchQuery.MAX_LIMIT),
                        number("offset", offset, 0, 0, Integer.MAX_VALUE)))
                .flatMap(searchUsers::search)
                .map(UserPageResponse::of);
    }

    @GetMapping("/users/{id}")
    public Mono<AdminUserResponse> user(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return findUser.find(onUser(token, id)).map(AdminUserResponse::of);
    }

    @PostMapping("/users/{id}/disable")
    public Mono<SuccessResponse> disable(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                         @RequestBody(required = false) DisableUserRequest body) {
        var command = new DisableUserCommand(onUser(token, id), body == null ? null : body.reason());
        return disableUser.disable(command).thenReturn(new SuccessResponse(true));
    }

    @PostMapping("/users/{id}/enable")
    public Mono<SuccessResponse> enable(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return enableUser.enable(onUser(token, id)).thenReturn(new SuccessResponse(true));
    }

    @PutMapping("/users/{id}/role")
    public Mono<SuccessResponse> setRole(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                         @RequestBody(required = false) SetRoleRequest body) {
        var command = new SetRoleCommand(onUser(token, id), body == null ? null : body.role());
        return setRole.setRole(command).thenReturn(new SuccessResponse(true));
    }

    @DeleteMapping("/users/{id}/sessions")
    public Mono<SuccessResponse> endSessions(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return endSessions.endSessions(onUser(token, id)).thenReturn(new SuccessResponse(true));
    }

    /** For a user who lost their authenticator app and backup codes; audited as TWO_FACTOR_DISABLED. */
    @DeleteMapping("/users/{id}/second-factor")
    public Mono<SuccessResponse> removeSecondFactor(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return removeSecondFactor.removeSecondFactor(onUser(token, id)).thenReturn(new SuccessResponse(true));
    }

    @DeleteMapping("/users/{id}")
    public Mono<SuccessResponse> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return removeUser.remove(onUser(token, id)).thenReturn(new SuccessResponse(true));
    }

    @GetMapping("/audit-events")
    public Mono<AuditPageResponse> auditEvents(@AuthenticationPrincipal Jwt token,
                                               @RequestParam(required = false) String userId,
                                               @RequestParam(required = false) String email,
                                               @RequestParam(required = false) String type,
                                               @RequestParam(required = false) String outcome,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String before,
                                               @RequestParam(required = false) String limit) {
        return Mono.fromCallable(() -> new SecurityEventFilter(
                        optional(userId, UserId::new),
                        optional(email, value -> EmailAddress.parse(value).map(EmailAddress::value)
                                .orElseThrow(() -> invalid("email", value))),
                        optional(type, value -> parseType(value)),
                        optional(outcome, value -> switch (value) {
                            case "success" -> true;
                            case "failure" -> false;
                            default -> throw invalid("outcome", value);
                        }),
                        optional(from, value -> instant("from", value)),
                        optional(to, value -> instant("to", value)),
                        optional(before, value -> eventId(value)),
                        number("limit", limit, 100, 1, SecurityEventFilter.MAX_LIMIT)))
                .flatMap(filter -> auditTrail.read(administrator(token), filter))
                .map(AuditPageResponse::of);
    }

    @PostMapping("/signing-keys/rotate")
    public Mono<KeyRotationResponse> rotateSigningKeys(@AuthenticationPrincipal Jwt token) {
        return signingKeys.rotateNow(administrator(token)).map(KeyRotationResponse::new);
    }

    private static UserId administrator(Jwt token) {
        return new UserId(token.getSubject());
    }

    private static UserActionCommand onUser(Jwt token, String id) {
        return new UserActionCommand(administrator(token), new UserId(id));
    }

    private static <T> Optional<T> optional(String value, Function<String, T> parse) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse.apply(value.strip()));
    }

    private static SecurityEventType parseType(String value) {
        try {
            return SecurityEventType.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw invalid("type", value);
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            throw invalid(name, value);
        }
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException malformed) {
            // answered below, as an out-of-range number is
        }
        throw HttpProblem.invalidInput("[query." + name + "] must be a whole number from " + min + " to " + max);
    }

    private static long eventId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException malformed) {
            // answered below, as an id below 1 is
        }
        throw invalid("before", value);
    }

    private static HttpProblem invalid(String name, String value) {
        return HttpProblem.invalidInput("[query." + name + "] Invalid value");
    }
}
