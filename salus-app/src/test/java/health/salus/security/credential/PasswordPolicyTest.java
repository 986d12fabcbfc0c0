package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final CommonPasswordList LOCAL = new CommonPasswordList();
    private final PasswordPolicy policy = new PasswordPolicy(LOCAL);

    @Test
    void aLongUncommonPassphraseIsAcceptable() {
        assertThat(policy.problems("alice", "harbor lantern quietly 42")).isEmpty();
    }

    @Test
    void twelveCharactersIsTheMinimum() {
        assertThat(policy.problems("alice", "xq7-plum-9z")).singleElement().asString().contains("at least 12");
        assertThat(policy.problems("alice", "xq7-plum-9zk")).isEmpty();
    }

    @Test
    void oneHundredTwentyEightCharactersIsTheMaximum() {
        String longest = "xq7-plum-9zk".repeat(10) + "harbor42";
        assertThat(longest).hasSize(128);

        assertThat(policy.problems("alice", longest)).isEmpty();
        assertThat(policy.problems("alice", longest + "!")).singleElement().asString().contains("at most 128");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // 11 characters, but 17 UTF-16 units: still too short
        String elevenWithEmoji = "🌊🌲🍋🎈🐢🦉" + "plumx";
        assertThat(elevenWithEmoji.length()).isEqualTo(17);

        assertThat(policy.problems("alice", elevenWithEmoji)).singleElement().asString().contains("at least 12");
    }

    @Test
    void aCommonPasswordIsRejectedWhateverItsCase() {
        assertThat(policy.problems("alice", "QwErTy123456")).singleElement().asString().contains("common");
    }

    @Test
    void aPasswordTheBreachPortReportsIsRejected() {
        PasswordPolicy withPort = new PasswordPolicy(password -> password.equals("harbor lantern quietly 42"));

        assertThat(withPort.problems("alice", "harbor lantern quietly 42")).singleElement().asString()
                .contains("breach");
        assertThat(withPort.problems("alice", "another lantern quietly 42")).isEmpty();
    }

    @Test
    void aPasswordContainingTheUsernameIsRejectedIgnoringCase() {
        assertThat(policy.problems("Alice.Smith", "my ALICE.SMITH garden 7")).singleElement().asString()
                .contains("username");
    }

    @Test
    void aUsernameShorterThanThreeCharactersIsNotChecked() {
        assertThat(policy.problems("jo", "jolly harbor lantern 42")).isEmpty();
    }

    @Test
    void aSingleRepeatedCharacterIsRejected() {
        assertThat(policy.problems("alice", "zzzzzzzzzzzzzzzz")).anySatisfy(p -> assertThat(p).contains("repeat"));
    }

    @Test
    void aMissingPasswordIsTooShortRatherThanAnError() {
        assertThat(policy.problems(null, null)).singleElement().asString().contains("at least 12");
    }

    @Test
    void problemsNeverRepeatThePassword() {
        List<String> weak = List.of("alice-in-wonder", "qwerty123456", "zzzzzzzzzzzzzzzz", "short7", "alice");
        for (String password : weak) {
            assertThat(policy.problems("alice", password)).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).doesNotContain(password));
        }
    }

    @Test
    void requireThrowsWithTheProblemsAndASafeMessage() {
        WeakPasswordException thrown = catchThrowableOfType(WeakPasswordException.class,
                () -> policy.require("alice", "alice1234"));

        assertThat(thrown.problems()).hasSize(2);
        assertThat(thrown.code()).isEqualTo("weak-password");
        assertThat(thrown.getMessage()).doesNotContain("alice1234");
    }

    @Test
    void requireAcceptsAGoodPassword() {
        assertThatCode(() -> policy.require("alice", "harbor lantern quietly 42")).doesNotThrowAnyException();
    }
}
