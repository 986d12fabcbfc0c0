package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    private final RecoveryCodes recoveryCodes = new RecoveryCodes(new PasswordHashing().passwordEncoder());

    @Test
    void tenCodesOfTenUnambiguousCharactersShownInTwoGroups() {
        List<String> codes = recoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code)
                        .matches("[a-z2-9]{5}-[a-z2-9]{5}")
                        .doesNotContain("0", "o", "1", "l", "i"));
    }

    @Test
    void codesDoNotRepeatAcrossGenerations() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.addAll(recoveryCodes.generate());
        }
        assertThat(seen).hasSize(500);
    }

    @Test
    void aCodeMatchesWhateverItsCaseSpacesOrDashes() {
        String hash = recoveryCodes.hash("abcde-fghjk");

        assertThat(hash).startsWith("{argon2}");
        assertThat(recoveryCodes.matches("ABCDEFGHJK", hash)).isTrue();
        assertThat(recoveryCodes.matches(" abcde fghjk ", hash)).isTrue();
        assertThat(recoveryCodes.matches("abcde–fghjk", hash)).isTrue(); // an en dash, as word processors make
    }

    @Test
    void aGeneratedCodeRoundTrips() {
        String code = recoveryCodes.generate().get(0);

        assertThat(recoveryCodes.matches(code, recoveryCodes.hash(code))).isTrue();
    }

    @Test
    void aWrongCodeDoesNotMatch() {
        String hash = recoveryCodes.hash("abcde-fghjk");

        assertThat(recoveryCodes.matches("abcde-fghjm", hash)).isFalse();
        assertThat(recoveryCodes.matches("abcde-fghj", hash)).isFalse();
        assertThat(recoveryCodes.matches(null, hash)).isFalse();
        assertThat(recoveryCodes.matches("abcde-fghjk", null)).isFalse();
    }

    @Test
    void onlyWellFormedCodesAreHashed() {
        assertThatThrownBy(() -> recoveryCodes.hash("abcde-fghij")) // 'i' is not in the alphabet
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("abcde");
        assertThatThrownBy(() -> recoveryCodes.hash("")).isInstanceOf(IllegalArgumentException.class);
    }
}
