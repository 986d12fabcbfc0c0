package health.salus.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The user's time zone: what their browser reported (the shell's script sets a cookie from
 * {@code Intl.DateTimeFormat}), else the clinic's. Pages show times in it unless a site's own zone
 * is the one that matters (a site's schedule is in the site's zone, and says so).
 */
public final class UserTimeZone {

    public static final String COOKIE = "salus_tz";

    private UserTimeZone() {
    }

    public static ZoneId of(HttpServletRequest request, ZoneId clinicZone) {
        return Optional.ofNullable(request.getCookies()).flatMap(cookies -> Arrays.stream(cookies)
                        .filter(cookie -> COOKIE.equals(cookie.getName())).findFirst())
                .map(Cookie::getValue).flatMap(UserTimeZone::parse).orElse(clinicZone);
    }

    private static Optional<ZoneId> parse(String value) {
        try {
            return Optional.of(ZoneId.of(value.replace("%2F", "/")));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
