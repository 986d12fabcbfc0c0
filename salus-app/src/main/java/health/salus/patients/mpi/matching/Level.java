package health.salus.patients.mpi.matching;

import java.util.Locale;

/**
 * How far two values of a field agree. Not every field uses every level: names use {@code NICKNAME},
 * {@code TYPO}, {@code PHONETIC} and {@code PARTIAL}; birth dates {@code TRANSPOSED}, {@code ONE_DIGIT}
 * and {@code YEAR_OFF}; e-mails and streets {@code TYPO}.
 */
public enum Level {
    AGREE,
    NICKNAME,
    TYPO,
    PHONETIC,
    PARTIAL,
    TRANSPOSED,
    ONE_DIGIT,
    YEAR_OFF,
    DISAGREE;

    /** The name used in configuration: {@code one-digit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
