package dev.momentum.auth.adapter.mail.planted;

import dev.momentum.auth.application.credential.port.in.SignInUseCase;

/** A driven adapter driving a use case, on purpose. Never used. */
public class PlantedDrivingMailer {

    public Class<?> drives() {
        return SignInUseCase.class;
    }
}
