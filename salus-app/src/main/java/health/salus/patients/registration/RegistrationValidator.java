package health.salus.patients.registration;

import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import health.salus.patients.coverage.Payer;
import health.salus.patients.coverage.PayerDirectory;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks every field of a registration and reports all problems at once. Messages are fixed sentences
 * that never repeat what was typed (it may be a name, a number or an address).
 */
@Component
class RegistrationValidator {

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");
    private static final Set<String> SEX_FOR_CLINICAL_USE = Set.of("female-typical", "male-typical", "specified");
    /** http://terminology.hl7.org/CodeSystem/subscriber-relationship */
    private static final Set<String> SUBSCRIBER_RELATIONSHIPS = Set.of("child", "parent", "spouse", "common",
            "other", "self", "injured");
    // one @, no spaces, a dot in the domain: what a form can check without sending mail
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
    private static final Pattern US_POSTAL_CODE = Pattern.compile("\\d{5}(?:-\\d{4})?");

    private final PayerDirectory payers;
    private final Clock clock;

    RegistrationValidator(PayerDirectory payers, Clock clock) {
        this.payers = payers;
        this.clock = clock;
    }

    CheckedRegistration check(RegistrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.privacyConsent() == null || !Boolean.TRUE.equals(request.privacyConsent().acknowledged())) {
            problems.add(new FieldProblem("privacyConsent.acknowledged", "The patient must acknowledge the HIPAA "
                    + "Notice of Privacy Practices before they can be registered"));
        }
        checkName(request.name(), problems);
        LocalDate birthDate = birthDate(request.birthDate(), problems);
        if (blank(request.gender())) {
            problems.add(new FieldProblem("gender", "Administrative gender is required"));
        } else if (!GENDERS.contains(request.gender())) {
            problems.add(new FieldProblem("gender", "Use male, female, other or unknown"));
        }
        if (!blank(request.sexForClinicalUse()) && !SEX_FOR_CLINICAL_USE.contains(request.sexForClinicalUse())) {
            problems.add(new FieldProblem("sexForClinicalUse", "Use female-typical, male-typical or specified"));
        }
        checkAddress(request.address(), problems);
        Optional<String> phone = phone("phone", request.phone(), false, problems);
        Optional<String> email = Optional.ofNullable(request.email()).map(String::strip).filter(e -> !e.isEmpty());
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            problems.add(new FieldProblem("email", "This is not a valid email address"));
            email = Optional.empty();
        }
        if (!blank(request.preferredLanguage()) && !LANGUAGE.matcher(request.preferredLanguage()).matches()) {
            problems.add(new FieldProblem("preferredLanguage", "Use a language tag such as en, es or zh-Hant"));
        }
        Optional<ContactPreferences> preferences = preferences(request, phone, email, problems);
        Optional<String> contactPhone = Optional.empty();
        if (request.emergencyContact() != null) {
            if (blank(request.emergencyContact().name())) {
                problems.add(new FieldProblem("emergencyContact.name", "The emergency contact's name is required"));
            }
            contactPhone = phone("emergencyContact.phone", request.emergencyContact().phone(), true, problems);
        }
        Optional<Payer> payer = Optional.empty();
        String relationship = "self";
        RegistrationRequest.Insurance insurance = request.insurance();
        if (insurance != null && !(blank(insurance.payerId()) && blank(insurance.memberId())
                && blank(insurance.groupNumber()))) {
            if (blank(insurance.payerId())) {
                problems.add(new FieldProblem("insurance.payerId", "Choose the payer this member id belongs to"));
            } else {
                payer = payers.find(insurance.payerId());
                if (payer.isEmpty()) {
                    problems.add(new FieldProblem("insurance.payerId", "This payer is not one the clinic works with"));
                }
            }
            if (blank(insurance.memberId())) {
                problems.add(new FieldProblem("insurance.memberId", "The member id on the insurance card is required"));
            }
            if (!blank(insurance.subscriberRelationship())) {
                relationship = insurance.subscriberRelationship();
                if (!SUBSCRIBER_RELATIONSHIPS.contains(relationship)) {
                    problems.add(new FieldProblem("insurance.subscriberRelationship",
                            "Use self, spouse, child, parent, common, injured or other"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new CheckedRegistration(request, birthDate, phone, email, contactPhone, payer, relationship,
                preferences);
    }

    private static void checkName(RegistrationRequest.Name name, List<FieldProblem> problems) {
        if (name == null || blank(name.family())) {
            problems.add(new FieldProblem("name.family", "The family name is required"));
        }
        if (name == null || name.given() == null || name.given().stream().allMatch(RegistrationValidator::blank)) {
            problems.add(new FieldProblem("name.given", "At least one given name is required"));
        }
    }

    private LocalDate birthDate(String text, List<FieldProblem> problems) {
        if (blank(text)) {
            problems.add(new FieldProblem("birthDate", "The birth date is required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isAfter(LocalDate.now(clock))) {
                problems.add(new FieldProblem("birthDate", "The birth date cannot be in the future"));
            } else if (date.isBefore(EARLIEST_BIRTH_DATE)) {
                problems.add(new FieldProblem("birthDate", "The birth date cannot be before 1900"));
            }
            return date;
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("birthDate", "Use a date such as 1985-06-15"));
            return null;
        }
    }

    private static void checkAddress(RegistrationRequest.Address address, List<FieldProblem> problems) {
        if (address == null) {
            return;
        }
        if (address.lines() == null || address.lines().stream().allMatch(RegistrationValidator::blank)) {
            problems.add(new FieldProblem("address.lines", "The street address is required"));
        }
        if (blank(address.city())) {
            problems.add(new FieldProblem("address.city", "The city is required"));
        }
        boolean unitedStates = blank(address.country()) || address.country().strip().equalsIgnoreCase("US");
        if (blank(address.postalCode())) {
            problems.add(new FieldProblem("address.postalCode", "The postal code is required"));
        } else if (unitedStates && !US_POSTAL_CODE.matcher(address.postalCode().strip()).matches()) {
            problems.add(new FieldProblem("address.postalCode", "Use a ZIP code such as 62701 or 62701-1234"));
        }
    }

    private static Optional<String> phone(String field, String written, boolean required, List<FieldProblem> problems) {
        if (blank(written)) {
            if (required) {
                problems.add(new FieldProblem(field, "A phone number is required"));
            }
            return Optional.empty();
        }
        Optional<String> e164 = PhoneNumbers.toE164(written);
        if (e164.isEmpty()) {
            problems.add(new FieldProblem(field, "This is not a valid phone number; use a 10-digit US number "
                    + "or + and the country code"));
        }
        return e164;
    }

    private static Optional<ContactPreferences> preferences(RegistrationRequest request, Optional<String> phone,
            Optional<String> email, List<FieldProblem> problems) {
        RegistrationRequest.CommunicationPreferences given = request.communication();
        if (given == null) {
            return Optional.empty();
        }
        Channel channel = null;
        try {
            channel = Channel.valueOf(given.channel() == null ? "" : given.channel().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("communication.channel", "Use EMAIL, SMS, VOICE or IN_APP"));
        }
        if (channel == Channel.EMAIL && email.isEmpty() && blank(request.email())) {
            problems.add(new FieldProblem("email", "An email address is needed for the EMAIL channel"));
        }
        if ((channel == Channel.SMS || channel == Channel.VOICE) && phone.isEmpty() && blank(request.phone())) {
            problems.add(new FieldProblem("phone", "A phone number is needed for the SMS and VOICE channels"));
        }
        ZoneId zone = ZoneId.of("UTC");
        if (!blank(given.timeZone())) {
            try {
                zone = ZoneId.of(given.timeZone().strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("communication.timeZone", "Use a time zone such as America/Chicago"));
            }
        }
        Optional<LocalTime> start = time("communication.quietHoursStart", given.quietHoursStart(), problems);
        Optional<LocalTime> end = time("communication.quietHoursEnd", given.quietHoursEnd(), problems);
        if (blank(given.quietHoursStart()) != blank(given.quietHoursEnd())) {
            problems.add(new FieldProblem("communication.quietHoursEnd", "Give both the start and end of quiet hours, "
                    + "or neither"));
        }
        String language = blank(request.preferredLanguage()) ? "en" : request.preferredLanguage().strip();
        return channel == null ? Optional.empty()
                : Optional.of(new ContactPreferences(channel, language, zone, start, end));
    }

    private static Optional<LocalTime> time(String field, String text, List<FieldProblem> problems) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.strip()));
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "Use a time such as 21:00"));
            return Optional.empty();
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
