package org.tributary.core.internal.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The default-security review: the shipped administrator, where the management consoles listen, and who can
 * read the files that hold secrets. Pure: it is given what was read and returns what to log.
 */
final class Review {

    /** How to change the shipped password, named in the warning. */
    static final String HOW_TO_CHANGE = "change it in the Karaf console (bin/client or SSH): "
            + "jaas:realm-manage --realm karaf, then jaas:user-add karaf NEW-PASSWORD and jaas:update; "
            + "or edit etc/users.properties (karaf = NEW-PASSWORD,_g_:admingroup), which Karaf rereads at once";

    private Review() {
    }

    /**
     * @param admin       whether the shipped karaf/karaf administrator is unchanged
     * @param encryption  how the users file stores passwords, named when a hash cannot be checked
     * @param binds       the management consoles' listening addresses
     * @param secretFiles users files and keystores
     * @return what to log, most severe first
     */
    static List<Finding> of(ShippedAdmin.State admin, KarafEncryption encryption, ConsoleBind[] binds,
                            List<Path> secretFiles) {
        List<Finding> findings = new ArrayList<>();
        String exposed = Arrays.stream(binds).filter(bind -> !bind.loopbackOnly()).map(ConsoleBind::describe)
                .collect(Collectors.joining("; "));
        if (admin == ShippedAdmin.State.UNCHANGED && !exposed.isEmpty()) {
            findings.add(new Finding(Finding.Level.ERROR, "The shipped administrator karaf/karaf is unchanged while "
                    + "management consoles listen beyond loopback: " + exposed + ". Change the password first ("
                    + HOW_TO_CHANGE + "), or bind them to 127.0.0.1. Until then /tributary/* and /system/console "
                    + "refuse karaf/karaf from non-loopback clients (403); SSH and JMX cannot refuse it"));
        }
        if (admin == ShippedAdmin.State.UNCHANGED) {
            findings.add(new Finding(Finding.Level.WARN, "The shipped administrator karaf with password karaf is "
                    + "unchanged in etc/users.properties: " + HOW_TO_CHANGE + ". Until then it is refused from "
                    + "non-loopback addresses on /tributary/* and /system/console"));
        } else if (admin == ShippedAdmin.State.UNKNOWN) {
            findings.add(new Finding(Finding.Level.INFO, "The password of karaf in etc/users.properties is hashed "
                    + "with encryption '" + encryption.name() + "' (" + encryption.algorithm()
                    + "), which cannot be checked here: the shipped-password check is skipped"));
        }
        for (Path file : secretFiles) {
            LooseFile.warning(file).ifPresent(warning -> findings.add(new Finding(Finding.Level.WARN, warning)));
        }
        return findings;
    }
}
