package health.salus.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.support.SalusIntegrationTest;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CSV the officers download (from the API and the audit screen alike): RFC 4180 quoting for commas,
 * quotes and line breaks, and every cell that a spreadsheet would run as a formula defused with a
 * leading apostrophe.
 */
@SalusIntegrationTest
class AuditCsvExportTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditReportService reports;

    @Test
    void cellsWithCommasQuotesLineBreaksAndFormulaStartsComeOutQuotedAndDefused() throws Exception {
        String patient = "p" + UUID.randomUUID();
        trail.record(new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS,
                new AuditRecord.Actor("@lab", List.of("nurse", "physician"), "-proxy"), patient, "Observation",
                List.of("a", "b"), PurposeOfUse.TREATMENT,
                new AuditRecord.Origin("127.0.0.1", "Agent \"quoted\"\nsecond line", "+SUM(A1)"), "=1+1"));

        StringWriter out = new StringWriter();
        reports.writeCsv(EntryFilter.parse(Map.of("patient", patient)), out);

        String csv = out.toString();
        assertThat(csv).startsWith(AuditReportService.CSV_HEADER);
        String row = csv.substring(AuditReportService.CSV_HEADER.length());
        assertThat(row).endsWith("\r\n").contains("," + patient + ",");
        assertThat(row).contains(",'@lab,\"nurse,physician\",'-proxy,")       // formula starts, a comma inside
                .contains(",\"a,b\",TREATMENT,127.0.0.1,")                      // resource ids keep their comma
                // quotes doubled; the trail stores no control characters, so the line break never reaches the file
                .contains(",\"Agent \"\"quoted\"\"second line\",")
                .contains(",'+SUM(A1),'=1+1,");                                  // request id and detail defused
        assertThat(row.split("\r\n")).hasSize(1);
    }

    @Test
    void eachKindOfCellIsEscapedTheSameWayWhereverItAppears() {
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("plain")).isEqualTo("plain");
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(CsvCells.cell("=A1")).isEqualTo("'=A1");
        assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
        assertThat(CsvCells.cell("-1")).isEqualTo("'-1");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
    }
}
