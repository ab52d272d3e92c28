package dev.momentum.auth.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceIndicatorTest {

    @Test
    void parseWhenAnAbsoluteUriWithoutFragmentThenItAsWrittenAndOtherwiseNothing() {
        assertThat(ResourceIndicator.parse("https://mcp.example.com/mcp")).hasValue(
                new ResourceIndicator("https://mcp.example.com/mcp"));
        assertThat(ResourceIndicator.parse("http://localhost:8080")).isPresent();
        for (String refused : new String[] {"https://mcp.example.com/mcp#x", "/mcp", "mcp.example.com",
                "urn:example:resource", "https://user@mcp.example.com/", "", null}) {
            assertThat(ResourceIndicator.parse(refused)).as(String.valueOf(refused)).isEmpty();
        }
        assertThatThrownBy(() -> new ResourceIndicator("/relative")).isInstanceOf(IllegalArgumentException.class);
    }
}
