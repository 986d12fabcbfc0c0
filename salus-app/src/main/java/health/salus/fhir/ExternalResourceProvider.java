package health.salus.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * A resource type another module serves at {@code /fhir/<type>} from its own data instead of the
 * resource store (the audit trail's AuditEvent view). A Spring bean of this type replaces the generic
 * provider for its type; the store then keeps no resources of that type and refuses to read or write
 * them (transactions included), so system history and {@code $everything} cannot show a second copy.
 */
public interface ExternalResourceProvider extends IResourceProvider {

    /** This type's entry of the CapabilityStatement: exactly the interactions and search parameters it answers. */
    CapabilityStatementRestResourceComponent capability();

    /** A search answer with {@code _offset} paging links like the rest of {@code /fhir}: any node serves any page. */
    static IBundleProvider page(SearchPage page) {
        return health.salus.fhir.rest.PageBundleProvider.of(page);
    }
}
