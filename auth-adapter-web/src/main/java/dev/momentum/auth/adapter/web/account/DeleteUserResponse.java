package dev.momentum.auth.adapter.web.account;

import dev.momentum.auth.application.account.port.in.DeleteUserUseCase.DeleteUserResult;

public record DeleteUserResponse(boolean success, String message) {

    public static DeleteUserResponse of(DeleteUserResult result) {
        return new DeleteUserResponse(true, switch (result) {
            case DELETED -> "User deleted";
            case CONFIRMATION_SENT -> "Verification email sent";
        });
    }
}
