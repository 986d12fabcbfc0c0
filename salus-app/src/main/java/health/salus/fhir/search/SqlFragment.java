package health.salus.fhir.search;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL and its bind values, built up in order. */
public final class SqlFragment {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    public SqlFragment append(String text, Object... values) {
        sql.append(text);
        args.addAll(List.of(values));
        return this;
    }

    public SqlFragment append(SqlFragment other) {
        sql.append(other.sql);
        args.addAll(other.args);
        return this;
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }

    public String sql() {
        return sql.toString();
    }

    public Object[] args() {
        return args.toArray();
    }

    public List<Object> argList() {
        return args;
    }
}
