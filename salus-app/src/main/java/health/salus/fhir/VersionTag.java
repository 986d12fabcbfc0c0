package health.salus.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Reads the version out of an ETag such as {@code W/"3"}, as If-Match headers and bundle entries carry it. */
public final class VersionTag {

    private VersionTag() {
    }

    public static long parse(String etag) {
        String digits = etag.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("A version must be a whole number, as in W/\"3\"");
        }
    }
}
