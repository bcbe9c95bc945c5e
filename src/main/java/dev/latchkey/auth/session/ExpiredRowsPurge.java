package dev.latchkey.auth.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes ended sessions, expired OAuth states, old webhook deliveries and ended rate-limit windows on a timer, in
 * small batches so a large backlog never holds locks that sign-ins wait on, one node at a time.
 */
@Startup
@Singleton
public class ExpiredRowsPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredRowsPurge.class.getName());

    @Resource
    TimerService timers;

    @Inject
    PurgeBatches batches;

    @Inject
    @ConfigProperty(name = "PURGE_INTERVAL_SECONDS", defaultValue = "600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    void purge() {
        Instant now = Instant.now();
        long sessions = drain(PurgeBatches.Table.SESSIONS, now);
        long states = drain(PurgeBatches.Table.OAUTH_STATES, now);
        long deliveries = drain(PurgeBatches.Table.WEBHOOK_DELIVERIES, now);
        long windows = drain(PurgeBatches.Table.RATE_LIMIT_WINDOWS, now);
        if (sessions + states + deliveries + windows > 0) {
            LOG.info(() -> "Purged " + sessions + " ended sessions, " + states + " expired OAuth states, "
                    + deliveries + " old webhook deliveries and " + windows + " ended rate-limit windows");
        }
    }

    private long drain(PurgeBatches.Table table, Instant now) {
        long total = 0;
        int deleted;
        do {
            deleted = batches.deleteBatch(table, now);
            if (deleted < 0) {
                LOG.fine("Another node is purging: this one leaves it to that node");
                return total;
            }
            total += deleted;
        } while (deleted == batches.batchSize());
        return total;
    }
}
