package health.salus.patients.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registration settings ({@code salus.patients}): the MRN format and identifier system and the base of portal invitation links.
 */
@ConfigurationProperties("salus.patients")
record RegistrationProperties(Mrn mrn, String portalLinkBase) {

    RegistrationProperties {
        mrn = mrn == null ? new Mrn(null, 0, null) : mrn;
        portalLinkBase = portalLinkBase == null ? "http://localhost:8080" : portalLinkBase;
    }

    record Mrn(String prefix, int digits, String system) {
        Mrn {
            prefix = prefix == null ? "SAL" : prefix;
            digits = digits <= 0 ? 8 : digits;
            system = system == null ? "urn:oid:2.16.840.1.113883.3.9999.1" : system;
        }
    }
}
