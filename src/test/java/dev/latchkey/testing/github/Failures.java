package dev.latchkey.testing.github;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The failures a test has switched on: an outage, one-shot OAuth failures and broken endpoints. */
final class Failures {

    private final AtomicReference<Outage> outage = new AtomicReference<>(Outage.NONE);
    private final AtomicBoolean denyNextAuthorization = new AtomicBoolean();
    private final AtomicReference<String> nextTokenExchangeError = new AtomicReference<>();
    private final AtomicInteger userEndpointStatus = new AtomicInteger();
    private final Map<String, Integer> endpointStatuses = new ConcurrentHashMap<>();

    Outage outage() {
        return outage.get();
    }

    void outage(Outage value) {
        outage.set(value == null ? Outage.NONE : value);
    }

    void denyNextAuthorization() {
        denyNextAuthorization.set(true);
    }

    /** True once per {@link #denyNextAuthorization()}, for exactly one of any racing requests. */
    boolean takeAuthorizationDenial() {
        return denyNextAuthorization.getAndSet(false);
    }

    void failNextTokenExchange(String error) {
        nextTokenExchangeError.set(error);
    }

    String takeTokenExchangeError() {
        return nextTokenExchangeError.getAndSet(null);
    }

    void failUserEndpoint(int status) {
        userEndpointStatus.set(status);
    }

    int userEndpointStatus() {
        return userEndpointStatus.get();
    }

    void failEndpoint(String method, String path, int status) {
        if (status == 0) {
            endpointStatuses.remove(method + " " + path);
        } else {
            endpointStatuses.put(method + " " + path, status);
        }
    }

    /** The status the endpoint was made to answer, or 0 when it works. */
    int endpointStatus(String method, String path) {
        return endpointStatuses.getOrDefault(method + " " + path, 0);
    }

    void reset() {
        outage.set(Outage.NONE);
        denyNextAuthorization.set(false);
        nextTokenExchangeError.set(null);
        userEndpointStatus.set(0);
        endpointStatuses.clear();
    }
}
