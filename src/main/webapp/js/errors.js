// The ?error= codes Latchkey sends a browser back with after a GitHub sign-in, link or reconnect, in words; the
// organization gate's refusals say who may sign in and what to do on GitHub, with links to GitHub only.

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
    not_a_member: "Your GitHub account is not a member of an organization or team allowed to sign in here.",
    github_sso_required: "Your organization requires SAML single sign-on, and this app is not yet authorized for it "
        + "on your GitHub account.",
    org_access_restricted: "Your organization restricts which apps may see its members (OAuth App access "
        + "restrictions), and it has not approved this app yet."
};

const RESTRICTIONS_HELP = "https://docs.github.com/en/organizations/managing-oauth-access-to-your-organizations-data/"
    + "about-oauth-app-access-restrictions";

/** The codes whose explanation needs GET /auth/providers (who may sign in, where GitHub is). */
export const ORGANIZATION_CODES = ["not_a_member", "github_sso_required", "org_access_restricted"];

function errorMessage(code) {
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

/**
 * Shows the error in the element (hidden when there is none): the message, and for the organization gate's codes
 * what to do next. providers is GET /auth/providers' answer (or null); ssoUrl is the ?sso_url= the error came with.
 * Everything is set as text: nothing from the address becomes markup.
 */
export function showError(id, code, providers, ssoUrl) {
    const element = document.getElementById(id);
    element.replaceChildren();
    element.hidden = !code;
    if (!code) {
        return;
    }
    const gitHub = webUrl(providers && providers.github_url);
    const steps = {
        not_a_member: () => notAMember((providers && providers.organizations) || [], gitHub),
        github_sso_required: () => ssoRequired(gitHub && onGitHub(ssoUrl, gitHub), gitHub),
        org_access_restricted: () => restricted(gitHub)
    }[code];
    element.append(paragraph(errorMessage(code)), ...(steps ? steps() : []));
}

function notAMember(organizations, gitHub) {
    const nodes = [];
    if (organizations.length) {
        const list = document.createElement("ul");
        list.id = "allowed-organizations";
        organizations.forEach(name => list.append(item(name.includes("/") ? `${name} (team)` : name)));
        nodes.push(paragraph("Members of these GitHub organizations and teams may sign in:"), list);
    }
    nodes.push(paragraph("To request access, ask an owner of the organization to invite you (or to add you to the "
        + "team), accept the invitation on GitHub, then sign in again."));
    nodes.push(paragraph("Already a member? Your membership may be private, or the organization may not have "
        + "granted this app access: on GitHub, open ", settingsLink(gitHub), ", choose this app, grant (or "
        + "request) access to the organization, then sign in again."));
    return nodes;
}

function ssoRequired(ssoUrl, gitHub) {
    if (ssoUrl) {
        return [paragraph(link("sso-link", ssoUrl, "Authorize this app for your organization's single sign-on on "
            + "GitHub"), ", then sign in again.")];
    }
    return [paragraph("On GitHub, sign in with your organization's single sign-on, authorize this app for the "
        + "organization in ", settingsLink(gitHub), ", then sign in again.")];
}

function restricted(gitHub) {
    return [paragraph("Ask an owner of the organization to approve this app (organization settings, Third-party "
        + "access), or request approval yourself: on GitHub, open ", settingsLink(gitHub), ", choose this app and "
        + "press Request next to the organization. Then sign in again. ",
    link("restrictions-help", RESTRICTIONS_HELP, "About OAuth App access restrictions"))];
}

function settingsLink(gitHub) {
    const label = "Settings, Applications, Authorized OAuth Apps";
    return gitHub ? link("github-applications", gitHub + "/settings/applications", label) : label;
}

/** GITHUB_URL as the server reported it, when it is an http(s) address; else null (no links to GitHub then). */
function webUrl(address) {
    try {
        const url = new URL(address);
        return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
    } catch (e) {
        return null;
    }
}

/**
 * The ?sso_url= only when it is on GitHub's own site (scheme, host and port of GITHUB_URL) without a user part: the
 * server sends no other, and anyone can make a link to this page with any parameters.
 */
function onGitHub(address, gitHub) {
    if (!address || !gitHub) {
        return null;
    }
    try {
        const url = new URL(address);
        return url.origin === gitHub && !url.username && !url.password ? url.href : null;
    } catch (e) {
        return null;
    }
}

function paragraph(...parts) {
    const made = document.createElement("p");
    made.append(...parts);
    return made;
}

function item(text) {
    const made = document.createElement("li");
    made.textContent = text;
    return made;
}

function link(id, href, text) {
    const made = document.createElement("a");
    made.id = id;
    made.href = href;
    made.textContent = text;
    made.rel = "noopener noreferrer";
    return made;
}

/**
 * The ?error= code of this page's address and the ?sso_url= it may come with, taken out of the address bar so a
 * reload does not show them again.
 */
export function takeError() {
    const params = new URLSearchParams(location.search);
    const code = params.get("error");
    const ssoUrl = params.get("sso_url");
    if (code || ssoUrl) {
        params.delete("error");
        params.delete("sso_url");
        const rest = params.toString();
        history.replaceState(null, "", location.pathname + (rest ? "?" + rest : ""));
    }
    return {code, ssoUrl};
}
