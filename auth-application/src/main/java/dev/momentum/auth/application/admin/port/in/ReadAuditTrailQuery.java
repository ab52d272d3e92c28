package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

/** The audit trail, for administrators: filtered, newest first, a page at a time. */
public interface ReadAuditTrailQuery {

    Mono<AuditPageResult> read(UserId administrator, SecurityEventFilter filter);
}
