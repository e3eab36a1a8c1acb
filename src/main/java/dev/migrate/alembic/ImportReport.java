package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did: each revision converted fully, partly or not at all, and what a person must write. */
public final class ImportReport {
    private final List<Map<String, Object>> revisions = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    void add(RevisionConverter.Result r, String source, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.id());
        m.put("source", source);
        m.put("file", target);
        m.put("status", r.unconverted().isEmpty() ? "converted" : r.converted() == 0 ? "not converted" : "partly converted");
        List<Object> left = new ArrayList<>();
        for (Map<String, Object> u : r.unconverted()) left.add(u.get("file") + ":" + u.get("line") + ": " + u.get("reason"));
        m.put("unconverted", left);
        revisions.add(m);
    }

    void wrote(String file) {
        written.add(file);
    }

    public boolean complete() {
        return revisions.stream().allMatch(r -> r.get("status").equals("converted"));
    }

    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complete", complete());
        out.put("written", written);
        out.put("revisions", revisions);
        return out;
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        int full = 0;
        int partial = 0;
        int none = 0;
        for (Map<String, Object> r : revisions) {
            String status = (String) r.get("status");
            if (status.equals("converted")) full++;
            else if (status.equals("partly converted")) partial++;
            else none++;
            if (!status.equals("converted")) {
                out.add(r.get("revision") + "  " + status + "  " + r.get("file"));
                for (Object u : (List<?>) r.get("unconverted")) out.add("    " + u);
            }
        }
        out.add(revisions.size() + " revisions: " + full + " converted fully, " + partial + " partly, " + none + " not at all");
        if (partial + none > 0) {
            out.add("Write the Python quoted under 'unconverted:' as operations, then delete that section: "
                    + "until then upgrade and downgrade refuse to run those revisions.");
        }
        return out;
    }
}
