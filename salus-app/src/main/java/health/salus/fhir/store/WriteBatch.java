package health.salus.fhir.store;

import health.salus.fhir.search.IndexWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes gathered during one operation or bundle and sent to the database in JDBC batches. Version
 * checks on updates run at once; inserts of new rows, history and indexes wait for {@link #flush}.
 */
final class WriteBatch {

    private final ResourceDao dao;
    private final IndexWriter indexWriter;
    private final List<ResourceRow> newRows = new ArrayList<>();
    private final List<ResourceRow> historyRows = new ArrayList<>();
    private final List<String> historyMethods = new ArrayList<>();
    private final List<Long> staleIndexes = new ArrayList<>();
    private final List<IndexWriter.Indexed> indexes = new ArrayList<>();

    WriteBatch(ResourceDao dao, IndexWriter indexWriter) {
        this.dao = dao;
        this.indexWriter = indexWriter;
    }

    /** @param method POST, or PUT for an update that created the resource with the client's id */
    void insert(ResourceRow row, String method, IndexWriter.Indexed index) {
        newRows.add(row);
        history(row, method);
        indexes.add(index);
    }

    void updated(ResourceRow row, String method, IndexWriter.Indexed index) {
        history(row, method);
        staleIndexes.add(row.pk());
        if (index != null) {
            indexes.add(index);
        }
    }

    private void history(ResourceRow row, String method) {
        historyRows.add(row);
        historyMethods.add(method);
    }

    boolean isEmpty() {
        return newRows.isEmpty() && historyRows.isEmpty();
    }

    void flush() {
        if (isEmpty()) {
            return;
        }
        if (!newRows.isEmpty()) {
            dao.insert(newRows);
        }
        dao.insertHistory(historyRows, historyMethods);
        indexWriter.removeFor(staleIndexes);
        indexWriter.insert(indexes);
        newRows.clear();
        historyRows.clear();
        historyMethods.clear();
        staleIndexes.clear();
        indexes.clear();
    }
}
