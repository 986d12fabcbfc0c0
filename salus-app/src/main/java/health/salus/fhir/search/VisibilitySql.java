package health.salus.fhir.search;

import health.salus.fhir.PatientSet;
import health.salus.fhir.Visibility;
import java.util.Map;
import java.util.Optional;

/** The SQL form of a {@link Visibility}: conditions on a row's type and patient compartment. */
public final class VisibilitySql {

    private VisibilitySql() {
    }

    /** {@code " and …"} limiting rows of one type to the visible compartments, or nothing when all are. */
    public static SqlFragment restrict(Visibility visibility, String resourceType, String alias) {
        Optional<PatientSet> patients = visibility.forType(resourceType);
        if (patients.isEmpty()) {
            return new SqlFragment().append(" and 1 = 0");
        }
        if (patients.get().all()) {
            return new SqlFragment();
        }
        return new SqlFragment().append(" and ").append(compartmentIn(patients.get(), alias));
    }

    /** {@code " and …"} limiting rows of any type (system history, {@code $everything}). */
    public static SqlFragment restrictAnyType(Visibility visibility, String alias) {
        if (visibility.types().isEmpty() && visibility.otherTypes().map(PatientSet::all).orElse(false)) {
            return new SqlFragment();
        }
        SqlFragment sql = new SqlFragment().append(" and (1 = 0");
        for (Map.Entry<String, PatientSet> entry : visibility.types().entrySet()) {
            sql.append(" or (" + alias + ".res_type = ?", entry.getKey());
            if (!entry.getValue().all()) {
                sql.append(" and ").append(compartmentIn(entry.getValue(), alias));
            }
            sql.append(")");
        }
        visibility.otherTypes().ifPresent(patients -> {
            sql.append(" or (1 = 1");
            visibility.types().keySet().forEach(type -> sql.append(" and " + alias + ".res_type <> ?", type));
            if (!patients.all()) {
                sql.append(" and ").append(compartmentIn(patients, alias));
            }
            sql.append(")");
        });
        return sql.append(")");
    }

    private static SqlFragment compartmentIn(PatientSet patients, String alias) {
        SqlFragment sql = new SqlFragment().append("(" + alias + ".compartment is null");
        patients.linked().ifPresent(links -> sql.append(" or ").append(CareLinkSql.exists(links, alias + ".compartment")));
        if (!patients.ids().isEmpty()) {
            sql.append(" or " + alias + ".compartment in (");
            boolean first = true;
            for (String id : patients.ids()) {
                sql.append(first ? "?" : ", ?", id);
                first = false;
            }
            sql.append(")");
        }
        return sql.append(")");
    }
}
