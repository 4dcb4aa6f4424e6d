package org.outreach.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.outreach.campaign.BadInputException;

/**
 * Finds the workspace a command works in, the way git finds a repository: the folder named by
 * {@code --workspace}, or else the current folder or the nearest folder above it that is a workspace. A command
 * run anywhere else stops, so it can never create a second, empty database that the real workspace knows nothing
 * of (a suppression recorded there would not stop the real campaign writing to that person).
 */
public final class WorkspaceFinder {

    private WorkspaceFinder() {
    }

    /** {@code campaigns/} is what a new workspace starts with; {@code .outreach/} is where a launched one keeps state. */
    public static boolean isWorkspace(Path folder) {
        return hasCampaigns(folder) || Files.isDirectory(folder.resolve(Workspace.STATE_DIR));
    }

    private static boolean hasCampaigns(Path folder) {
        return Files.isDirectory(folder.resolve("campaigns"));
    }

    /**
     * The workspace at {@code folder}, unless it is only a stray {@code .outreach/} inside a real workspace: an
     * earlier version created a database in whatever subfolder it ran in, and taking that folder for the
     * workspace would send and suppress in a database the real workspace knows nothing of.
     */
    private static Workspace workspaceAt(Path folder) {
        Optional<Path> real = hasCampaigns(folder) ? Optional.empty() : workspaceAbove(folder);
        if (real.isPresent()) {
            String stray = real.get().relativize(folder).toString().replace('\\', '/');
            throw new BadInputException(stray + "/ has a " + Workspace.STATE_DIR + "/ folder but no campaigns/: it is inside"
                    + " the workspace " + real.get() + "; run from there, or remove " + stray + "/" + Workspace.STATE_DIR
                    + ", which an earlier version may have made");
        }
        return new Workspace(folder);
    }

    /** The nearest folder above {@code folder} that holds {@code campaigns/}. */
    private static Optional<Path> workspaceAbove(Path folder) {
        for (Path above = folder.getParent(); above != null; above = above.getParent()) {
            if (hasCampaigns(above)) {
                return Optional.of(above);
            }
        }
        return Optional.empty();
    }

    /**
     * @param given the {@code --workspace} folder, relative to {@code here}; it must itself be a workspace
     * @param here  the folder the command runs in
     */
    public static Workspace find(Optional<Path> given, Path here) {
        Path start = here.toAbsolutePath().normalize();
        if (given.isPresent()) {
            Path folder = start.resolve(given.get()).normalize();
            if (!isWorkspace(folder)) {
                throw new BadInputException(folder + ": not a workspace (" + (Files.isDirectory(folder)
                        ? "it has no campaigns/ or .outreach/ folder" : "no such folder")
                        + "); --workspace names the folder that holds campaigns/ and templates/");
            }
            return workspaceAt(folder);
        }
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (isWorkspace(folder)) {
                return workspaceAt(folder);
            }
        }
        throw new BadInputException("no workspace here: looked for a campaigns/ or .outreach/ folder in " + start
                + " and every folder above it; run outreach inside your workspace or name it with --workspace DIR");
    }
}
