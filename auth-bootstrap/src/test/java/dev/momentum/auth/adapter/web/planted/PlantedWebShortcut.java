package dev.momentum.auth.adapter.web.planted;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.application.service.SignOutService;

/** The web adapter reaching past the ports into a service and into another adapter, on purpose. Never used. */
public class PlantedWebShortcut {

    public Class<?> service() {
        return SignOutService.class;
    }

    public String otherAdapter() {
        return DatabaseUrl.parse("postgres://u:p@h/d").host();
    }
}
