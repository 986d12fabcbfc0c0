package health.salus.security.web;

import health.salus.security.RequestOrigin;
import health.salus.security.SecurityEvents.MfaEnrolled;
import health.salus.security.SecurityEvents.RecoveryCodeUsed;
import health.salus.security.SecurityEvents.SecondFactorFailed;
import health.salus.security.credential.QrCodes;
import health.salus.security.credential.RecoveryCodes;
import health.salus.security.credential.Totp;
import health.salus.security.credential.TotpSecret;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import health.salus.security.identity.SignInAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second sign-in step: a TOTP code or a recovery code, and first-time enrolment for staff. */
@Controller
class SecondFactorController {

    private static final String ENROLMENT_SECRET = SecondFactorController.class.getName() + ".secret";
    private static final String ISSUER = "Salus";

    private final AccountRepository accounts;
    private final SignInAttempts attempts;
    private final Totp totp;
    private final RecoveryCodes recoveryCodes;
    private final QrCodes qrCodes;
    private final SignInCompletion completion;
    private final DemoSignInHints demoHints;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SecondFactorController(AccountRepository accounts, SignInAttempts attempts, Totp totp, RecoveryCodes recoveryCodes,
            QrCodes qrCodes, SignInCompletion completion, DemoSignInHints demoHints, Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.qrCodes = qrCodes;
        this.completion = completion;
        this.demoHints = demoHints;
        this.clock = clock;
        this.events = events;
    }

    @GetMapping("/login/mfa")
    String codeForm(HttpServletRequest request, Model model) {
        Optional<Account> pending = pendingAccount(request);
        if (pending.isEmpty()) {
            PendingSignIn.clear(request);
            return "redirect:/login";
        }
        if (!pending.get().hasTotp()) {
            return "redirect:/login/mfa/enrol";
        }
        demoHints.currentCode().ifPresent(code -> model.addAttribute("demoCode", code));
        return "security/mfa";
    }

    @PostMapping("/login/mfa")
    String verify(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String recoveryCode,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Account> pending = pendingAccount(request).filter(Account::hasTotp);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        Account account = pending.get();
        if (!code.isBlank() && acceptTotp(account, TotpSecret.fromBase32(account.totpSecret().orElseThrow()), code)
                || !recoveryCode.isBlank() && acceptRecoveryCode(account, recoveryCode)) {
            return "redirect:" + completion.complete(account, request, response);
        }
        return failed(account, request, model, "security/mfa");
    }

    @GetMapping("/login/mfa/enrol")
    String enrolForm(HttpServletRequest request, Model model) {
        Optional<Account> pending = pendingAccount(request).filter(account -> !account.hasTotp());
        if (pending.isEmpty()) {
            PendingSignIn.clear(request);
            return "redirect:/login";
        }
        TotpSecret secret = totp.newSecret();
        request.getSession().setAttribute(ENROLMENT_SECRET, secret.base32());
        String uri = totp.provisioningUri(secret, pending.get().username(), ISSUER);
        model.addAttribute("qrSvg", qrCodes.svg(uri, "QR code for your authenticator app"));
        model.addAttribute("secret", secret.base32());
        return "security/mfa-enrol";
    }

    @PostMapping("/login/mfa/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Account> pending = pendingAccount(request).filter(account -> !account.hasTotp());
        Object secretText = request.getSession().getAttribute(ENROLMENT_SECRET);
        if (pending.isEmpty() || !(secretText instanceof String base32)) {
            return "redirect:/login";
        }
        Account account = pending.get();
        TotpSecret secret = TotpSecret.fromBase32(base32);
        OptionalLong step = totp.verify(secret, code, 0);
        if (step.isEmpty()) {
            model.addAttribute("qrSvg", qrCodes.svg(totp.provisioningUri(secret, account.username(), ISSUER),
                    "QR code for your authenticator app"));
            model.addAttribute("secret", base32);
            return failed(account, request, model, "security/mfa-enrol");
        }
        accounts.setTotp(account.id(), base32);
        accounts.advanceTotpStep(account.id(), step.getAsLong());
        request.getSession().removeAttribute(ENROLMENT_SECRET);
        events.publishEvent(new MfaEnrolled(account.id(), RequestOrigin.of(request)));
        List<String> codes = recoveryCodes.generate();
        accounts.replaceRecoveryCodes(account.id(), codes.stream().map(recoveryCodes::hash).toList());
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("next", completion.complete(account, request, response));
        return "security/recovery-codes";
    }

    private boolean acceptTotp(Account account, TotpSecret secret, String code) {
        OptionalLong step = totp.verify(secret, code.strip(), account.totpLastStep());
        // the conditional update makes a code good for one sign-in even when two race
        return step.isPresent() && accounts.advanceTotpStep(account.id(), step.getAsLong());
    }

    private boolean acceptRecoveryCode(Account account, String code) {
        List<String> unused = accounts.unusedRecoveryCodeHashes(account.id());
        boolean used = unused.stream().filter(hash -> recoveryCodes.matches(code, hash)).findFirst()
                .map(hash -> accounts.useRecoveryCode(account.id(), hash, clock.instant())).orElse(false);
        if (used) {
            events.publishEvent(new RecoveryCodeUsed(account.id(), unused.size() - 1, RequestOrigin.current()));
        }
        return used;
    }

    private String failed(Account account, HttpServletRequest request, Model model, String view) {
        events.publishEvent(new SecondFactorFailed(account.id(), RequestOrigin.of(request)));
        attempts.failed(account);
        Account now = accounts.findById(account.id()).orElseThrow();
        if (now.isLocked(clock.instant())) {
            PendingSignIn.clear(request);
            return "redirect:/login?error";
        }
        model.addAttribute("error", true);
        demoHints.currentCode().ifPresent(code -> model.addAttribute("demoCode", code));
        return view;
    }

    private Optional<Account> pendingAccount(HttpServletRequest request) {
        return PendingSignIn.in(request, clock.instant()).flatMap(pending -> accounts.findById(pending.accountId()))
                .filter(account -> account.enabled() && !account.isLocked(clock.instant()));
    }
}
