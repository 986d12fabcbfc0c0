package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.Interaction;
import health.salus.fhir.PatientRecordMerge;
import health.salus.fhir.PatientSet;
import health.salus.fhir.Visibility;
import health.salus.fhir.WriteOutcome;
import health.salus.fhir.search.IndexWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient merge on the relational store: the caller's merge permission for both patients becomes, for
 * one transaction, an authority over the two patient compartments (and shared resources) only.
 */
@Component
class JdbcPatientRecordMerge implements PatientRecordMerge {

    private final ResourceDao dao;
    private final ResourceWriter writer;
    private final AccessChecks access;
    private final IndexWriter indexWriter;
    private final TransactionTemplate tx;

    JdbcPatientRecordMerge(ResourceDao dao, ResourceWriter writer, AccessChecks access, IndexWriter indexWriter,
            TransactionTemplate tx) {
        this.dao = dao;
        this.writer = writer;
        this.access = access;
        this.indexWriter = indexWriter;
        this.tx = tx;
    }

    @Override
    public <T> T inMerge(String survivorId, String mergedId, Function<Session, T> work) {
        Visibility merge = access.require(Interaction.MERGE, "Patient");
        for (String patientId : List.of(survivorId, mergedId)) {
            ResourceRow patient = dao.find("Patient", patientId)
                    .orElseThrow(() -> new ResourceNotFoundException(new IdType("Patient", patientId)));
            access.requireRow(merge, Interaction.MERGE, "Patient", patientId, patient.compartment());
        }
        Visibility authority = new Visibility(Map.of(), Optional.of(PatientSet.of(Set.of(survivorId, mergedId))),
                Map.of());
        return tx.execute(status -> access.reportingOnce(() -> {
            WriteBatch batch = new WriteBatch(dao, indexWriter);
            T result = work.apply(new JdbcSession(batch, authority, Set.of(survivorId, mergedId)));
            batch.flush();
            return result;
        }));
    }

    private final class JdbcSession implements Session {

        private final WriteBatch batch;
        private final Visibility authority;
        private final Set<String> patients;

        JdbcSession(WriteBatch batch, Visibility authority, Set<String> patients) {
            this.batch = batch;
            this.authority = authority;
            this.patients = patients;
        }

        @Override
        public Resource read(String resourceType, String id) {
            return decode(current(resourceType, id));
        }

        @Override
        public Resource vread(String resourceType, String id, long version) {
            ResourceRow row = dao.findVersion(resourceType, id, version)
                    .orElseThrow(() -> new ResourceNotFoundException(new IdType(resourceType, id,
                            Long.toString(version))));
            return decode(row);
        }

        private Resource decode(ResourceRow row) {
            access.requireRow(authority, Interaction.MERGE, row.type(), row.id(), row.compartment());
            if (row.deleted()) {
                throw new ResourceGoneException(new IdType(row.type(), row.id(), Long.toString(row.version())));
            }
            return access.decode(authority, row);
        }

        private ResourceRow current(String resourceType, String id) {
            return dao.find(resourceType, id)
                    .orElseThrow(() -> new ResourceNotFoundException(new IdType(resourceType, id)));
        }

        @Override
        public List<StoredResource> referencing(String patientId) {
            if (!patients.contains(patientId)) {
                throw new InvalidRequestException("A merge reaches the two patients it merges only");
            }
            // index rows of this session's own writes are flushed at its end: ask before writing
            List<Long> pks = dao.queryPks("select distinct x.resource_id from fhir_idx_reference x "
                    + "where x.target_type = 'Patient' and x.target_id = ? and x.res_type <> 'Patient' "
                    + "order by x.resource_id", new Object[] {patientId});
            return dao.findByPks(pks).stream().filter(row -> !row.deleted())
                    .map(row -> new StoredResource(row.type(), row.id(), row.version())).toList();
        }

        @Override
        public WriteOutcome update(Resource resource, long ifMatchVersion) {
            ResourceRow existing = current(resource.fhirType(), resource.getIdElement().getIdPart());
            return writer.update(batch, resource, existing, Optional.of(ifMatchVersion), authority);
        }
    }
}
