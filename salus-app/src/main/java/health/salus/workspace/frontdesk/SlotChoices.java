package health.salus.workspace.frontdesk;

import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.SlotQuery;
import health.salus.scheduling.availability.SlotSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The free times a desk is offered, each with why it is offered: the soonest ones from the chosen day
 * (scheduling's slot search), or — when the chosen time was just taken — the nearest ones to it
 * (scheduling's alternatives). Times are shown in the site's zone, which is where the visit happens.
 */
@Component
class SlotChoices {

    static final int OFFERED = 12;
    private static final Duration SEARCHED = Duration.ofDays(14);

    private final SlotSearch slots;
    private final AvailabilityStore availability;
    private final Directory directory;
    private final MessageSource messages;
    private final VisitTimes visitTimes;
    private final Clock clock;

    SlotChoices(SlotSearch slots, AvailabilityStore availability, Directory directory, MessageSource messages,
            VisitTimes visitTimes, Clock clock) {
        this.visitTimes = visitTimes;
        this.slots = slots;
        this.availability = availability;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /** A bookable time: what the form posts ({@code start} ISO-8601), what the user reads, and why. */
    record Choice(String practitionerId, String locationId, String start, String label, String where, String reason) {
    }

    List<Choice> soonest(String practitionerId, Optional<String> locationId, String type, LocalDate fromDay,
            ZoneId fallbackZone, Locale locale) {
        ZoneId zone = locationId.flatMap(availability::zone).orElse(fallbackZone);
        Instant from = fromDay.atStartOfDay(zone).toInstant();
        List<FreeSlot> found = slots.find(new SlotQuery(Optional.of(practitionerId), Optional.empty(), locationId,
                from, from.plus(SEARCHED)), type, OFFERED);
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            choices.add(choice(found.get(i), i == 0 ? "slots.reason.soonest" : "slots.reason.next", fallbackZone,
                    locale));
        }
        return choices;
    }

    List<Choice> alternatives(List<FreeSlot> alternatives, ZoneId fallbackZone, Locale locale) {
        return alternatives.stream().map(slot -> choice(slot, "slots.reason.nearest", fallbackZone, locale)).toList();
    }

    boolean inThePast(LocalDate day, ZoneId zone) {
        return day.isBefore(LocalDate.now(clock.withZone(zone)));
    }

    private Choice choice(FreeSlot slot, String reasonKey, ZoneId userZone, Locale locale) {
        return new Choice(slot.practitionerId(), slot.locationId(), slot.start().toString(),
                visitTimes.at(slot.start(), slot.locationId(), userZone, locale), directory.location(slot.locationId()),
                messages.getMessage(reasonKey, new Object[] {directory.practitioner(slot.practitionerId())}, locale));
    }
}
