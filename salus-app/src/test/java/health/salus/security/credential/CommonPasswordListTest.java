package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPasswordListTest {

    private static final CommonPasswordList LIST = new CommonPasswordList();

    @Test
    void loadsTheWholeBundledList() {
        assertThat(LIST.size()).isEqualTo(19_640);
    }

    @Test
    void findsListedPasswordsIgnoringCase() {
        assertThat(LIST.isBreached("123456")).isTrue();
        assertThat(LIST.isBreached("password123")).isTrue();
        assertThat(LIST.isBreached("PassWord123")).isTrue();
    }

    @Test
    void doesNotFindAnUnlistedPassword() {
        assertThat(LIST.isBreached("harbor lantern quietly 42")).isFalse();
        assertThat(LIST.isBreached(null)).isFalse();
    }
}
