package health.salus.patients.mpi.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names and their nicknames (Bob/Robert, Liz/Elizabeth, Pepe/José, Paco/Francisco), from the
 * resource {@code patients/nicknames.txt}: a line per formal name, then its short forms. Two names are
 * equivalent when some line holds both, so "Bob" and "Rob" match each other through Robert.
 */
public final class Nicknames {

    public static final String RESOURCE = "/patients/nicknames.txt";

    /** Every name (formal or short) → the lines (numbered) it appears on. */
    private final Map<String, Set<Integer>> groups;

    Nicknames(Map<String, Set<Integer>> groups) {
        this.groups = Map.copyOf(groups);
    }

    public static Nicknames bundled() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Nicknames parse(BufferedReader reader) throws IOException {
        Map<String, Set<Integer>> groups = new HashMap<>();
        int group = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || colon < 0) {
                continue;
            }
            group++;
            add(groups, trimmed.substring(0, colon), group);
            for (String nickname : trimmed.substring(colon + 1).split(",")) {
                add(groups, nickname, group);
            }
        }
        return new Nicknames(groups);
    }

    private static void add(Map<String, Set<Integer>> groups, String name, int group) {
        String folded = Names.fold(name);
        if (!folded.isEmpty()) {
            groups.computeIfAbsent(folded, n -> new HashSet<>()).add(group);
        }
    }

    /** Whether two different folded names are nicknames of one another (or of the same formal name). */
    public boolean equivalent(String a, String b) {
        Set<Integer> first = groups.get(a);
        Set<Integer> second = groups.get(b);
        if (first == null || second == null || a.equals(b)) {
            return false;
        }
        return first.stream().anyMatch(second::contains);
    }

    /** The other names that {@code name} (folded) is a nickname or formal form of, for blocking by given name. */
    public java.util.List<String> equivalentsOf(String name) {
        Set<Integer> own = groups.getOrDefault(name, Set.of());
        return groups.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .filter(e -> e.getValue().stream().anyMatch(own::contains)).map(Map.Entry::getKey).sorted().toList();
    }

    /** How many names the table knows, for tests and documentation. */
    public int size() {
        return groups.size();
    }
}
