package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.error.HttpProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects missing required fields into one VALIDATION_ERROR, worded as better-auth's zod schemas word it. */
public final class RequiredFields {

    private final List<String> issues = new ArrayList<>();

    public RequiredFields require(String field, Object value) {
        if (value == null) {
            issues.add("[body." + field + "] " + HttpProblem.ABSENT);
        }
        return this;
    }

    public void check() {
        if (!issues.isEmpty()) {
            throw HttpProblem.invalidInput(String.join("; ", issues));
        }
    }
}
