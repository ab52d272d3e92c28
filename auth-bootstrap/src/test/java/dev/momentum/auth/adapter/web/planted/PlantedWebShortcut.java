package dev.momentum.auth.adapter.web.planted;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.session.port.out.SessionRepository;

/** The web adapter reaching past the in-ports into a service, an out-port and another adapter, on purpose. Never used. */
public class PlantedWebShortcut {

    public Class<?> service() {
        return SignOutService.class;
    }

    public Class<?> outPort() {
        return SessionRepository.class;
    }

    public String otherAdapter() {
        return DatabaseUrl.parse("postgres://u:p@h/d").host();
    }
}
