package health.salus.fhir;

/**
 * Turns an identifying search value (a name, phone, identifier …) into what the index stores, and a
 * search value into what is looked up. The default keeps values as they are; a keyed hash can take
 * its place so indexes hold no plaintext identifiers.
 */
public interface IndexValueTransform {

    /** Whether values of this parameter identify a person and so go through {@link #transform}. */
    boolean isIdentifying(String resourceType, String parameter);

    String transform(String resourceType, String parameter, String normalizedValue);
}
