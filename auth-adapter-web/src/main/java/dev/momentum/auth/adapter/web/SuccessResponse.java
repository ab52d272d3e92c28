package dev.momentum.auth.adapter.web;

public record SuccessResponse(boolean success) {

    public static final SuccessResponse TRUE = new SuccessResponse(true);
}
