/**
 * Encryption at rest: the key hierarchy (a key-encryption key from a KMS port wraps one data key per
 * patient and one for the organisation), AES-256-GCM sealing of resource bodies and other patient
 * data, keyed hashes that let search find identifying values without storing them, key rotation and
 * crypto-shredding. It plugs into the FHIR store through {@code BodyCodec} and
 * {@code IndexValueTransform}; other modules never see a key.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package health.salus.crypto;
