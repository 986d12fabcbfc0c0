package health.salus.scheduling.booking;

import health.salus.platform.InvalidFieldsException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;

/** Which status may follow which: booked → arrived, noshow or cancelled (with a reason); arrived → fulfilled. */
final class StatusChange {

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> ALLOWED = Map.of(
            AppointmentStatus.BOOKED, Set.of(AppointmentStatus.ARRIVED, AppointmentStatus.NOSHOW,
                    AppointmentStatus.CANCELLED),
            AppointmentStatus.ARRIVED, Set.of(AppointmentStatus.FULFILLED));

    /** FHIR appointment-cancellation-reason codes accepted (patient, provider, facility, other …). */
    static final Set<String> CANCELLATION_REASONS = Set.of("pat", "pat-crs", "pat-cpp", "pat-dec", "pat-fb",
            "pat-lt", "pat-mt", "pat-mv", "pat-preg", "pat-swl", "pat-ucp", "prov", "prov-pers", "prov-dch",
            "prov-edu", "prov-hosp", "prov-labs", "prov-mri", "prov-onc", "maint", "meds-inc", "other", "oth-cms",
            "oth-err", "oth-fin", "oth-im", "oth-int", "oth-mu", "oth-room", "oth-oerr", "oth-swie", "oth-weath");

    private StatusChange() {
    }

    static void require(AppointmentStatus from, AppointmentStatus to, Optional<String> reasonCode) {
        if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
            throw notAllowed(from, to.toCode());
        }
        if (to == AppointmentStatus.CANCELLED
                && reasonCode.filter(CANCELLATION_REASONS::contains).isEmpty()) {
            throw InvalidFieldsException.of("cancellationReason",
                    "Required: an appointment-cancellation-reason code such as pat, prov or other");
        }
        if (to != AppointmentStatus.CANCELLED && reasonCode.isPresent()) {
            throw InvalidFieldsException.of("cancellationReason", "Only a cancellation takes a reason");
        }
    }

    static void requireStatus(Appointment appointment, AppointmentStatus expected, String action) {
        if (appointment.getStatus() != expected) {
            throw notAllowed(appointment.getStatus(), action);
        }
    }

    static InvalidFieldsException notAllowed(AppointmentStatus from, String to) {
        return InvalidFieldsException.of("status", "An appointment that is " + from.toCode() + " cannot be " + to);
    }
}
