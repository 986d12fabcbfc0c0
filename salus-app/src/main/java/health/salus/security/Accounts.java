package health.salus.security;

import health.salus.platform.InvalidFieldsException;
import health.salus.security.SecurityEvents.AccountCreated;
import health.salus.security.SecurityEvents.AccountDisabled;
import health.salus.security.SecurityEvents.AccountUnlocked;
import health.salus.security.SecurityEvents.RoleGranted;
import health.salus.security.SecurityEvents.RoleRevoked;
import health.salus.security.credential.PasswordPolicy;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import health.salus.security.identity.InvitationRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, unlocking and disabling user accounts and changing their roles; a password must pass the
 * policy before it is hashed. Every change is published as a security event naming who made it.
 */
@Service
public class Accounts {

    /** Who may administer accounts (the API's and the administration screens' one rule). */
    public static final Set<Role> ADMINISTRATORS = Set.of(Role.ADMINISTRATOR);

    /** Usernames of invited patients: no vowels (no words), no look-alikes (0/o, 1/l). */
    private static final String USERNAME_ALPHABET = "bcdfghjkmnpqrstvwxz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern STAFF_USERNAME = java.util.regex.Pattern.compile("[a-z0-9._-]{3,64}");

    private final AccountRepository accounts;
    private final InvitationRepository invitations;
    private final Duration invitationValidity;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Clock clock,
            CurrentSubject currentSubject, ApplicationEventPublisher events, InvitationRepository invitations,
            @Value("${salus.security.invitation.validity:P7D}") Duration invitationValidity) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.invitationValidity = invitationValidity;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.currentSubject = currentSubject;
        this.events = events;
    }

    /**
     * A new account. {@code fhirUser} links it to its Practitioner, Patient or RelatedPerson;
     * {@code totpSecret} (base32) enrols a second factor up front, as for the demo accounts.
     */
    @Transactional
    public String create(String username, String displayName, String password, Set<Role> roles,
            Optional<String> fhirUser, Optional<String> totpSecret) {
        passwordPolicy.require(username, password);
        String id = UUID.randomUUID().toString();
        accounts.insert(new Account(id, username, displayName, passwordEncoder.encode(password), fhirUser, true, 0,
                Optional.empty(), totpSecret, 0, roles), clock.instant());
        events.publishEvent(new AccountCreated(id, roles, actorId(), RequestOrigin.current()));
        return id;
    }

    /**
     * A staff account an administrator creates, with a temporary password they hand over; the person
     * sets up their authenticator at first sign-in (staff must). Every field is checked at once:
     * {@link InvalidFieldsException} names {@code username}, {@code displayName}, {@code roles} or
     * {@code password} with fixed sentences (the password policy's own), never the values.
     */
    @Transactional
    public String createStaff(String username, String displayName, String temporaryPassword, Set<Role> roles) {
        List<InvalidFieldsException.FieldProblem> problems = new java.util.ArrayList<>();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!STAFF_USERNAME.matcher(name).matches()) {
            problems.add(new InvalidFieldsException.FieldProblem("username",
                    "Enter a username of 3 to 64 lower-case letters, digits, dots, hyphens or underscores."));
        } else if (exists(name)) {
            problems.add(new InvalidFieldsException.FieldProblem("username", "That username is already taken."));
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            problems.add(new InvalidFieldsException.FieldProblem("displayName",
                    "Enter the name colleagues know this person by (at most 200 characters)."));
        }
        if (roles.isEmpty() || !roles.stream().allMatch(Role::isStaff)) {
            problems.add(new InvalidFieldsException.FieldProblem("roles", "Choose at least one staff role."));
        }
        List<String> weak = passwordPolicy.problems(name, temporaryPassword == null ? "" : temporaryPassword);
        if (!weak.isEmpty()) {
            problems.add(new InvalidFieldsException.FieldProblem("password", String.join(" ", weak)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return create(name, displayName.strip(), temporaryPassword, roles, Optional.empty(), Optional.empty());
    }

    /**
     * A pending (disabled) portal account for a newly registered patient, linked to {@code Patient/<id>},
     * with a single-use invitation token that expires after {@code salus.security.invitation.validity}.
     * Empty when the patient already has an account, so a redelivered registration event invites once.
     */
    @Transactional
    public Optional<PatientInvitation> invitePatient(String patientId) {
        String fhirUser = "Patient/" + patientId;
        if (!accounts.idsLinkedTo(fhirUser).isEmpty()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        String username = newPatientUsername();
        Instant now = clock.instant();
        // a random password nobody knows: the account opens only through the invitation
        accounts.insert(new Account(id, username, "Patient", passwordEncoder.encode(SecretTokens.random()),
                Optional.of(fhirUser), false, 0, Optional.empty(), Optional.empty(), 0, Set.of(Role.PATIENT)), now);
        String token = SecretTokens.random();
        Instant expiresAt = now.plus(invitationValidity);
        invitations.insert(SecretTokens.sha256(token), id, now, expiresAt);
        events.publishEvent(new AccountCreated(id, Set.of(Role.PATIENT), actorId(), RequestOrigin.current()));
        return Optional.of(new PatientInvitation(id, username, token, expiresAt));
    }

    /** The username an unused, unexpired invitation token is for; empty for any other token. */
    public Optional<String> invitedUsername(String token) {
        return invitations.pendingAccount(SecretTokens.sha256(token), clock.instant()).flatMap(accounts::findById)
                .map(Account::username);
    }

    /**
     * Sets the invited account's first password and enables it; the token then no longer works. A
     * password the policy refuses throws {@code WeakPasswordException} and leaves the token usable.
     * Empty when the token is unknown, used or expired.
     */
    @Transactional
    public Optional<String> acceptInvitation(String token, String password) {
        String hash = SecretTokens.sha256(token);
        Instant now = clock.instant();
        Optional<Account> account = invitations.pendingAccount(hash, now).flatMap(accounts::findById);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        passwordPolicy.require(account.get().username(), password);
        if (!invitations.use(hash, now)) {
            return Optional.empty();
        }
        accounts.setPassword(account.get().id(), passwordEncoder.encode(password), now);
        return Optional.of(account.get().username());
    }

    private String newPatientUsername() {
        while (true) {
            StringBuilder name = new StringBuilder("p-");
            for (int i = 0; i < 8; i++) {
                name.append(USERNAME_ALPHABET.charAt(RANDOM.nextInt(USERNAME_ALPHABET.length())));
            }
            if (!exists(name.toString())) {
                return name.toString();
            }
        }
    }

    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /** The safe way out of a lockout besides waiting: an administrator vouches for the user. */
    @Transactional
    public void unlock(String accountId) {
        accounts.unlock(accountId);
        events.publishEvent(new AccountUnlocked(accountId, actorId(), RequestOrigin.current()));
    }

    /**
     * Takes effect on the account's next request, whatever session or token it holds. Nobody disables
     * their own account ({@link OwnAccountProtectedException}).
     */
    @Transactional
    public void disable(String accountId) {
        if (accountId.equals(actorId())) {
            throw new OwnAccountProtectedException();
        }
        if (accounts.setEnabled(accountId, false)) {
            events.publishEvent(new AccountDisabled(accountId, actorId(), RequestOrigin.current()));
        }
    }

    @Transactional
    public void grantRole(String accountId, Role role) {
        if (accounts.addRole(accountId, role)) {
            events.publishEvent(new RoleGranted(accountId, role, actorId(), RequestOrigin.current()));
        }
    }

    /** An administrator cannot revoke their own administrator role ({@link OwnAccountProtectedException}). */
    @Transactional
    public void revokeRole(String accountId, Role role) {
        if (role == Role.ADMINISTRATOR && accountId.equals(actorId())) {
            throw new OwnAccountProtectedException();
        }
        if (accounts.removeRole(accountId, role)) {
            events.publishEvent(new RoleRevoked(accountId, role, actorId(), RequestOrigin.current()));
        }
    }

    /** The resource an account is linked to ({@code Practitioner/abc}), as audit views name the person. */
    public Optional<String> fhirUserOf(String accountId) {
        return accounts.findById(accountId).flatMap(Account::fhirUser);
    }

    /** The accounts linked to a Practitioner, Patient or RelatedPerson, as audit searches by person need. */
    public List<String> idsLinkedTo(String fhirUser) {
        return accounts.idsLinkedTo(fhirUser);
    }

    /**
     * Every account holding a staff role (patients and family members have their own portal accounts and
     * are not administered here), by username; {@code nameOrUsername} narrows to those whose username or
     * display name contains it (any case), {@code role} to those holding it.
     */
    public List<AccountSummary> staffAccounts(Optional<String> nameOrUsername, Optional<Role> role) {
        Instant now = clock.instant();
        String needle = nameOrUsername.map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> text.toLowerCase(java.util.Locale.ROOT)).orElse(null);
        return accounts.summaries().stream()
                .filter(account -> account.roles().stream().anyMatch(Role::isStaff))
                .filter(account -> role.map(account.roles()::contains).orElse(true))
                .filter(account -> needle == null || account.username().contains(needle)
                        || account.displayName().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .map(account -> summary(account, now))
                .toList();
    }

    /** One account's summary, whatever its roles. */
    public Optional<AccountSummary> summary(String accountId) {
        Instant now = clock.instant();
        return accounts.summary(accountId).map(account -> summary(account, now));
    }

    private static AccountSummary summary(AccountRepository.Summary account, Instant now) {
        return new AccountSummary(account.id(), account.username(), account.displayName(), account.roles(),
                account.lockedUntil().map(now::isBefore).orElse(false), !account.enabled(), account.mfaEnrolled(),
                account.lastSignIn());
    }

    public Optional<String> idOf(String username) {
        return accounts.findByUsername(username).map(Account::id);
    }

    private String actorId() {
        return currentSubject.current().map(Subject::id).orElse("system:salus");
    }
}
