package health.salus.fhir.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import jakarta.annotation.Nonnull;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One FHIRPath engine for all threads (evaluation keeps no state between calls; HAPI's own search
 * indexer shares one the same way) and the parsed search expressions. Creating the engine loads
 * every R4 StructureDefinition, which takes seconds, so it happens after start-up in the
 * background, or on the first write that needs it.
 */
@Component
public class FhirPathExpressions {

    private final FhirContext fhirContext;
    private final SearchParamRegistry registry;
    private final Map<String, List<IFhirPath.IParsedExpression>> parsed = new ConcurrentHashMap<>();
    private final ReentrantLock engineLock = new ReentrantLock();
    private volatile IFhirPath engine;

    public FhirPathExpressions(FhirContext fhirContext, SearchParamRegistry registry) {
        this.fhirContext = fhirContext;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        CompletableFuture.runAsync(() -> registry.resourceTypes()
                .forEach(type -> registry.params(type).forEach(this::parsed)));
    }

    List<IBase> evaluate(Resource resource, IFhirPath.IParsedExpression expression) {
        return engine().evaluate(resource, expression, IBase.class);
    }

    /** The parsed alternatives of a parameter's expression. */
    List<IFhirPath.IParsedExpression> parsed(IndexedParam param) {
        String key = param.resourceType() + "." + param.name();
        List<IFhirPath.IParsedExpression> known = parsed.get(key);
        if (known != null) {
            return known;
        }
        // parsed outside computeIfAbsent: the first call builds the engine, which takes seconds
        List<IFhirPath.IParsedExpression> fresh = param.paths().stream().map(this::parse).toList();
        return Objects.requireNonNullElse(parsed.putIfAbsent(key, fresh), fresh);
    }

    private IFhirPath.IParsedExpression parse(String path) {
        try {
            return engine().parse(path);
        } catch (Exception e) {
            // the definitions ship with HAPI, so an unparsable one is a packaging fault, not bad input
            throw new IllegalStateException("Unparsable search parameter expression: " + path, e);
        }
    }

    private IFhirPath engine() {
        IFhirPath current = engine;
        if (current == null) {
            // a lock, not synchronized: building takes seconds and must not pin virtual threads' carriers
            engineLock.lock();
            try {
                if (engine == null) {
                    engine = newEngine();
                }
                current = engine;
            } finally {
                engineLock.unlock();
            }
        }
        return current;
    }

    private IFhirPath newEngine() {
        IFhirPath created = fhirContext.newFhirPath();
        created.setEvaluationContext(new IFhirPathEvaluationContext() {
            @Override
            public IBase resolveReference(@Nonnull IIdType reference, IBase context) {
                // "resolve() is Patient" only needs the target's type, which the reference itself names
                if (!reference.hasResourceType() || !registry.isResourceType(reference.getResourceType())) {
                    return null;
                }
                Resource target = (Resource) fhirContext.getResourceDefinition(reference.getResourceType())
                        .newInstance();
                target.setId(reference.getIdPart());
                return target;
            }
        });
        return created;
    }
}
