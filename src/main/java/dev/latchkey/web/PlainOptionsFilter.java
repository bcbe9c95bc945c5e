package dev.latchkey.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@code OPTIONS} on Latchkey's routes with the {@code Allow} header alone: Jersey (Payara) would send a WADL
 * document naming itself and its version, and its switch for that is not honoured there.
 */
@Provider
public class PlainOptionsFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if ("OPTIONS".equals(request.getMethod()) && type != null && type.getSubtype().contains("wadl")) {
            response.setEntity(null);
            response.getHeaders().remove("Content-Type");
        }
    }
}
