package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientIdUrl;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthClient.FetchedDocument;
import dev.momentum.auth.domain.oauth.OAuthClient.Origin;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The clients the authorization endpoint may meet (ADR-0053): registered ones, and those whose
 * {@code client_id} is the HTTPS URL of their metadata document. Such a client is kept like any
 * other, so that codes, grants, consents and an administrator's disabling refer to it; its copy is
 * fetched again once HTTP caching says it is stale, and at most every hour.
 */
public final class DocumentClients {

    /** The longest a document's copy is used without asking its server again, whatever the server says. */
    static final Duration LONGEST_FRESHNESS = Duration.ofHours(1);

    /** Members a document must not have (section 4.1): it is public, so it holds no secret. */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("client_secret", "client_secret_expires_at",
            "registration_access_token", "registration_client_uri");

    private final OAuthClients clients;
    private final ClientDocuments documents;
    private final ClientRegistrationService registration;
    private final OAuthSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public DocumentClients(OAuthClients clients, ClientDocuments documents, ClientRegistrationService registration,
                    OAuthSettings settings, SecurityEvents events, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.documents = Objects.requireNonNull(documents, "documents cannot be null");
        this.registration = Objects.requireNonNull(registration, "registration cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /**
     * The client by its id, its document fetched when it is a URL whose copy is missing or stale;
     * empty when it is not known; an {@link OAuthException} {@code invalid_client} when its document
     * cannot be had or is not acceptable.
     */
    Mono<OAuthClient> find(String clientId) {
        if (!settings.metadataDocuments() || !ClientIdUrl.isMeant(clientId)) {
            return clients.find(clientId);
        }
        return Mono.defer(() -> {
            ClientIdUrl.Parsed parsed = ClientIdUrl.parse(clientId);
            if (parsed.url().isEmpty()) {
                return refused(clientId, parsed.refusal());
            }
            URI url = parsed.url().get();
            return clients.find(clientId)
                    .flatMap(stored -> stored.disabled() || !stored.documentStale(now()) ? Mono.just(stored)
                            : documents.metadataDocument(url, stored.document().flatMap(FetchedDocument::etag))
                                    .flatMap(fetched -> refreshed(stored, url, fetched)))
                    .switchIfEmpty(Mono.defer(() -> documents.metadataDocument(url, Optional.empty())
                            .flatMap(fetched -> added(url, fetched))))
                    .onErrorResume(OAuthException.class, refusal -> refused(clientId, refusal.description()));
        });
    }

    private Mono<OAuthClient> refreshed(OAuthClient stored, URI url, RemoteDocument<ClientMetadataDocument> fetched) {
        FetchedDocument copy = copyOf(fetched);
        OAuthClient current = fetched.content().map(document -> clientOf(url, document, copy))
                .map(stored::describedAs)
                .orElseGet(() -> stored.withDocument(copy));
        return clients.update(current).thenReturn(current);
    }

    private Mono<OAuthClient> added(URI url, RemoteDocument<ClientMetadataDocument> fetched) {
        ClientMetadataDocument document = fetched.content().orElseThrow(() ->
                new OAuthException(Code.INVALID_CLIENT, "the metadata document's server answered without one"));
        OAuthClient client = clientOf(url, document, copyOf(fetched));
        return clients.add(client)
                .flatMap(added -> added ? events.succeeded(SecurityEventType.OAUTH_CLIENT_REGISTRATION, Subject.NOBODY,
                        client.clientId() + " by its metadata document").thenReturn(client)
                        : clients.find(client.clientId()));
    }

    /** Section 4.1: the document is the URL's own, names the client, and gives it no secret. */
    private OAuthClient clientOf(URI url, ClientMetadataDocument document, FetchedDocument copy) {
        if (!url.toString().equals(document.clientId())) {
            throw new OAuthException(Code.INVALID_CLIENT, "the metadata document's client_id is not its URL");
        }
        Optional<String> forbidden = document.members().stream().filter(FORBIDDEN_MEMBERS::contains).sorted().findFirst();
        if (forbidden.isPresent()) {
            throw new OAuthException(Code.INVALID_CLIENT, "a metadata document must not have " + forbidden.get());
        }
        var metadata = document.metadata();
        ClientAuthentication authentication = Optional.ofNullable(metadata.tokenEndpointAuthMethod())
                .map(method -> ClientAuthentication.ofWireName(method)
                        .filter(EnumSet.of(ClientAuthentication.NONE, ClientAuthentication.PRIVATE_KEY_JWT)::contains)
                        .orElseThrow(() -> new OAuthException(Code.INVALID_CLIENT,
                                "a metadata document's token_endpoint_auth_method is none or private_key_jwt")))
                .orElse(ClientAuthentication.NONE);
        if (metadata.clientName() == null || metadata.clientName().isBlank()) {
            throw new OAuthException(Code.INVALID_CLIENT, "a metadata document names its client (client_name)");
        }
        if (metadata.redirectUris().isEmpty()) {
            throw new OAuthException(Code.INVALID_CLIENT, "a metadata document lists its redirect_uris");
        }
        if (metadata.grantTypes().contains(GrantType.CLIENT_CREDENTIALS.wireName())) {
            throw new OAuthException(Code.INVALID_CLIENT, "a client known by its document may not use client_credentials");
        }
        try {
            return registration.clientOf(document.clientId(), metadata, authentication, Optional.empty(), false,
                    Origin.METADATA_DOCUMENT, Optional.of(copy));
        } catch (OAuthException invalid) {
            throw new OAuthException(Code.INVALID_CLIENT, "the metadata document: " + invalid.description());
        }
    }

    private FetchedDocument copyOf(RemoteDocument<?> fetched) {
        Duration freshFor = fetched.freshFor().compareTo(LONGEST_FRESHNESS) > 0 ? LONGEST_FRESHNESS : fetched.freshFor();
        return new FetchedDocument(now().plus(freshFor), fetched.etag());
    }

    private Mono<OAuthClient> refused(String clientId, String reason) {
        return events.failed(SecurityEventType.OAUTH_CLIENT_REGISTRATION, Subject.NOBODY,
                        abbreviated(clientId) + " by its metadata document: " + reason)
                .then(Mono.error(new OAuthException(Code.INVALID_CLIENT, reason)));
    }

    private static String abbreviated(String text) {
        return text.length() > ClientIdUrl.LONGEST ? text.substring(0, ClientIdUrl.LONGEST) + "…" : text;
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
