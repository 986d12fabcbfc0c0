package health.salus.security.credential;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * QR codes as inline SVG, for the authenticator enrolment page: no image endpoint that would have
 * to be protected and kept out of caches, since the code carries the TOTP secret.
 */
@Component
public class QrCodes {

    /** The four-module light border the QR specification requires for reliable scanning. */
    static final int QUIET_ZONE = 4;
    /** Default rendered size per module; a page's CSS may override the width and height. */
    static final int PIXELS_PER_MODULE = 5;

    /**
     * @param text what the code encodes; never echoed in errors, since it may hold a secret
     * @param ariaLabel what a screen reader says instead of the image
     */
    public String svg(String text, String ariaLabel) {
        BitMatrix matrix = encode(text);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\""
                + " width=\"" + width * PIXELS_PER_MODULE + "\" height=\"" + height * PIXELS_PER_MODULE + "\""
                + " role=\"img\" aria-label=\"" + escapeAttribute(ariaLabel) + "\" shape-rendering=\"crispEdges\">"
                // an explicit light background keeps the code scannable on a dark page theme
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + darkModules(matrix) + "\"/></svg>";
    }

    private static BitMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        // M restores up to 15% damage, a good balance of density and robustness for a screen
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            // only when needed: the hint adds an ECI header that a few older scanners mishandle
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // size 0: one matrix cell per module; scaling is left to the SVG viewBox
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit in a QR code", e);
        }
    }

    /** Each horizontal run of dark modules as one rectangle: a much shorter path than one per module. */
    private static String darkModules(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return path.toString();
    }

    private static String escapeAttribute(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
