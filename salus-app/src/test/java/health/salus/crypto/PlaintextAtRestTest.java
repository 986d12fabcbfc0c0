package health.salus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.DemoCredentials;
import health.salus.support.FhirApiTest;
import health.salus.support.TestProfiles;
import health.salus.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The promise of the index design, checked the blunt way: load a small demo clinic with the demo
 * loader, use it (a clinical note, API tokens, searches by name and phone), then read every row of
 * every table of the application's schema and find none of the demo patients' names, phone numbers,
 * e-mail addresses, street lines, identifiers or note text — in text columns, in binary columns read
 * as UTF-8, or hidden in a hex or base64 encoding.
 *
 * <p>Runs on a database of its own (one more application context), so that other tests' fixtures,
 * such as an organisation that happens to share a word with a patient's name, cannot make it fail or
 * pass. Numeric, date and boolean columns are not read: none of the values sought fits in one, and
 * epoch milliseconds would contain any five-digit number by chance.
 */
@TestPropertySource(properties = {"salus.demo.enabled=true", "salus.demo.patients=6", "salus.demo.seed=6"})
class PlaintextAtRestTest extends FhirApiTest {

    private static final String NOTE = "Reports dizziness on the stairs since the fall in October; daughter "
            + "to stay with her over the holidays";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){8,}");
    /** what cannot be part of readable text: undecodable bytes and control characters */
    private static final Pattern TEXT_BREAK = Pattern.compile("[\\x{FFFD}\\p{Cc}&&[^\\t\\n\\r]]+");
    private static final int MIN_TEXT_RUN = 12;

    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        if (TestProfiles.onPostgres()) {
            String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL",
                    "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=salus_test");
            String schema = url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1") + "_at_rest";
            registry.add("spring.datasource.url", () -> url.replaceAll("currentSchema=[A-Za-z0-9_]+",
                    "currentSchema=" + schema));
            registry.add("spring.flyway.schemas", () -> schema);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:salus-at-rest;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void noTableHoldsADemoPatientsIdentifiersOrNoteText() throws SQLException {
        List<Patient> patients = demoPatients();
        assertThat(patients).as("the demo clinic loaded").hasSizeGreaterThanOrEqualTo(6);
        useTheClinic(patients.get(0));

        Map<String, String> sought = soughtValues(patients);
        Set<String> findings = new TreeSet<>();
        List<String> scanned = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                scanned.add(table);
                scan(connection, table, sought, findings);
            }
        }

        assertThat(scanned).as("tables read").contains("fhir_resource", "fhir_idx_string", "fhir_idx_token",
                "security_account", "oauth2_authorization", "spring_session_attributes");
        assertThat(findings).as("columns holding a demo patient's identifying values in plaintext").isEmpty();
    }

    /**
     * The dump must be able to see a value where one is: a scratch table holding a demo patient's values
     * as text, as UTF-8 JSON in a binary column, hex-encoded and base64-encoded is found in every column.
     */
    @Test
    void theScanFindsValuesWhereTheyAre() throws SQLException {
        Patient patient = demoPatients().get(0);
        Map<String, String> sought = soughtValues(List.of(patient));
        String family = patient.getNameFirstRep().getFamily();
        byte[] json = ("{\"family\":\"" + family + "\"}").getBytes(StandardCharsets.UTF_8);
        Set<String> findings = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("create table scan_canary (plain varchar(200), raw bytea, hex varchar(400), "
                        + "b64 varchar(400))");
            }
            try {
                try (var insert = connection.prepareStatement("insert into scan_canary values (?, ?, ?, ?)")) {
                    insert.setString(1, "note: " + family);
                    insert.setBytes(2, json);
                    insert.setString(3, HexFormat.of().formatHex(json));
                    insert.setString(4, Base64.getEncoder().encodeToString(json));
                    insert.executeUpdate();
                }
                scan(connection, "scan_canary", sought, findings);
            } finally {
                try (var statement = connection.createStatement()) {
                    statement.execute("drop table scan_canary");
                }
            }
        }

        assertThat(findings).contains("scan_canary.plain: family name", "scan_canary.raw: family name",
                "scan_canary.hex: family name", "scan_canary.b64: family name");
    }

    private List<Patient> demoPatients() {
        Bundle bundle = search("Patient?_count=100");
        return bundle.getEntry().stream().map(entry -> (Patient) entry.getResource()).toList();
    }

    /** A clinical note, a demo API client's token and searches by identifying values, as a clinic would. */
    private void useTheClinic(Patient patient) {
        Condition condition = new Condition();
        condition.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
        condition.getCode().setText("Dizziness");
        condition.addNote().setText(NOTE);
        create(condition);
        String token = Tokens.clientCredentials(port, DemoCredentials.API_CLIENT_ID, DemoCredentials.API_CLIENT_SECRET,
                "system/*.rs");
        assertThat(token).isNotBlank();
        HumanName name = patient.getNameFirstRep();
        assertThat(matchIds(search("Patient?family=" + name.getFamily() + "&given=" + name.getGivenAsSingleString()
                .split(" ")[0]))).contains(patient.getIdElement().getIdPart());
        assertThat(matchIds(search("Patient?phone=" + digits(patient.getTelecomFirstRep().getValue()))))
                .contains(patient.getIdElement().getIdPart());
    }

    /** Every value sought, each with the kind of value it is (which is all a failure may name). */
    private static Map<String, String> soughtValues(List<Patient> patients) {
        Map<String, String> sought = new LinkedHashMap<>();
        for (Patient patient : patients) {
            List<HumanName> names = new ArrayList<>(patient.getName());
            patient.getContact().forEach(contact -> names.add(contact.getName()));
            for (HumanName name : names) {
                sought.put(name.getFamily(), "family name");
                name.getGiven().forEach(given -> sought.put(given.getValue(), "given name"));
                sought.put(name.getGivenAsSingleString() + " " + name.getFamily(), "full name");
            }
            for (ContactPoint telecom : patient.getTelecom()) {
                if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                    sought.put(telecom.getValue(), "e-mail address");
                } else {
                    String digits = digits(telecom.getValue());
                    sought.put(telecom.getValue(), "phone number");
                    sought.put(digits, "phone number");
                    sought.put("+1" + digits, "phone number");
                    String dashed = digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
                    sought.put(dashed, "phone number");
                    sought.put(dashed.replace('-', '.'), "phone number");
                }
            }
            patient.getAddress().forEach(address -> address.getLine().stream().map(StringType::getValue)
                    .forEach(line -> sought.put(line, "street line")));
            patient.getIdentifier().stream().map(Identifier::getValue)
                    .forEach(value -> sought.put(value, "identifier"));
        }
        sought.put(NOTE, "note text");
        sought.put(NOTE.substring(0, 40), "note text");
        sought.remove(null);
        return sought;
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private void scan(Connection connection, String table, Map<String, String> sought, Set<String> findings)
            throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    String name = table + "." + meta.getColumnName(column).toLowerCase(java.util.Locale.ROOT);
                    for (String text : readable(rs, column, meta.getColumnType(column))) {
                        PlaintextMatcher.kindsIn(text, sought).forEach(kind -> findings.add(name + ": " + kind));
                    }
                }
            }
        }
    }

    /** The column's value as text, plus what a hex or base64 encoding of it would hide. */
    private static List<String> readable(ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                return bytes == null ? List.of() : textRuns(bytes);
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.OTHER, Types.SQLXML, Types.ARRAY, Types.JAVA_OBJECT -> {
                String text = rs.getString(column);
                return text == null ? List.of() : withDecodedWords(text);
            }
            default -> {
                return List.of(); // numbers, dates, booleans: see the class comment
            }
        }
    }

    private static List<String> withDecodedWords(String text) {
        List<String> forms = new ArrayList<>(List.of(text));
        for (String word : text.split("[^A-Za-z0-9+/=_-]+")) {
            if (HEX.matcher(word).matches()) {
                forms.addAll(textRuns(HexFormat.of().parseHex(word)));
            }
            if (BASE64.matcher(word).matches()) {
                decodeBase64(word).map(PlaintextAtRestTest::textRuns).ifPresent(forms::addAll);
            }
        }
        return forms;
    }

    /**
     * The stretches of bytes that read as text. Ciphertext and hashes are random bytes, and random bytes
     * read as UTF-8 spell a given three-letter name somewhere in a few megabytes by pure chance; leaked
     * plaintext (JSON, a serialised string with its neighbours) sits in long printable runs, random bytes
     * almost never do (a run of 12 printable characters: about 1 in 150,000 positions).
     */
    private static List<String> textRuns(byte[] bytes) {
        List<String> runs = new ArrayList<>();
        for (String run : TEXT_BREAK.split(new String(bytes, StandardCharsets.UTF_8))) {
            if (run.length() >= MIN_TEXT_RUN) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static java.util.Optional<byte[]> decodeBase64(String word) {
        try {
            Base64.Decoder decoder = word.contains("-") || word.contains("_") ? Base64.getUrlDecoder()
                    : Base64.getDecoder();
            return java.util.Optional.of(decoder.decode(word));
        } catch (IllegalArgumentException notBase64) {
            return java.util.Optional.empty();
        }
    }
}
