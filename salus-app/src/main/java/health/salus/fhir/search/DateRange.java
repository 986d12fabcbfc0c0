package health.salus.fhir.search;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * A date or time as the inclusive range of milliseconds it covers: "2020" covers the whole year,
 * "2020-03-01" the whole day. Searching compares ranges, as the FHIR search prefixes are defined.
 */
public record DateRange(long lowMs, long highMs) {

    public static final long MIN = -62135596800000L; // 0001-01-01
    public static final long MAX = 253402300799999L; // 9999-12-31T23:59:59.999

    public static DateRange of(BaseDateTimeType value) {
        Date start = value.getValue();
        TemporalPrecisionEnum precision = value.getPrecision();
        // dates without a time are local dates; index them in UTC so that search values match alike
        TimeZone zone = value.getTimeZone() != null && precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()
                ? value.getTimeZone() : TimeZone.getTimeZone(ZoneOffset.UTC);
        Calendar calendar = new GregorianCalendar(zone);
        if (precision.ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            calendar.clear();
            calendar.set(value.getYear(), precision == TemporalPrecisionEnum.YEAR ? 0 : value.getMonth(),
                    precision == TemporalPrecisionEnum.DAY ? value.getDay() : 1);
        } else {
            calendar.setTime(start);
        }
        long low = calendar.getTimeInMillis();
        Calendar end = (Calendar) calendar.clone();
        switch (precision) {
            case YEAR -> end.add(Calendar.YEAR, 1);
            case MONTH -> end.add(Calendar.MONTH, 1);
            case DAY -> end.add(Calendar.DAY_OF_MONTH, 1);
            case MINUTE -> end.add(Calendar.MINUTE, 1);
            case SECOND -> end.add(Calendar.SECOND, 1);
            case MILLI -> end.add(Calendar.MILLISECOND, 1);
        }
        return new DateRange(low, end.getTimeInMillis() - 1);
    }

    public static DateRange instant(ZonedDateTime time) {
        long ms = time.toInstant().toEpochMilli();
        return new DateRange(ms, ms);
    }

    public DateRange union(DateRange other) {
        return new DateRange(Math.min(lowMs, other.lowMs), Math.max(highMs, other.highMs));
    }
}
