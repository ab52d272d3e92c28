package dev.momentum.auth.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    @Test
    void allWithinWhenEachIsAllowedThenThemOnceAndWhenAnyIsNotThenNothing() {
        var mcp = new ResourceIndicator("https://mcp.example.com/mcp");
        var api = new ResourceIndicator("https://api.example.com");

        assertThat(ResourceIndicator.allWithin(List.of(mcp.value(), api.value(), mcp.value()), List.of(api, mcp)))
                .hasValue(List.of(mcp, api));
        assertThat(ResourceIndicator.allWithin(List.of(), List.of(mcp))).hasValue(List.of());
        assertThat(ResourceIndicator.allWithin(List.of(mcp.value(), "https://other.example.com"), List.of(mcp)))
                .isEmpty();
        assertThat(ResourceIndicator.allWithin(List.of("https://mcp.example.com/mcp/"), List.of(mcp)))
                .as("compared as written").isEmpty();
        assertThat(ResourceIndicator.allWithin(List.of("not a uri"), List.of(mcp))).isEmpty();
    }
}
