package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrCodesTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String URI = "otpauth://totp/Salus%20Clinic:alice%40example.org"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Salus%20Clinic&algorithm=SHA1&digits=6&period=30";
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    private final QrCodes qrCodes = new QrCodes();

    @Test
    void theSvgIsWellFormedAccessibleAndHasOnePath() throws Exception {
        Document svg = parse(qrCodes.svg(URI, "Scan with \"your\" app & <go>"));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Scan with \"your\" app & <go>");
        assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength()).isEqualTo(1);
    }

    @Test
    void thePathDecodesBackToTheTextAtLevelM() throws Exception {
        Result decoded = decode(modules(qrCodes.svg(URI, "QR code")));

        assertThat(decoded.getText()).isEqualTo(URI);
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
    }

    @Test
    void nonAsciiTextSurvivesTheRoundTrip() throws Exception {
        String text = "Clínica Ærø 診療所";

        assertThat(decode(modules(qrCodes.svg(text, "QR code"))).getText()).isEqualTo(text);
    }

    @Test
    void aQuietZoneOfFourModulesSurroundsTheCode() throws Exception {
        boolean[][] grid = modules(qrCodes.svg(URI, "QR code"));
        int size = grid.length;

        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inQuietZone = x < 4 || y < 4 || x >= size - 4 || y >= size - 4;
                if (inQuietZone) {
                    assertThat(grid[y][x]).as("module %d,%d", x, y).isFalse();
                }
            }
        }
        // the finder pattern's corner sits right inside the quiet zone
        assertThat(grid[4][4]).isTrue();
    }

    @Test
    void textTooLongForAQrCodeIsRefusedWithoutEchoingIt() {
        String tooLong = "secret-".repeat(1000);

        assertThatThrownBy(() -> qrCodes.svg(tooLong, "QR code"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret-");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** Rebuilds the module grid from the SVG itself, so the test checks what a browser would draw. */
    private static boolean[][] modules(String svg) throws Exception {
        Element root = parse(svg).getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        int width = Integer.parseInt(viewBox[2]);
        int height = Integer.parseInt(viewBox[3]);
        assertThat(width).isEqualTo(height);
        boolean[][] grid = new boolean[height][width];
        String d = ((Element) root.getElementsByTagNameNS(SVG_NS, "path").item(0)).getAttribute("d");
        Matcher run = RUN.matcher(d);
        int consumed = 0;
        while (run.find()) {
            assertThat(run.start()).as("path is only runs").isEqualTo(consumed);
            consumed = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                grid[y][x + i] = true;
            }
        }
        assertThat(consumed).isEqualTo(d.length());
        return grid;
    }

    private static Result decode(boolean[][] grid) throws Exception {
        int scale = 4;
        int size = grid.length * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = grid[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }
}
