package health.salus.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options: {@code --db=postgres --patients=10000 --samples=500 --clients=2 --validation=full
 * --reuse=true --as=system|physician --search-clients=1}. {@code clients} ingest at once;
 * {@code search-clients} search at once (1: one at a time, each beside its raw SQL lookup).
 */
record BenchOptions(String database, int patients, int samples, int clients, String validation, boolean reuse,
        String caller, int searchClients) {

    static BenchOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return new BenchOptions(options.getOrDefault("db", "h2"),
                Integer.parseInt(options.getOrDefault("patients", "1000")),
                Integer.parseInt(options.getOrDefault("samples", "500")),
                Integer.parseInt(options.getOrDefault("clients", "2")),
                options.getOrDefault("validation", "full"),
                Boolean.parseBoolean(options.getOrDefault("reuse", "false")),
                options.getOrDefault("as", "system"),
                Integer.parseInt(options.getOrDefault("search-clients", "1")));
    }
}
