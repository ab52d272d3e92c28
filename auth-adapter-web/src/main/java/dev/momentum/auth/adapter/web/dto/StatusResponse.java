package dev.momentum.auth.adapter.web.dto;

public record StatusResponse(boolean status) {

    public static final StatusResponse TRUE = new StatusResponse(true);
}
