package health.salus.scheduling.suggestion;

import health.salus.scheduling.availability.FreeSlot;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What is known about one free slot for one patient, gathered before scoring so the scorer is pure.
 *
 * @param localDay     the day at the slot's site
 * @param localTime    the start time at the slot's site
 * @param dayLoad      share of the practitioner's open time that day already reserved, 0…1
 * @param earliness    1 for a slot at the start of the (future part of the) window, 0 at its end
 * @param noShowRisk   the patient's predicted no-show probability in this slot; empty without a model
 * @param hardToRefill why a missed visit in this slot could hardly be given to someone else; empty if it could
 */
record CandidateFacts(FreeSlot slot, DayOfWeek localDay, LocalTime localTime, double dayLoad, double earliness,
        Optional<Double> noShowRisk, Optional<HardToRefill> hardToRefill) {

    /** Why a slot is hard to refill when its patient does not come. */
    enum HardToRefill {
        /** it starts within the refill notice: too little time to offer it to the waitlist */
        SHORT_NOTICE,
        /** no other visit fits after it that day: nobody left to move up */
        LAST_OF_DAY
    }
}
