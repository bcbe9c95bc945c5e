// The ?error= codes Latchkey sends a browser back with after a GitHub sign-in, link or reconnect, in words.

const MESSAGES = {
    invalid_state: "The GitHub sign-in expired or was started in another browser. Please try again.",
    access_denied: "GitHub sign-in was cancelled: you did not authorize Latchkey on GitHub.",
    github_error: "GitHub could not complete the sign-in. Please try again.",
    github_unavailable: "GitHub is not answering right now. Please try again in a moment.",
    github_already_linked: "That GitHub account could not be linked: it already belongs to another user, or your "
        + "account already has a different GitHub account. Nothing was changed.",
    banned: "You have been banned from this application. Please contact support if you believe this is an error.",
    cross_site_request: "That request came from another site, so nothing was changed. To reconnect or link GitHub, "
        + "use the buttons on your account page.",
    sign_in_again: "Sign in again to link GitHub: linking needs a sign-in from the last 10 minutes.",
    not_a_member: "Your GitHub account is not a member of an organization allowed to sign in here. Ask an owner of "
        + "the organization for access, then sign in again.",
    github_sso_required: "Your organization requires SAML single sign-on: authorize this app for the organization "
        + "on GitHub (your GitHub settings, Applications), then sign in again.",
    org_access_restricted: "Your organization restricts which apps may see its members: ask an owner of the "
        + "organization to approve this app on GitHub, then sign in again."
};

export function errorMessage(code) {
    if (!code) {
        return "";
    }
    if (MESSAGES[code]) {
        return MESSAGES[code];
    }
    if (code.includes("ban")) {
        return MESSAGES.banned;
    }
    return `Sign-in did not complete (${code.replace(/[^a-z0-9_]/gi, "")}). Please try again.`;
}

/** The ?error= code of this page's address, taken out of the address bar so a reload does not show it again. */
export function takeErrorCode() {
    const params = new URLSearchParams(location.search);
    const code = params.get("error");
    if (code) {
        params.delete("error");
        const rest = params.toString();
        history.replaceState(null, "", location.pathname + (rest ? "?" + rest : ""));
    }
    return code;
}
