package health.salus.fhir.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import health.salus.fhir.IndexValueTransform;
import jakarta.annotation.Nonnull;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Extracts the index rows of a resource by evaluating every search parameter's FHIRPath expression,
 * as the SearchParameter definitions prescribe, and converting each value by parameter kind.
 */
@Component
public class IndexExtractor {

    private final SearchParamRegistry registry;
    private final IndexValueTransform transform;
    private final FhirContext fhirContext;
    // FHIRPath engines keep evaluation state, so each thread gets its own
    private final ThreadLocal<IFhirPath> fhirPath;

    public IndexExtractor(FhirContext fhirContext, SearchParamRegistry registry, IndexValueTransform transform) {
        this.fhirContext = fhirContext;
        this.registry = registry;
        this.transform = transform;
        this.fhirPath = ThreadLocal.withInitial(this::newFhirPath);
    }

    private IFhirPath newFhirPath() {
        IFhirPath engine = fhirContext.newFhirPath();
        engine.setEvaluationContext(new IFhirPathEvaluationContext() {
            @Override
            public IBase resolveReference(@Nonnull IIdType reference, IBase context) {
                // "resolve() is Patient" only needs the target's type, which the reference itself names
                if (!reference.hasResourceType() || !registry.isResourceType(reference.getResourceType())) {
                    return null;
                }
                IBase target = fhirContext.getResourceDefinition(reference.getResourceType()).newInstance();
                ((Resource) target).setId(reference.getIdPart());
                return target;
            }
        });
        return engine;
    }

    public IndexRows extract(Resource resource) {
        String type = resource.fhirType();
        IndexRows rows = new IndexRows();
        ValueConverter converter = new ValueConverter(rows);
        IFhirPath engine = fhirPath.get();
        for (IndexedParam param : registry.params(type)) {
            for (IFhirPath.IParsedExpression path : param.parsed()) {
                for (IBase value : evaluate(engine, resource, param, path)) {
                    converter.add(param, value);
                }
            }
        }
        applyTransform(type, rows);
        return rows;
    }

    private static List<IBase> evaluate(IFhirPath engine, Resource resource, IndexedParam param,
            IFhirPath.IParsedExpression path) {
        try {
            return engine.evaluate(resource, path, IBase.class);
        } catch (RuntimeException e) {
            // names the parameter, never the data: the resource may be a patient's
            throw new IllegalStateException("Cannot extract search parameter " + param.resourceType() + "."
                    + param.name() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private void applyTransform(String type, IndexRows rows) {
        rows.strings.replaceAll(row -> transform.isIdentifying(type, row.param())
                ? new IndexRows.StringRow(row.param(), transform.transform(type, row.param(), row.valueNorm()),
                        transform.transform(type, row.param(), row.valueExact()))
                : row);
        rows.tokens.replaceAll(row -> transform.isIdentifying(type, row.param()) && row.code() != null
                ? new IndexRows.TokenRow(row.param(), row.system(), transform.transform(type, row.param(), row.code()),
                        null)
                : row);
    }
}
