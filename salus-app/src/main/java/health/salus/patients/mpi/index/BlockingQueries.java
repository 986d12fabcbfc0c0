package health.salus.patients.mpi.index;

import health.salus.patients.mpi.matching.Names;
import health.salus.patients.mpi.matching.Nicknames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * The blocking passes: FHIR searches that each catch a kind of duplicate the others miss, all answered
 * by the store's keyed-hash indexes. Sound of the family name with the birth date (typos in the name;
 * {@code phonetic} matches any name part, so swapped names too); the birth date with the first letters
 * of the given name (a changed or misspelt surname); sound of both names (a wrong birth date); the
 * phone, the e-mail and each non-MRN identifier (a new name, say after marriage).
 */
final class BlockingQueries {

    private static final int GIVEN_PREFIX = 2;
    private static final int MAX_CONTACTS = 3;

    private static final int MAX_NICKNAME_PREFIXES = 4;

    private final int limit;
    private final Nicknames nicknames;

    BlockingQueries(int limit, Nicknames nicknames) {
        this.limit = limit;
        this.nicknames = nicknames;
    }

    int limit() {
        return limit;
    }

    List<Map<String, List<String>>> queries(Patient patient) {
        List<Map<String, List<String>>> queries = new ArrayList<>();
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        String family = name.hasFamily() ? name.getFamily().strip() : "";
        String given = name.hasGiven() ? name.getGiven().get(0).getValue() : null;
        given = given == null ? "" : given.strip();
        String birthDate = patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : "";
        if (!family.isEmpty() && !birthDate.isEmpty()) {
            queries.add(query("phonetic", family, "birthdate", birthDate));
        }
        if (given.length() >= GIVEN_PREFIX && !birthDate.isEmpty()) {
            queries.add(query("given", given.substring(0, GIVEN_PREFIX), "birthdate", birthDate));
            // "Liz" for "Elizabeth": a nickname shares no first letters with the formal name, so the birth
            // date is also asked with the first letters of the name's other forms
            String own = Names.fold(given.substring(0, GIVEN_PREFIX));
            nicknames.equivalentsOf(Names.fold(given)).stream().filter(n -> n.length() >= GIVEN_PREFIX)
                    .map(n -> n.substring(0, GIVEN_PREFIX)).filter(prefix -> !prefix.equals(own)).distinct()
                    .limit(MAX_NICKNAME_PREFIXES)
                    .forEach(prefix -> queries.add(query("given", prefix, "birthdate", birthDate)));
        }
        if (!family.isEmpty() && !given.isEmpty()) {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            byName.put("phonetic", List.of(family, given));
            byName.put("_count", List.of(String.valueOf(limit)));
            queries.add(byName);
        }
        patient.getTelecom().stream().filter(ContactPoint::hasValue)
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE
                        || t.getSystem() == ContactPoint.ContactPointSystem.SMS)
                .limit(MAX_CONTACTS).forEach(t -> queries.add(query("phone", t.getValue())));
        patient.getTelecom().stream().filter(ContactPoint::hasValue)
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL)
                .limit(MAX_CONTACTS).forEach(t -> queries.add(query("email", t.getValue())));
        for (Identifier identifier : patient.getIdentifier()) {
            boolean recordNumber = identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
            if (identifier.hasSystem() && identifier.hasValue() && !recordNumber
                    && !identifier.getValue().contains(",") && !identifier.getValue().contains("|")) {
                queries.add(query("identifier", identifier.getSystem() + "|" + identifier.getValue()));
            }
        }
        return queries;
    }

    private Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            // commas mean OR in FHIR search: a value holding one is searched for its first part only
            String value = pairs[i + 1];
            query.put(pairs[i], List.of(value.contains(",") ? value.substring(0, value.indexOf(',')) : value));
        }
        query.put("_count", List.of(String.valueOf(limit)));
        return query;
    }
}
