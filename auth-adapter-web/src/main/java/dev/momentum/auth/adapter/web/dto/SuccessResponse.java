package dev.momentum.auth.adapter.web.dto;

public record SuccessResponse(boolean success) {

    public static final SuccessResponse TRUE = new SuccessResponse(true);
}
