package dev.latchkey.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses with 400 an {@code Accept} or {@code Content-Type} whose {@code q} parameter is no RFC 9110 quality value,
 * before JAX-RS matching weighs it: RESTEasy (WildFly, Liberty) fails with an exception of its own there, a 500.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class QualityValuesFilter implements ContainerRequestFilter {

    static final String DETAIL = "A q parameter in Accept or Content-Type must be a number from 0 to 1 with at most "
            + "three decimals";
    private static final List<String> HEADERS = List.of("Accept", "Content-Type");
    private static final Pattern QUALITY_VALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String header : HEADERS) {
            // Several headers of one name come joined by commas, which separate media ranges anyway.
            String value = request.getHeaderString(header);
            if (value != null && !wellFormed(value)) {
                request.abortWith(Problems.response(400, DETAIL));
                return;
            }
        }
    }

    /** Whether every {@code q} parameter of the media ranges in one header value is a quality value. */
    static boolean wellFormed(String value) {
        if (value.indexOf(';') < 0) {
            return true;
        }
        for (String range : value.split(",")) {
            String[] parameters = range.split(";");
            for (int i = 1; i < parameters.length; i++) {
                String[] parameter = parameters[i].split("=", 2);
                if (parameter[0].trim().equalsIgnoreCase("q")
                        && (parameter.length < 2 || !QUALITY_VALUE.matcher(parameter[1].trim()).matches())) {
                    return false;
                }
            }
        }
        return true;
    }
}
