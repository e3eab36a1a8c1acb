package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.MigrateException;

/** Which version folder a new revision goes to. */
final class Folders {
    private Folders() {
    }

    /**
     * {@code --version-path} when given (it must be one of version_locations, or the graph would
     * not see the file); else the folder of its first parent, so a branch kept in a folder of its
     * own stays there; else the first version location.
     */
    static Path forNewRevision(Workspace ws, Path versionPath, List<String> parents) {
        List<Path> locations = ws.config().versionLocations();
        if (versionPath != null) {
            Path wanted = versionPath.toAbsolutePath().normalize();
            for (Path p : locations) if (p.toAbsolutePath().normalize().equals(wanted)) return p;
            throw MigrateException.usage("--version-path " + versionPath + " is not one of version_locations: " + locations);
        }
        if (!parents.isEmpty()) {
            Path parentFolder = ws.script(parents.get(0)).file().getParent();
            for (Path p : locations) if (p.toAbsolutePath().normalize().equals(parentFolder.toAbsolutePath().normalize())) return p;
        }
        if (locations.isEmpty()) throw new MigrateException("version_locations is empty: there is no folder for revisions");
        return locations.get(0);
    }
}
