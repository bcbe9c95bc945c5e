package dev.latchkey.testing.github;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The failures a test has switched on: an outage, one-shot OAuth failures and a broken /user endpoint. */
final class Failures {

    private final AtomicReference<Outage> outage = new AtomicReference<>(Outage.NONE);
    private final AtomicBoolean denyNextAuthorization = new AtomicBoolean();
    private final AtomicReference<String> nextTokenExchangeError = new AtomicReference<>();
    private final AtomicInteger userEndpointStatus = new AtomicInteger();

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

    void reset() {
        outage.set(Outage.NONE);
        denyNextAuthorization.set(false);
        nextTokenExchangeError.set(null);
        userEndpointStatus.set(0);
    }
}
