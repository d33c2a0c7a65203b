package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Lets one shipshape process at a time open the embedded store. The first becomes its owner and
 * serves it; the next ones, opening after it, find it served and connect instead of racing for
 * H2's lock file. An operating-system lock: a killed process never leaves it held.
 */
final class OpeningLock implements AutoCloseable {

    private static final long PAUSE_MILLIS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private OpeningLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock up to {@link StoreBusy#PATIENCE}; past that, opens without it (H2 still guards the file). */
    static OpeningLock take(Path file) {
        long deadline = Ticks.SYSTEM.nanos() + StoreBusy.PATIENCE.toNanos();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null || Ticks.SYSTEM.nanos() > deadline) {
                    return new OpeningLock(channel, lock);
                }
                Sleeper.SYSTEM.pause(Duration.ofMillis(PAUSE_MILLIS));
            }
        } catch (IOException e) {
            return new OpeningLock(null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShipshapeException(Code.STORE, "interrupted while waiting for the run store", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another store of this same process is opening
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
