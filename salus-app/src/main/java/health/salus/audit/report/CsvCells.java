package health.salus.audit.report;

/**
 * One CSV cell, RFC 4180 style, safe to open in a spreadsheet: a cell that starts like a formula
 * ({@code = + - @}, or a tab or carriage return that some programs skip) gets a leading apostrophe
 * (OWASP's advice on CSV injection); a cell holding a quote, comma or line break is quoted, with
 * quotes doubled.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
