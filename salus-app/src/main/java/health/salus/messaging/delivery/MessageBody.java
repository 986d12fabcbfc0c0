package health.salus.messaging.delivery;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plaintext forms that are sealed before they are stored: a rendered message (subject and text)
 * and a request's variables. Kept trivially simple, since only this module ever opens them.
 */
public record MessageBody(Optional<String> subject, String text) {

    private static final char SEPARATOR = '\u0000';

    public byte[] bytes() {
        return (subject.orElse("") + SEPARATOR + text).getBytes(StandardCharsets.UTF_8);
    }

    public static MessageBody of(byte[] bytes) {
        String both = new String(bytes, StandardCharsets.UTF_8);
        int cut = both.indexOf(SEPARATOR);
        String subject = both.substring(0, cut);
        return new MessageBody(subject.isEmpty() ? Optional.empty() : Optional.of(subject), both.substring(cut + 1));
    }

    static byte[] variables(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> variables(byte[] bytes) {
        Map<String, String> variables = new LinkedHashMap<>();
        String form = new String(bytes, StandardCharsets.UTF_8);
        for (String pair : form.isEmpty() ? new String[0] : form.split("&")) {
            int eq = pair.indexOf('=');
            variables.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return variables;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
