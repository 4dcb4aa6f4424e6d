package org.outreach.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.FailureException;

/**
 * One sending process per workspace. Two would each take the other's message in flight for one whose sender
 * died, and each count the limits without the other's sends. The operating system releases the lock when the
 * process ends, however it ends, so a killed daemon never leaves it behind.
 */
public final class WorkspaceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says who has it. */
    public static WorkspaceLock take(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new BadInputException("another outreach process is sending from this workspace"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + "; only one may, stop it first");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            return new WorkspaceLock(channel, lock);
        } catch (IOException e) {
            throw new FailureException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
