package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.out.AccountMail;
import dev.momentum.auth.application.port.out.AccountMailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

final class RecordingMailer implements AccountMailer {

    final List<AccountMail> sent = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> send(AccountMail mail) {
        return Mono.fromRunnable(() -> sent.add(mail));
    }
}
