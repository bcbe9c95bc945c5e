package dev.latchkey.testing.server;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers the {@code latchkey-server} container with Arquillian. */
public class LatchkeyServerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, LatchkeyServerContainer.class);
    }
}
