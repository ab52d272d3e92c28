package dev.momentum.auth.adapter.web.dto;

import dev.momentum.auth.application.port.in.DeleteUserUseCase.DeleteUserResult;

public record DeleteUserResponse(boolean success, String message) {

    public static DeleteUserResponse of(DeleteUserResult result) {
        return new DeleteUserResponse(true, switch (result) {
            case DELETED -> "User deleted";
            case CONFIRMATION_SENT -> "Verification email sent";
        });
    }
}
