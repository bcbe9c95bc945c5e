package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One page of a GitHub list: {@code per_page} (default 30, at most 100) and {@code page} (from 1). */
record Page(int number, int perPage, int total) {

    static Page of(Map<String, String> query, int total) {
        int perPage = Math.min(100, Math.max(1, number(query.get("per_page"), 30)));
        int number = Math.max(1, number(query.get("page"), 1));
        return new Page(number, perPage, total);
    }

    /** One page of the items as GitHub answers a list: a JSON array, and a Link header when there are more pages. */
    static ResponseDefinitionBuilder reply(Map<String, String> query, String url, List<? extends JsonValue> items) {
        Page page = of(query, items.size());
        var array = Replies.JSON.createArrayBuilder();
        items.subList(page.from(), page.to()).forEach(array::add);
        ResponseDefinitionBuilder reply = Replies.api(200, array.build());
        String link = page.linkHeader(url, query.containsKey("per_page"));
        return link.isEmpty() ? reply : reply.withHeader("Link", link);
    }

    int from() {
        return (int) Math.min(total, (long) (number - 1) * perPage);
    }

    int to() {
        return (int) Math.min(total, (long) number * perPage);
    }

    int last() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** The Link header in GitHub's order: prev, next, last, first; empty when everything fits on this page. */
    String linkHeader(String url, boolean keepPerPage) {
        String base = url + "?" + (keepPerPage ? "per_page=" + perPage + "&" : "") + "page=";
        List<String> links = new ArrayList<>();
        if (number > 1) {
            links.add("<" + base + Math.min(number - 1, last()) + ">; rel=\"prev\"");
        }
        if (number < last()) {
            links.add("<" + base + (number + 1) + ">; rel=\"next\"");
            links.add("<" + base + last() + ">; rel=\"last\"");
        }
        if (number > 1) {
            links.add("<" + base + 1 + ">; rel=\"first\"");
        }
        return String.join(", ", links);
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
