package dev.momentum.auth.adapter.web.operations;

public record StatusResponse(boolean status) {

    public static final StatusResponse TRUE = new StatusResponse(true);
}
