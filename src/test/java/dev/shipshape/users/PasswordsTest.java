package dev.shipshape.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashIsArgon2idSaltedAndMatchesOnlyItsPassword() {
        String first = Passwords.hash("correct-horse-battery");
        String second = Passwords.hash("correct-horse-battery");

        assertThat(first).startsWith("$argon2id$v=19$").doesNotContain("correct-horse-battery");
        assertThat(first).isNotEqualTo(second);
        assertThat(Passwords.matches("correct-horse-battery", first)).isTrue();
        assertThat(Passwords.matches("correct-horse-batterx", first)).isFalse();
        assertThat(Passwords.matches("correct-horse-battery", "not a hash")).isFalse();
        assertThat(Passwords.matches("correct-horse-battery", null)).isFalse();
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThatThrownBy(() -> Passwords.hash("elevenchars"))
                .isInstanceOf(ShipshapeException.class).hasMessageContaining("at least 12 characters");
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertThat(Role.ADMIN.includes(Role.DEPLOYER)).isTrue();
        assertThat(Role.APPROVER.includes(Role.DEPLOYER)).isTrue();
        assertThat(Role.DEPLOYER.includes(Role.APPROVER)).isFalse();
        assertThat(Role.of("viewer")).isEqualTo(Role.VIEWER);
    }
}
