package health.salus.security;

import health.salus.security.credential.PasswordPolicy;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating and unlocking user accounts; a password must pass the policy before it is hashed. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * A new account. {@code fhirUser} links it to its Practitioner, Patient or RelatedPerson;
     * {@code totpSecret} (base32) enrols a second factor up front, as for the demo accounts.
     */
    public String create(String username, String displayName, String password, Set<Role> roles,
            Optional<String> fhirUser, Optional<String> totpSecret) {
        passwordPolicy.require(username, password);
        String id = UUID.randomUUID().toString();
        accounts.insert(new Account(id, username, displayName, passwordEncoder.encode(password), fhirUser, true, 0,
                Optional.empty(), totpSecret, 0, roles), clock.instant());
        return id;
    }

    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /** The safe way out of a lockout besides waiting: an administrator vouches for the user. */
    public void unlock(String accountId) {
        accounts.unlock(accountId);
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
}
