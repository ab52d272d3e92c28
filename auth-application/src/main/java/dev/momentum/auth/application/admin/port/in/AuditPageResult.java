package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import java.util.List;
import java.util.Optional;

/** @param nextBeforeId where the next page starts ({@code beforeId}); empty on the last page */
public record AuditPageResult(List<StoredSecurityEvent> events, Optional<Long> nextBeforeId) {
}
