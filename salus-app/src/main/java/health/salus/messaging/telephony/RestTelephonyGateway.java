package health.salus.messaging.telephony;

import health.salus.messaging.Channel;
import health.salus.messaging.delivery.HandOverFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Twilio-style REST gateway: {@code POST {base}/Accounts/{account}/Messages.json} (To, From, Body) for
 * SMS and {@code .../Calls.json} (To, From, Twiml) for voice, HTTP basic with account and token, the
 * created resource's {@code sid} in the JSON answer. 4xx other than 429 are permanent (a bad number,
 * bad credentials), everything else is worth another try.
 */
public final class RestTelephonyGateway implements TelephonyGateway {

    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]{1,64})\"");

    private final URI baseUrl;
    private final String account;
    private final String authorization;
    private final String fromNumber;
    private final Duration timeout;
    private final HttpClient client;

    public RestTelephonyGateway(String baseUrl, String account, String token, String fromNumber, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.account = account;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((account + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        this.fromNumber = fromNumber;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String send(Channel channel, String toNumber, String text) throws HandOverFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", toNumber);
        form.put("From", fromNumber);
        String resource;
        if (channel == Channel.VOICE) {
            resource = "Calls.json";
            form.put("Twiml", "<Response><Say>" + xml(text) + "</Say></Response>");
        } else if (channel == Channel.SMS) {
            resource = "Messages.json";
            form.put("Body", text);
        } else {
            throw new HandOverFailure("gateway-unsupported-channel", true);
        }
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("Accounts/" + enc(account) + "/" + resource))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HandOverFailure("gateway-unreachable", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandOverFailure("gateway-interrupted", false);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean permanent = status / 100 == 4 && status != 429 && status != 408;
            throw new HandOverFailure("gateway-http-" + status, permanent);
        }
        Matcher sid = SID.matcher(response.body());
        if (!sid.find()) {
            throw new HandOverFailure("gateway-bad-response", false);
        }
        return sid.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
