package dev.latchkey.testing.github;

/** Where the fake lives: the web root ({@code GITHUB_URL}) and the GitHub Enterprise style REST root. */
record Urls(String web, String api) {

    static final String API_PATH = "/api/v3";

    static Urls of(String host, int port) {
        String web = "http://" + host + ":" + port;
        return new Urls(web, web + API_PATH);
    }
}
