package health.salus.fhir;

import java.util.Set;

/**
 * Re-seals stored bodies (current versions and history) through the {@link BodyCodec}, a batch of
 * resources at a time, so key rotation can move every body to the newest key without touching the
 * store's tables itself. Bodies whose key was destroyed stay as they are.
 */
public interface StoredBodies {

    /**
     * Re-seals the resources whose row id is greater than {@code afterRowId}, at most {@code batchSize}
     * of them with all their versions. Call again with {@link ResealProgress#lastRowId()} until finished.
     */
    ResealProgress reseal(long afterRowId, int batchSize);

    /** How many resources (current rows) the store holds: the total a full re-seal walks through. */
    long resourceCount();

    /** Every key id some stored body (current or history) is sealed with. */
    Set<String> keyIdsInUse();

    /**
     * @param resources resources (current rows) walked in this batch
     * @param bodies bodies re-sealed, history versions included
     * @param finished whether no resource is left after {@code lastRowId}
     */
    record ResealProgress(long lastRowId, int resources, int bodies, boolean finished) {
    }
}
