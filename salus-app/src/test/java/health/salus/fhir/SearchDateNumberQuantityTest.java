package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

/**
 * Date search with every prefix and every precision (on {@code Patient.birthDate} and on
 * {@code Observation.effective[x]} as dateTime and Period), number search and quantity search, and
 * {@code _lastUpdated}.
 */
class SearchDateNumberQuantityTest extends FhirApiTest {

    private static final String UCUM = "http://unitsofmeasure.org";

    private List<String> find(String query) {
        return matchIds(search(query));
    }

    private String patient(String family, String birthDate) {
        Patient patient = new Patient();
        patient.addName().setFamily(family);
        patient.setBirthDateElement(new DateType(birthDate));
        return create(patient).getIdElement().getIdPart();
    }

    @Test
    void birthdateWithEveryPrefix() {
        String family = unique();
        String early = patient(family, "1960-03-03");
        String mid = patient(family, "1980-05-12");
        String late = patient(family, "2001-09-09");
        String scope = "Patient?family=" + family + "&birthdate=";

        assertThat(find(scope + "1980-05-12")).containsExactly(mid);
        assertThat(find(scope + "eq1980-05-12")).containsExactly(mid);
        assertThat(find(scope + "ne1980-05-12")).containsExactlyInAnyOrder(early, late);
        assertThat(find(scope + "lt1980-05-12")).containsExactly(early);
        assertThat(find(scope + "le1980-05-12")).containsExactlyInAnyOrder(early, mid);
        assertThat(find(scope + "gt1980-05-12")).containsExactly(late);
        assertThat(find(scope + "ge1980-05-12")).containsExactlyInAnyOrder(mid, late);
        assertThat(find(scope + "sa1980-05-12")).containsExactly(late);
        assertThat(find(scope + "eb1980-05-12")).containsExactly(early);
        assertThat(find(scope + "ap1980-05-12")).containsExactly(mid);
        assertThat(find(scope + "gt1960-03-03&birthdate=lt2001-09-09")).containsExactly(mid);
    }

    @Test
    void birthdatePrecisionCoversTheWholeYearMonthOrDay() {
        String family = unique();
        String may12 = patient(family, "1980-05-12");
        String may30 = patient(family, "1980-05-30");
        String december = patient(family, "1980-12-01");
        patient(family, "1981-01-01");
        String scope = "Patient?family=" + family + "&birthdate=";

        assertThat(find(scope + "1980")).containsExactlyInAnyOrder(may12, may30, december);
        assertThat(find(scope + "1980-05")).containsExactlyInAnyOrder(may12, may30);
        assertThat(find(scope + "1980-05-12")).containsExactly(may12);
        assertThat(find(scope + "1980-05-13")).isEmpty();
        assertThat(find(scope + "gt1980-05")).containsExactlyInAnyOrder(december, find(scope + "1981").get(0));
        assertThat(find(scope + "lt1980")).isEmpty();
    }

    @Test
    void aPartialBirthDateIsMatchedByTheRangeItCovers() {
        String family = unique();
        String yearOnly = patient(family, "1975");
        String scope = "Patient?family=" + family + "&birthdate=";

        assertThat(find(scope + "1975")).containsExactly(yearOnly);
        assertThat(find(scope + "1975-06-01")).isEmpty();
        assertThat(find(scope + "le1975-06-01")).containsExactly(yearOnly);
        assertThat(find(scope + "ge1975-06-01")).containsExactly(yearOnly);
        assertThat(find(scope + "sa1974-12-31")).containsExactly(yearOnly);
    }

