package health.salus.fhir.rest;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Paging parameters read from a request, refused with a 400 when they are not whole numbers. */
final class RequestParams {

    private RequestParams() {
    }

    static int wholeNumber(RequestDetails request, String name, int fallback) {
        String[] values = request.getParameters().get(name);
        if (values == null || values.length == 0) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values[0]);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("The parameter '" + name + "' takes a whole number of 0 or more");
        }
    }
}
