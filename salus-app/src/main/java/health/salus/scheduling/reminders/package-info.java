/**
 * Appointment reminders (see ADR 0015): db-scheduler jobs per appointment start (email 24 h, SMS 24 h
 * and 2 h before, one extra on a high no-show risk) that queue messages with the messaging module, and
 * the patient's answers: a signed confirm/cancel link to a page that needs no sign-in, and a text reply
 * "C" or "X" matched to the reminder it answers.
 */
package health.salus.scheduling.reminders;
