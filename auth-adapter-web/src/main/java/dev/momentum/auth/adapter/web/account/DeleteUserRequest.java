package dev.momentum.auth.adapter.web.account;

public record DeleteUserRequest(String callbackURL, String password, String token) {

    @Override
    public String toString() {
        return "DeleteUserRequest[callbackURL=" + callbackURL + ", password and token hidden]";
    }
}
