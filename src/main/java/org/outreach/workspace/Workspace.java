package org.outreach.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.FailureException;

/**
 * A folder with {@code campaigns/}, {@code templates/} and an optional {@code outreach.yaml}; the root that every
 * path in messages is shown relative to.
 */
public record Workspace(Path root) {

    public static final String SETTINGS_FILE = "outreach.yaml";
    public static final String STATE_DIR = ".outreach";

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path templates() {
        return root.resolve("templates");
    }

    public Path campaigns() {
        return root.resolve("campaigns");
    }

    /** Where the embedded database and other local state live. */
    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    /**
     * The campaign definition files in {@code campaigns/} ({@code .yaml} and {@code .yml}), absolute and sorted so
     * that what is said about them comes in the same order every run; none when the folder is missing.
     */
    public List<Path> campaignFiles() {
        if (!Files.isDirectory(campaigns())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(campaigns())) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(f))
                    .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new FailureException("cannot list " + display(campaigns()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The definition file a command names: a path (relative to the folder the command runs in, {@code here}, or to
     * the workspace), a file name in {@code campaigns/} such as {@code local-rse-launch.yaml}, or a campaign key
     * such as {@code local-rse-launch}.
     */
    public Path campaignFile(String name, Path here) {
        for (Path candidate : new Path[] {here.toAbsolutePath().resolve(name), root.resolve(name), campaigns().resolve(name),
                campaigns().resolve(name + ".yaml"), campaigns().resolve(name + ".yml")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new BadInputException(name + ": no such campaign file (looked in " + display(campaigns()) + "/)");
    }

    /** A path as messages show it: relative to the workspace when inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
