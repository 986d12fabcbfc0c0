package health.salus.security;

import health.salus.security.SecurityEvents.PasswordReset;
import health.salus.security.SecurityEvents.PasswordResetRequested;
import health.salus.security.credential.PasswordPolicy;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import health.salus.security.identity.PasswordResetRepository;
import health.salus.security.identity.PasswordResetRepository.Reset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a single-use link, valid for 30 minutes, emailed to the patient behind an
 * account. Asking never tells whether an account matched (the caller gets the same answer either
 * way) and at most {@value #LINKS_PER_HOUR} links an hour go to one account, silently. Setting the
 * password through the link obeys the password policy, spends every link of the account, clears the
 * count of failed sign-ins and signs out all the account's sessions; it does NOT lift a lockout or
 * enable a disabled account, so a stolen mailbox is no way round either.
 */
@Service
public class PasswordResets {

    public static final int LINKS_PER_HOUR = 3;
    static final String PATIENT = "Patient/";
    private static final int MAX_IDENTIFIER = 254;
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    /** What a link is now. */
    public enum LinkState { USABLE, SPENT, UNKNOWN }

    /** A link's state and, when it is usable, the username it resets (so the patient learns it again). */
    public record Link(LinkState state, Optional<String> username) {
    }

    private final AccountRepository accounts;
    private final PasswordResetRepository resets;
    private final PasswordResetMail mail;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final String linkBase;

    PasswordResets(AccountRepository accounts, PasswordResetRepository resets, PasswordResetMail mail,
            PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
            FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock,
            ApplicationEventPublisher events,
            @Value("${salus.security.password-reset.validity:PT30M}") Duration validity,
            @Value("${salus.security.password-reset.link-base:${salus.patients.portal-link-base:http://localhost:8080}}")
            String linkBase) {
        this.accounts = accounts;
        this.resets = resets;
        this.mail = mail;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
        this.validity = validity;
        this.linkBase = linkBase;
    }

    /**
     * Sends a link to every enabled patient account the username or email names; nothing else,
     * and no sign of which it was. The link base comes from configuration, never from the request's
     * Host header, so a forged request cannot point the link elsewhere.
     */
    @Transactional
    public void request(String usernameOrEmail) {
        String identifier = usernameOrEmail == null ? "" : usernameOrEmail.strip();
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER) {
            return;
        }
        Map<String, Account> matches = new LinkedHashMap<>();
        accounts.findByUsername(identifier).ifPresent(account -> matches.put(account.id(), account));
        if (identifier.contains("@")) {
            mail.patientsWithEmail(identifier).forEach(patientId -> accounts.idsLinkedTo(PATIENT + patientId)
                    .forEach(id -> accounts.findById(id).ifPresent(account -> matches.put(id, account))));
        }
        matches.values().stream().filter(Account::enabled)
                .filter(account -> account.fhirUser().filter(user -> user.startsWith(PATIENT)).isPresent())
                .forEach(this::sendLink);
    }

    public Link check(String token) {
        return usableAccount(token).map(account -> new Link(LinkState.USABLE, Optional.of(account.username())))
                .orElseGet(() -> new Link(state(token), Optional.empty()));
    }

    /**
     * Sets the new password. {@code USABLE} means it was, and now is spent; a password the policy
     * refuses throws {@code WeakPasswordException} and leaves the link usable.
     */
    @Transactional
    public LinkState reset(String token, String password) {
        Optional<Account> usable = usableAccount(token);
        if (usable.isEmpty()) {
            return state(token);
        }
        Account account = usable.get();
        passwordPolicy.require(account.username(), password);
        Instant now = clock.instant();
        if (!resets.use(SecretTokens.sha256(token), now)) {
            return LinkState.SPENT;
        }
        resets.spendAll(account.id(), now);
        accounts.resetPassword(account.id(), passwordEncoder.encode(password), now);
        // whoever knew the old password is signed out everywhere
        Map<String, ? extends Session> open = sessions.findByPrincipalName(account.username());
        open.keySet().forEach(sessions::deleteById);
        events.publishEvent(new PasswordReset(account.id(), open.size(), RequestOrigin.current()));
        log.info("Password of account {} reset through a link; {} sessions ended", account.id(), open.size());
        return LinkState.USABLE;
    }

    private void sendLink(Account account) {
        Instant now = clock.instant();
        if (resets.sentSince(account.id(), now.minus(Duration.ofHours(1))) >= LINKS_PER_HOUR) {
            log.info("Password-reset link for account {} not sent: {} already sent this hour", account.id(),
                    LINKS_PER_HOUR);
            return;
        }
        String token = SecretTokens.random();
        resets.insert(SecretTokens.sha256(token), account.id(), now, now.plus(validity));
        String patientId = account.fhirUser().orElseThrow().substring(PATIENT.length());
        mail.send(patientId, linkBase + "/password-reset/new?token=" + token,
                "password-reset:" + UUID.randomUUID());
        events.publishEvent(new PasswordResetRequested(account.id(), RequestOrigin.current()));
    }

    private Optional<Account> usableAccount(String token) {
        return find(token).filter(reset -> reset.state() == PasswordResetRepository.State.USABLE)
                .flatMap(reset -> accounts.findById(reset.accountId()));
    }

    /** What a link that opens no account is: spent when it was issued and used or expired, else unknown. */
    private LinkState state(String token) {
        return find(token).filter(reset -> reset.state() == PasswordResetRepository.State.SPENT)
                .map(reset -> LinkState.SPENT).orElse(LinkState.UNKNOWN);
    }

    private Optional<Reset> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return resets.find(SecretTokens.sha256(token), clock.instant());
    }
}