    private String observation(String code, Type effective) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().addCoding()
                .setSystem("urn:salus-test").setCode(code);
        observation.setEffective(effective);
        return create(observation).getIdElement().getIdPart();
    }

    @Test
    void observationDateOverDateTimesAndPeriods() {
        String code = unique();
        String june15 = observation(code, new DateTimeType("2021-06-15T10:30:00Z"));
        String july = observation(code, new Period().setStartElement(new DateTimeType("2021-07-01"))
                .setEndElement(new DateTimeType("2021-07-31")));
        String august20 = observation(code, new DateTimeType("2021-08-20T08:00:00Z"));
        String scope = "Observation?code=" + FhirHttp.q("urn:salus-test|" + code) + "&date=";

        assertThat(find(scope + "2021")).containsExactlyInAnyOrder(june15, july, august20);
        assertThat(find(scope + "2021-06-15")).containsExactly(june15);
        assertThat(find(scope + "2021-07")).containsExactly(july);
        assertThat(find(scope + "2021-07-15")).as("a day does not contain the whole period").isEmpty();
        assertThat(find(scope + "ne2021-07")).containsExactlyInAnyOrder(june15, august20);
        assertThat(find(scope + "gt2021-07-15")).containsExactlyInAnyOrder(july, august20);
        assertThat(find(scope + "lt2021-07-15")).containsExactlyInAnyOrder(june15, july);
        assertThat(find(scope + "ge2021-07-01")).containsExactlyInAnyOrder(july, august20);
        assertThat(find(scope + "le2021-07-01")).containsExactlyInAnyOrder(june15, july);
        assertThat(find(scope + "sa2021-06-30")).containsExactlyInAnyOrder(july, august20);
        assertThat(find(scope + "eb2021-08-01")).containsExactlyInAnyOrder(june15, july);
        assertThat(find(scope + "2021-06-15T10:30:00Z")).containsExactly(june15);
        assertThat(find(scope + FhirHttp.q("2021-06-15T12:30:00+02:00"))).containsExactly(june15);
        assertThat(find(scope + "gt2021-06-15T10:30:00Z")).containsExactlyInAnyOrder(july, august20);
    }

    @Test
    void anOpenEndedPeriodReachesIntoTheFuture() {
        String code = unique();
        String ongoing = observation(code, new Period().setStartElement(new DateTimeType("2022-02-01")));
        String scope = "Observation?code=" + FhirHttp.q("urn:salus-test|" + code) + "&date=";

        assertThat(find(scope + "gt2090-01-01")).containsExactly(ongoing);
        assertThat(find(scope + "lt2022-01-01")).isEmpty();
        assertThat(find(scope + "2022")).isEmpty();
    }

    @Test
    void approximateDatesMatchNearbyValuesOnly() {
        String code = unique();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String recent = observation(code, new DateTimeType(today.minusDays(10).toString()));
        observation(code, new DateTimeType(today.minusDays(60).toString()));
        String scope = "Observation?code=" + FhirHttp.q("urn:salus-test|" + code) + "&date=";

        assertThat(find(scope + "ap" + today.minusDays(11))).containsExactly(recent);

        String periodCode = unique();
        String stay = observation(periodCode, new Period()
                .setStartElement(new DateTimeType(today.minusDays(40).toString()))
                .setEndElement(new DateTimeType(today.minusDays(30).toString())));
        observation(periodCode, new Period().setStartElement(new DateTimeType(today.minusDays(200).toString()))
                .setEndElement(new DateTimeType(today.minusDays(190).toString())));
        assertThat(find("Observation?code=" + FhirHttp.q("urn:salus-test|" + periodCode) + "&date=ap"
                + today.minusDays(35))).containsExactly(stay);
    }

    private String risk(String subject, String probability) {
        RiskAssessment risk = new RiskAssessment();
        risk.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL).getSubject().setReference(subject);
        risk.addPrediction().setProbability(new DecimalType(probability));
        return create(risk).getIdElement().getIdPart();
    }

    @Test
    void numberSearchWithPrefixes() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        String subject = "Patient/" + create(patient).getIdElement().getIdPart();
        String low = risk(subject, "0.2");
        String mid = risk(subject, "0.55");
        String high = risk(subject, "0.8");
        String scope = "RiskAssessment?subject=" + subject + "&probability=";

        assertThat(find(scope + "0.55")).containsExactly(mid);
        assertThat(find(scope + "eq0.55")).containsExactly(mid);
        assertThat(find(scope + "0.56")).isEmpty();
        assertThat(find(scope + "ne0.55")).containsExactlyInAnyOrder(low, high);
        assertThat(find(scope + "gt0.5")).containsExactlyInAnyOrder(mid, high);
        assertThat(find(scope + "ge0.55")).containsExactlyInAnyOrder(mid, high);
        assertThat(find(scope + "lt0.5")).containsExactly(low);
        assertThat(find(scope + "le0.55")).containsExactlyInAnyOrder(low, mid);
        assertThat(find(scope + "ap0.8")).containsExactly(high);
        assertThat(find(scope + "0.2,0.8")).containsExactlyInAnyOrder(low, high);
        assertThat(find(scope + "gt0.1&probability=lt0.6")).containsExactlyInAnyOrder(low, mid);
    }

    private String weighed(String code, String value, String system, String unitCode, String unit) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().addCoding()
                .setSystem("urn:salus-test").setCode(code);
        Quantity quantity = new Quantity().setValue(new BigDecimal(value)).setUnit(unit);
        if (system != null) {
            quantity.setSystem(system).setCode(unitCode);
        }
        observation.setValue(quantity);
        return create(observation).getIdElement().getIdPart();
    }

    @Test
    void quantitySearchWithAndWithoutSystemAndCode() {
        String code = unique();
        String five = weighed(code, "5.0", UCUM, "mg", "mg");
        String fiveAndAHalf = weighed(code, "5.5", UCUM, "mg", "mg");
        String sixGrams = weighed(code, "6.0", UCUM, "g", "g");
        String sevenUnitOnly = weighed(code, "7", null, null, "mg");
        String scope = "Observation?code=" + FhirHttp.q("urn:salus-test|" + code) + "&value-quantity=";

        assertThat(find(scope + FhirHttp.q("gt5.4|" + UCUM + "|mg"))).containsExactly(fiveAndAHalf);
        assertThat(find(scope + "gt5.4")).containsExactlyInAnyOrder(fiveAndAHalf, sixGrams, sevenUnitOnly);
        assertThat(find(scope + FhirHttp.q("gt5.4||mg"))).containsExactlyInAnyOrder(fiveAndAHalf, sevenUnitOnly);
        assertThat(find(scope + FhirHttp.q("lt6|" + UCUM + "|"))).containsExactlyInAnyOrder(five, fiveAndAHalf);
        assertThat(find(scope + "5.5")).containsExactly(fiveAndAHalf);
        assertThat(find(scope + FhirHttp.q("5|" + UCUM + "|mg"))).containsExactly(five);
        assertThat(find(scope + FhirHttp.q("le6.0|" + UCUM + "|g"))).containsExactly(sixGrams);
    }

    @Test
    void lastUpdatedWithPrefixes() throws InterruptedException {
        String family = unique();
        Patient first = new Patient();
        first.addName().setFamily(family);
        Patient a = create(first);
        Thread.sleep(20);
        Patient second = new Patient();
        second.addName().setFamily(family);
        Patient b = create(second);
        String aId = a.getIdElement().getIdPart();
        String bId = b.getIdElement().getIdPart();
        Instant aTime = a.getMeta().getLastUpdated().toInstant();
        String at = FhirHttp.q(a.getMeta().getLastUpdatedElement().getValueAsString());
        String scope = "Patient?family=" + family + "&_lastUpdated=";

        assertThat(find(scope + at)).containsExactly(aId);
        assertThat(find(scope + "gt" + at)).containsExactly(bId);
        assertThat(find(scope + "ge" + at)).containsExactlyInAnyOrder(aId, bId);
        assertThat(find(scope + "lt" + FhirHttp.q(b.getMeta().getLastUpdatedElement().getValueAsString())))
                .containsExactly(aId);
        assertThat(find(scope + "le" + at)).containsExactly(aId);
        assertThat(find(scope + "ne" + at)).containsExactly(bId);
        assertThat(find(scope + "sa" + at)).containsExactly(bId);
        assertThat(find(scope + "eb" + FhirHttp.q(b.getMeta().getLastUpdatedElement().getValueAsString())))
                .containsExactly(aId);
        assertThat(find(scope + "ge" + aTime.minus(1, ChronoUnit.DAYS).toString().substring(0, 10)))
                .containsExactlyInAnyOrder(aId, bId);
        assertThat(find(scope + "lt" + aTime.minus(1, ChronoUnit.DAYS).toString().substring(0, 10))).isEmpty();
    }
}
