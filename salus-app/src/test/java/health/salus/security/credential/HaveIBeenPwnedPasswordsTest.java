package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HaveIBeenPwnedPasswordsTest {

    /** Not in the bundled list, so only the service can know it. */
    private static final String BREACHED_ONLY_ONLINE = "Tr0ub4dor&3 horse staple";
    private static final String STRONG = "vq7-Plum-Harbor-Quiet-92x";

    private static final CommonPasswordList LOCAL = new CommonPasswordList();

    private PwnedPasswordsSimulator simulator;
    private HaveIBeenPwnedPasswords hibp;

    @BeforeEach
    void start() throws IOException {
        simulator = new PwnedPasswordsSimulator().breached(BREACHED_ONLY_ONLINE, 3);
        hibp = new HaveIBeenPwnedPasswords(simulator.baseUrl(), LOCAL);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aPasswordTheServiceHasSeenIsBreached() {
        assertThat(LOCAL.isBreached(BREACHED_ONLY_ONLINE)).isFalse();

        assertThat(hibp.isBreached(BREACHED_ONLY_ONLINE)).isTrue();
    }

    @Test
    void aStrongUnseenPasswordIsNotBreached() {
        assertThat(hibp.isBreached(STRONG)).isFalse();
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void paddingEntriesWithCountZeroDoNotCountAsBreached() {
        simulator.breached(STRONG, 0);

        assertThat(hibp.isBreached(STRONG)).isFalse();
    }

    @Test
    void onlyTheFiveCharacterPrefixReachesTheServiceAndPaddingIsRequested() {
        hibp.isBreached(BREACHED_ONLY_ONLINE);
        hibp.isBreached(STRONG);

        String breachedHash = PwnedPasswordsSimulator.sha1Hex(BREACHED_ONLY_ONLINE);
        String strongHash = PwnedPasswordsSimulator.sha1Hex(STRONG);
        assertThat(simulator.requests())
                .extracting(PwnedPasswordsSimulator.Request::path)
                .containsExactly("/range/" + breachedHash.substring(0, 5), "/range/" + strongHash.substring(0, 5))
                .allSatisfy(path -> assertThat(path)
                        .matches("/range/[0-9A-F]{5}")
                        .doesNotContainIgnoringCase(breachedHash.substring(5))
                        .doesNotContainIgnoringCase(strongHash.substring(5)));
        assertThat(simulator.requests()).extracting(PwnedPasswordsSimulator.Request::addPadding)
                .containsOnly("true");
    }

    @Test
    void theLocalListIsCheckedFirstWithoutAskingTheService() {
        assertThat(hibp.isBreached("Password123")).isTrue();
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void anUnreachableServiceFallsBackToTheLocalList() throws IOException {
        HaveIBeenPwnedPasswords unreachable = new HaveIBeenPwnedPasswords(closedPort(), LOCAL);

        assertThat(unreachable.isBreached("password123")).isTrue();
        assertThat(unreachable.isBreached(BREACHED_ONLY_ONLINE)).isFalse();
    }

    @Test
    void aServiceErrorFallsBackToTheLocalList() {
        simulator.respondWith(503);

        assertThat(hibp.isBreached(BREACHED_ONLY_ONLINE)).isFalse();
        assertThat(hibp.isBreached("qwerty123456")).isTrue();
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    @Timeout(10) // a regression here would otherwise hang the build, not fail it
    void aServiceThatStopsMidResponseFallsBackToTheLocalList() {
        simulator.stallAfterHeaders();
        HaveIBeenPwnedPasswords impatient =
                new HaveIBeenPwnedPasswords(simulator.baseUrl(), LOCAL, Duration.ofMillis(300));

        assertThat(impatient.isBreached(BREACHED_ONLY_ONLINE)).isFalse();
        assertThat(impatient.isBreached("qwerty123456")).isTrue();
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsTolerated() {
        HaveIBeenPwnedPasswords slashed =
                new HaveIBeenPwnedPasswords(URI.create(simulator.baseUrl() + "/"), LOCAL);

        assertThat(slashed.isBreached(BREACHED_ONLY_ONLINE)).isTrue();
        assertThat(simulator.requests()).extracting(PwnedPasswordsSimulator.Request::path)
                .allSatisfy(path -> assertThat(path).startsWith("/range/"));
    }

    /** A loopback port nobody listens on: connecting is refused at once. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
