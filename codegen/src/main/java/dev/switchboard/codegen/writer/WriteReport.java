package dev.switchboard.codegen.writer;

import java.nio.file.Path;
import java.util.List;

/** What a write did: files whose content changed, files left alone, stale files removed. */
public record WriteReport(List<Path> written, List<Path> unchanged, List<Path> deleted) {

    public WriteReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    public int total() {
        return written.size() + unchanged.size();
    }
}
