package dev.momentum.auth.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserProfileTest {

    @Test
    void problemWithWhenEmptyNameThenNone() {
        assertThat(UserProfile.problemWith("", null)).isEmpty();
    }

    @Test
    void problemWhenNameHasLineBreakThenName() {
        assertThat(UserProfile.problemWith("Ada\r\nBcc: evil@example.com", null)).contains("name");
    }

    @Test
    void problemWhenNameTooLongThenName() {
        assertThat(UserProfile.problemWith("x".repeat(UserProfile.MAX_NAME_LENGTH + 1), null)).contains("name");
    }

    @Test
    void problemWhenImageTooLongThenImage() {
        assertThat(UserProfile.problemWith("Ada", "x".repeat(UserProfile.MAX_IMAGE_LENGTH + 1))).contains("image");
    }
}
