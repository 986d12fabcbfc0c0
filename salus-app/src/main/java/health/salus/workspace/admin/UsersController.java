package health.salus.workspace.admin;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.AccountSummary;
import health.salus.security.Accounts;
import health.salus.security.CurrentSubject;
import health.salus.security.OwnAccountProtectedException;
import health.salus.security.Role;
import health.salus.web.DisplayText;
import health.salus.web.PageAccess;
import health.salus.workspace.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts for the administrator: the list with its filters, a new account with a temporary
 * password, and per account granting and revoking roles, unlocking and disabling. Every change goes
 * through {@link Accounts}, which publishes the security event the audit trail records.
 */
@Controller
class UsersController {

    private static final List<Role> STAFF_ROLES = Arrays.stream(Role.values()).filter(Role::isStaff).toList();

    private final PageAccess access;
    private final Accounts accounts;
    private final CurrentSubject currentSubject;
    private final MessageSource messages;
    private final AdminPages pages;

    UsersController(PageAccess access, Accounts accounts, CurrentSubject currentSubject, MessageSource messages,
            AdminPages pages) {
        this.pages = pages;
        this.access = access;
        this.accounts = accounts;
        this.currentSubject = currentSubject;
        this.messages = messages;
    }

    /** An account as listed, with its last sign-in in the reader's time zone (empty: never). */
    record StaffRow(AccountSummary account, String lastSignIn) {
    }

    @GetMapping(AdminPages.USERS)
    String list(@RequestParam Optional<String> name, @RequestParam Optional<String> role,
            HttpServletRequest request, Locale locale, Model model) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        Optional<Role> chosenRole = role.flatMap(Role::fromCode);
        ZoneId zone = pages.zone(request);
        model.addAttribute("name", name.orElse(""));
        model.addAttribute("role", chosenRole.map(Role::code).orElse(""));
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("accounts", accounts.staffAccounts(name, chosenRole).stream()
                .map(a -> new StaffRow(a, lastSignIn(a, zone, locale))).toList());
        return "workspace/admin/users";
    }

    private static String lastSignIn(AccountSummary account, ZoneId zone, Locale locale) {
        return account.lastSignIn().map(at -> DisplayText.dateTime(at, zone, locale)).orElse("");
    }

    @GetMapping(AdminPages.NEW_USER)
    String newAccount(Model model) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        return form(StaffForm.empty(), FormErrors.none(), model);
    }

    @PostMapping(AdminPages.USERS)
    String create(@ModelAttribute StaffForm form, Model model, Locale locale, RedirectAttributes redirect) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        try {
            String id = accounts.createStaff(form.username(), form.displayName(), form.password(),
                    form.chosenRoles());
            redirect.addFlashAttribute("done", "admin.users.created");
            return "redirect:" + AdminPages.USERS + "/" + id;
        } catch (InvalidFieldsException e) {
            return form(form.withoutPassword(), FormErrors.of(e, StaffForm.CONTROLS, "username", messages, locale),
                    model);
        }
    }

    @GetMapping(AdminPages.USERS + "/{id}")
    String account(@PathVariable String id, HttpServletRequest request, Locale locale, Model model) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        return account(id, FormErrors.none(), request, locale, model);
    }

    @PostMapping(AdminPages.USERS + "/{id}/roles")
    String grant(@PathVariable String id, @RequestParam(required = false) String role, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        Optional<Role> granted = Optional.ofNullable(role).flatMap(Role::fromCode).filter(Role::isStaff);
        if (granted.isEmpty()) {
            return account(id, error("grantRole", "admin.users.chooseRole", locale), request, locale, model);
        }
        accounts.grantRole(existing(id).id(), granted.get());
        return done(id, "admin.users.granted", redirect);
    }

    @PostMapping(AdminPages.USERS + "/{id}/roles/revoke")
    String revoke(@PathVariable String id, @RequestParam String role, HttpServletRequest request, Model model,
            Locale locale, RedirectAttributes redirect) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        Role revoked = Role.fromCode(role).orElseThrow(() -> new ResourceNotFoundException("no such role"));
        try {
            accounts.revokeRole(existing(id).id(), revoked);
        } catch (OwnAccountProtectedException e) {
            return account(id, error("revoke-" + revoked.code(), "admin.users.ownAdminRole", locale), request,
                    locale, model);
        }
        return done(id, "admin.users.revoked", redirect);
    }

    @PostMapping(AdminPages.USERS + "/{id}/unlock")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        accounts.unlock(existing(id).id());
        return done(id, "admin.users.unlocked", redirect);
    }

    @PostMapping(AdminPages.USERS + "/{id}/disable")
    String disable(@PathVariable String id, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        access.requireAnyRole(Accounts.ADMINISTRATORS);
        try {
            accounts.disable(existing(id).id());
        } catch (OwnAccountProtectedException e) {
            return account(id, error("disable", "admin.users.ownAccount", locale), request, locale, model);
        }
        return done(id, "admin.users.disabled", redirect);
    }

    private String account(String id, FormErrors errors, HttpServletRequest request, Locale locale, Model model) {
        AccountSummary account = existing(id);
        model.addAttribute("lastSignIn", lastSignIn(account, pages.zone(request), locale));
        model.addAttribute("account", account);
        model.addAttribute("self", currentSubject.current().map(s -> s.id().equals(account.id())).orElse(false));
        model.addAttribute("grantable", STAFF_ROLES.stream().filter(r -> !account.roles().contains(r)).toList());
        model.addAttribute("heldRoles", STAFF_ROLES.stream().filter(account.roles()::contains).toList());
        model.addAttribute("errors", errors);
        return "workspace/admin/account";
    }

    private String form(StaffForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", STAFF_ROLES);
        return "workspace/admin/new-account";
    }

    private AccountSummary existing(String id) {
        return accounts.summary(id).orElseThrow(() -> new ResourceNotFoundException("no such account"));
    }

    private FormErrors error(String control, String messageKey, Locale locale) {
        return new FormErrors(List.of(new FormErrors.FieldError(control, messages.getMessage(messageKey, null,
                locale))));
    }

    private static String done(String id, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", messageKey);
        return "redirect:" + AdminPages.USERS + "/" + id;
    }
}
