package health.salus.security.support;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a value for the rest of the current HTTP request (and nothing beyond it), so the
 * subject and its policy answer are worked out once per request however often the store asks.
 * Outside a request (jobs, start-up) it simply computes.
 */
public final class RequestMemo {

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> compute) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return compute.get();
        }
        String name = RequestMemo.class.getName() + "." + key;
        Object memo = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (memo != null) {
            return (T) memo;
        }
        T value = compute.get();
        if (value != null) {
            request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }
}
