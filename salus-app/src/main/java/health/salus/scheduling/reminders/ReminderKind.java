package health.salus.scheduling.reminders;

import health.salus.messaging.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which reminders an appointment gets and when, in absolute time before its start (24 hours is 24
 * hours, also across a daylight-saving change). {@link #EXTRA} is asked for by a high no-show risk and
 * goes over the patient's preferred channel.
 */
public enum ReminderKind {
    EMAIL_24H("email-24h", Optional.of(Channel.EMAIL), Duration.ofHours(24)),
    SMS_24H("sms-24h", Optional.of(Channel.SMS), Duration.ofHours(24)),
    SMS_2H("sms-2h", Optional.of(Channel.SMS), Duration.ofHours(2)),
    EXTRA("extra", Optional.empty(), Duration.ofHours(72));

    /** Every booked appointment gets these. */
    public static final List<ReminderKind> STANDARD = List.of(EMAIL_24H, SMS_24H, SMS_2H);

    private final String code;
    private final Optional<Channel> channel;
    private final Duration before;

    ReminderKind(String code, Optional<Channel> channel, Duration before) {
        this.code = code;
        this.channel = channel;
        this.before = before;
    }

    public String code() {
        return code;
    }

    /** Empty: the patient's preferred channel. */
    public Optional<Channel> channel() {
        return channel;
    }

    public Instant dueFor(Instant appointmentStart) {
        return appointmentStart.minus(before);
    }

    public static Optional<ReminderKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
