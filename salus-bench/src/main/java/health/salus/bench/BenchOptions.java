package health.salus.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options: {@code --db=postgres --patients=10000 --samples=500 --clients=2 --validation=full
 * --reuse=true --as=system|physician}.
 */
record BenchOptions(String database, int patients, int samples, int clients, String validation, boolean reuse,
        String caller) {

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
                options.getOrDefault("as", "system"));
    }
}
