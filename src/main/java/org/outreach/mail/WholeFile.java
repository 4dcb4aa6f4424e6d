package org.outreach.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the bytes go to a sibling first, which is then moved over the file in one
 * step. A crash midway leaves the old file (or none) and a stray {@code .partial}, never a file cut short, which
 * the sandbox would fail to read back on every start after.
 */
final class WholeFile {

    private WholeFile() {
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
