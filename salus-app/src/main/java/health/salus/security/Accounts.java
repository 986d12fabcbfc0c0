package health.salus.security;

import health.salus.security.SecurityEvents.AccountCreated;
import health.salus.security.SecurityEvents.AccountDisabled;
import health.salus.security.SecurityEvents.AccountUnlocked;
import health.salus.security.SecurityEvents.RoleGranted;
import health.salus.security.SecurityEvents.RoleRevoked;
import health.salus.security.credential.PasswordPolicy;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    private final AccountRepository accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Clock clock,
            CurrentSubject currentSubject, ApplicationEventPublisher events) {
        this.accounts = accounts;
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

    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /** The safe way out of a lockout besides waiting: an administrator vouches for the user. */
    @Transactional
    public void unlock(String accountId) {
        accounts.unlock(accountId);
        events.publishEvent(new AccountUnlocked(accountId, actorId(), RequestOrigin.current()));
    }

    /** Takes effect on the account's next request, whatever session or token it holds. */
    @Transactional
    public void disable(String accountId) {
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

    @Transactional
    public void revokeRole(String accountId, Role role) {
        if (accounts.removeRole(accountId, role)) {
            events.publishEvent(new RoleRevoked(accountId, role, actorId(), RequestOrigin.current()));
        }
    }

    /** The resource an account is linked to ({@code Practitioner/abc}), as audit views name the person. */
    public Optional<String> fhirUserOf(String accountId) {
        return accounts.findById(accountId).flatMap(Account::fhirUser);
    }

    /** The accounts linked to a Practitioner, Patient or RelatedPerson, as audit searches by person need. */
    public java.util.List<String> idsLinkedTo(String fhirUser) {
        return accounts.idsLinkedTo(fhirUser);
    }

    public Optional<String> idOf(String username) {
        return accounts.findByUsername(username).map(Account::id);
    }

    private String actorId() {
        return currentSubject.current().map(Subject::id).orElse("system:salus");
    }
}
