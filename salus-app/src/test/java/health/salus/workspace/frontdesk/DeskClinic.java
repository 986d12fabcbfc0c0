package health.salus.workspace.frontdesk;

import health.salus.fhir.ResourceStore;
import health.salus.patients.registration.RegistrationRequest;
import health.salus.patients.registration.Registrations;
import health.salus.scheduling.availability.ScheduleSettings;
import health.salus.scheduling.availability.ScheduleSetup;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.BookingRequest;
import health.salus.security.SystemAccess;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * A small clinic for the front desk's browser tests, set up as Salus itself (through the same
 * services the set-up API uses): a New York site, a provider working every day 08:00–18:00 there, and
 * registered patients with the privacy consent. Names are synthetic and unique per call.
 */
public final class DeskClinic {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    private final ResourceStore store;
    private final ScheduleSetup setup;
    private final Registrations registrations;
    private final Appointments appointments;
    private final SystemAccess system;
    private final Random random = new Random(UUID.randomUUID().getMostSignificantBits());

    public DeskClinic(ResourceStore store, ScheduleSetup setup, Registrations registrations, Appointments appointments,
            SystemAccess system) {
        this.store = store;
        this.setup = setup;
        this.registrations = registrations;
        this.appointments = appointments;
        this.system = system;
    }

    public String site(String name) {
        return system.call("test", () -> {
            String id = store.create(new Location().setName(name), Optional.empty()).resource().getIdElement()
                    .getIdPart();
            setup.configureSite(id, new ScheduleSettings.SiteSettings(NEW_YORK.getId(), List.of()));
            return id;
        });
    }

    public String provider(String site, String given, String family) {
        return system.call("test", () -> {
            String id = store.create(new Practitioner().addName(new HumanName().setFamily(family).addGiven(given)
                    .addPrefix("Dr")), Optional.empty()).resource().getIdElement().getIdPart();
            List<ScheduleSettings.Hours> hours = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.add(new ScheduleSettings.Hours(site, day.name(), "08:00", "18:00"));
            }
            setup.configurePractitioner(id, new ScheduleSettings.PractitionerSettings("family-medicine", 30, 0,
                    hours, List.of(), List.of()));
            return id;
        });
    }

    /** A patient as the desk would register them; {@code person} carries the details tests vary. */
    public String register(Person person) {
        return system.call("test", () -> registrations.register(person.request()).patientId());
    }

    public AppointmentView book(String patient, String provider, String site, LocalDate day, String localTime) {
        String start = day.atTime(LocalTime.parse(localTime)).atZone(NEW_YORK).toOffsetDateTime().toString();
        return system.call("test", () -> appointments.book(new BookingRequest(patient, provider, site, start, null,
                "ROUTINE", "in-person")));
    }

    /** A day the provider works, far enough ahead that its slots are all in the future. */
    public static LocalDate nextWeek() {
        return LocalDate.now(NEW_YORK).plusDays(7);
    }

    public Person person() {
        return new Person("Elizabeth", pronounceable(3), String.format("%d-%02d-%02d", 1940 + random.nextInt(60),
                1 + random.nextInt(12), 1 + random.nextInt(28)), (100 + random.nextInt(8000)) + " " + pronounceable(2)
                + " St", String.format("(%03d) 555-%04d", 200 + random.nextInt(700), random.nextInt(10000)));
    }

    private String pronounceable(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
                    .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The details the desk types: Springfield, IL 62701, self-pay, privacy notice acknowledged. */
    public record Person(String given, String family, String birthDate, String street, String phone) {

        public Person withGiven(String name) {
            return new Person(name, family, birthDate, street, phone);
        }

        public Person withFamily(String name) {
            return new Person(given, name, birthDate, street, phone);
        }

        Person withStreet(String line) {
            return new Person(given, family, birthDate, line, phone);
        }

        Person withoutPhone() {
            return new Person(given, family, birthDate, street, "");
        }

        /** The family name with two letters swapped: a typo the patient index still recognises. */
        String familyTypo() {
            return family.substring(0, 2) + family.charAt(3) + family.charAt(2) + family.substring(4);
        }

        RegistrationRequest request() {
            return new RegistrationRequest(new RegistrationRequest.Name(List.of(given), family, null, null), birthDate,
                    "female", null, new RegistrationRequest.Address(List.of(street), "Springfield", "IL", "62701",
                            "US"), phone.isEmpty() ? null : phone, null, "en", null, null, null,
                    new RegistrationRequest.PrivacyConsent(true));
        }
    }
}
