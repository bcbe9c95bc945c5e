package dev.latchkey.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Names the instance in {@code X-Latchkey-Node} on every answer when {@code NODE_HEADER=enabled}, so whoever runs
 * several behind a load balancer can tell which one answered.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class NodeHeaderFilter extends HttpFilter {

    @Inject
    NodeHeader header;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        header.value().ifPresent(node -> response.setHeader(NodeHeader.NAME, node));
        chain.doFilter(request, response);
    }
}
