package health.salus.fhir.search;

import java.math.BigDecimal;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/** Turns the values a FHIRPath expression yields into index rows of the parameter's kind. */
final class ValueConverter {

    private final IndexRows rows;

    ValueConverter(IndexRows rows) {
        this.rows = rows;
    }

    void add(IndexedParam param, IBase value) {
        switch (param.kind()) {
            case STRING -> string(param.name(), value);
            case TOKEN -> token(param.name(), value);
            case DATE -> date(param.name(), value);
            case NUMBER -> number(param.name(), value);
            case QUANTITY -> quantity(param.name(), value);
            case REFERENCE -> reference(param.name(), value);
            case URI -> uri(param.name(), value);
            default -> {
                // other kinds are not registered
            }
        }
    }

    private void string(String param, IBase value) {
        if (value instanceof HumanName name) {
            name.getGiven().forEach(given -> addString(param, given.getValue()));
            addString(param, name.getFamily());
            name.getPrefix().forEach(prefix -> addString(param, prefix.getValue()));
            name.getSuffix().forEach(suffix -> addString(param, suffix.getValue()));
            addString(param, name.getText());
        } else if (value instanceof Address address) {
            address.getLine().forEach(line -> addString(param, line.getValue()));
            addString(param, address.getCity());
            addString(param, address.getDistrict());
            addString(param, address.getState());
            addString(param, address.getPostalCode());
            addString(param, address.getCountry());
            addString(param, address.getText());
        } else if (value instanceof IPrimitiveType<?> primitive) {
            addString(param, primitive.getValueAsString());
        }
    }

    private void addString(String param, String value) {
        if (value != null && !value.isBlank()) {
            rows.strings.add(new IndexRows.StringRow(param, TextNormalizer.normalize(value),
                    TextNormalizer.truncate(value.trim())));
        }
    }

    private void token(String param, IBase value) {
        if (value instanceof CodeableConcept concept) {
            concept.getCoding().forEach(coding -> coding(param, coding, concept.getText()));
            if (concept.hasText() && !concept.hasCoding()) {
                addToken(param, null, null, concept.getText());
            }
        } else if (value instanceof Coding coding) {
            coding(param, coding, null);
        } else if (value instanceof Identifier identifier) {
            addToken(param, identifier.getSystem(), identifier.getValue(),
                    identifier.getType().hasText() ? identifier.getType().getText() : null);
        } else if (value instanceof ContactPoint contact) {
            addToken(param, contact.hasSystem() ? contact.getSystem().toCode() : null, contact.getValue(), null);
        } else if (value instanceof BooleanType bool) {
            addToken(param, null, bool.getValueAsString(), null);
        } else if (value instanceof IPrimitiveType<?> primitive) {
            addToken(param, null, primitive.getValueAsString(), null);
        }
    }

    private void coding(String param, Coding coding, String conceptText) {
        String text = coding.hasDisplay() ? coding.getDisplay() : conceptText;
        addToken(param, coding.getSystem(), coding.getCode(), text);
    }

    private void addToken(String param, String system, String code, String text) {
        if ((code == null || code.isBlank()) && (text == null || text.isBlank())) {
            return;
        }
        rows.tokens.add(new IndexRows.TokenRow(param, system == null ? null : TextNormalizer.truncate(system),
                code == null ? null : TextNormalizer.truncate(code),
                text == null ? null : TextNormalizer.normalize(text)));
    }

    private void date(String param, IBase value) {
        if (value instanceof BaseDateTimeType dateTime && dateTime.getValue() != null) {
            addDate(param, DateRange.of(dateTime));
        } else if (value instanceof Period period) {
            long low = period.hasStart() ? DateRange.of(period.getStartElement()).lowMs() : DateRange.MIN;
            long high = period.hasEnd() ? DateRange.of(period.getEndElement()).highMs() : DateRange.MAX;
            if (period.hasStart() || period.hasEnd()) {
                addDate(param, new DateRange(low, high));
            }
        } else if (value instanceof Timing timing) {
            timing.getEvent().stream().filter(event -> event.getValue() != null)
                    .forEach(event -> addDate(param, DateRange.of(event)));
            if (timing.getRepeat().hasBoundsPeriod()) {
                date(param, timing.getRepeat().getBoundsPeriod());
            }
        }
    }

    private void addDate(String param, DateRange range) {
        rows.dates.add(new IndexRows.DateRow(param, range.lowMs(), range.highMs()));
    }

    private void number(String param, IBase value) {
        if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            rows.numbers.add(new IndexRows.NumberRow(param, decimal.getValue()));
        } else if (value instanceof IntegerType integer && integer.getValue() != null) {
            rows.numbers.add(new IndexRows.NumberRow(param, BigDecimal.valueOf(integer.getValue())));
        }
    }

    private void quantity(String param, IBase value) {
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            String code = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
            rows.quantities.add(new IndexRows.QuantityRow(param, quantity.getValue(), truncated(quantity.getSystem()),
                    truncated(code)));
        } else if (value instanceof Money money && money.hasValue()) {
            rows.quantities.add(new IndexRows.QuantityRow(param, money.getValue(), "urn:iso:std:iso:4217",
                    money.getCurrency()));
        } else if (value instanceof Range range) {
            quantity(param, range.getLow());
            quantity(param, range.getHigh());
        }
    }

    private static String truncated(String value) {
        return value == null ? null : TextNormalizer.truncate(value);
    }

    private void reference(String param, IBase value) {
        if (value instanceof Reference reference) {
            // the reference text is what gets stored; a linked resource object can be stale (in a bundle the
            // parser links entries whose ids are still urn:uuid until they are written), so it only fills in
            if (reference.hasReference()) {
                String text = reference.getReference();
                if (text.contains("://")) {
                    // a resource on another server: matched by its full URL, never taken for a local one
                    addReference(param, null, text);
                } else if (!text.startsWith("#")) {
                    ReferenceTarget.parse(text).ifPresent(t -> addReference(param, t.type(), t.id()));
                }
            } else if (reference.getResource() instanceof Resource target && target.getIdElement().hasIdPart()
                    && !target.getIdElement().isLocal()) {
                addReference(param, target.fhirType(), target.getIdElement().getIdPart());
            }
        } else if (value instanceof IPrimitiveType<?> canonical && canonical.getValueAsString() != null) {
            // canonical and uri references are matched by their full URL
            addReference(param, null, canonical.getValueAsString());
        }
    }

    private void addReference(String param, String type, String id) {
        rows.references.add(new IndexRows.ReferenceRow(param, type, TextNormalizer.truncate(id)));
    }

    private void uri(String param, IBase value) {
        if (value instanceof IPrimitiveType<?> uri && uri.getValueAsString() != null) {
            String text = uri.getValueAsString();
            rows.uris.add(new IndexRows.UriRow(param, text.length() > 512 ? text.substring(0, 512) : text));
        } else if (value instanceof StringType string && string.getValue() != null) {
            rows.uris.add(new IndexRows.UriRow(param, string.getValue()));
        }
    }
}
