package health.salus.fhir.search;

import ca.uhn.fhir.fhirpath.IFhirPath;
import health.salus.fhir.IndexValueTransform;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
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
    private final FhirPathExpressions expressions;

    public IndexExtractor(SearchParamRegistry registry, IndexValueTransform transform,
            FhirPathExpressions expressions) {
        this.registry = registry;
        this.transform = transform;
        this.expressions = expressions;
    }

    public IndexRows extract(Resource resource) {
        String type = resource.fhirType();
        IndexRows rows = new IndexRows();
        ValueConverter converter = new ValueConverter(rows);
        for (IndexedParam param : registry.params(type)) {
            for (IFhirPath.IParsedExpression path : expressions.parsed(param)) {
                for (IBase value : evaluate(resource, param, path)) {
                    converter.add(param, value);
                }
            }
        }
        applyTransform(type, rows);
        return rows;
    }

    private List<IBase> evaluate(Resource resource, IndexedParam param, IFhirPath.IParsedExpression path) {
        try {
            return expressions.evaluate(resource, path);
        } catch (RuntimeException e) {
            // names the parameter, never the data: the resource may be a patient's
            throw new IllegalStateException("Cannot extract search parameter " + param.resourceType() + "."
                    + param.name() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Identifying values leave as their keyed forms only: each string value becomes the rows the
     * transform gives for it, each token code its keyed code without display text (the text of an
     * identifier's type or a contact point must not sit beside it in plaintext).
     */
    private void applyTransform(String type, IndexRows rows) {
        if (rows.strings.stream().anyMatch(row -> transform.isIdentifying(type, row.param()))) {
            List<IndexRows.StringRow> strings = new ArrayList<>(rows.strings.size() * 8);
            for (IndexRows.StringRow row : rows.strings) {
                if (!transform.isIdentifying(type, row.param())) {
                    strings.add(row);
                    continue;
                }
                for (IndexValueTransform.StringForm form : transform.stringForms(type, row.param(), row.valueExact())) {
                    strings.add(new IndexRows.StringRow(row.param(), form.norm(), form.exact()));
                }
            }
            rows.strings.clear();
            rows.strings.addAll(strings);
        }
        rows.tokens.removeIf(row -> row.code() == null && transform.isIdentifying(type, row.param()));
        rows.tokens.replaceAll(row -> transform.isIdentifying(type, row.param())
                ? new IndexRows.TokenRow(row.param(), row.system(), transform.tokenCode(type, row.param(), row.code()),
                        null)
                : row);
    }
}
