package dev.momentum.auth.domain.audit;

/** An event as the trail keeps it: {@code id} grows with every event, so it orders and pages them. */
public record StoredSecurityEvent(long id, SecurityEvent event) {
}
