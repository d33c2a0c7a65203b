package dev.shipshape.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Names this process as a lock holder, and tells whether a holder on this host is still alive. */
public final class ProcessIdentity {

    private ProcessIdentity() {
    }

    /** {@code host:pid} of this process. */
    public static String holder() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /** True when the holder is a process on this host that no longer exists: its lock can be taken now. */
    public static boolean isDeadLocalProcess(String holder) {
        int colon = holder.lastIndexOf(':');
        if (colon < 0 || !holder.substring(0, colon).equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(holder.substring(colon + 1));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** This host's name, as lock holders and step processes name it. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
