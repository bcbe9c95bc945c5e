// The signed-in page: profile, sign-in methods (linking GitHub after signing in again when the sign-in is old), GitHub
// scopes, sessions, recent activity, and signing out.
import {api, busy, clear, element, send, show, signOut, when, ApiError} from "./api.js";
import {ORGANIZATION_CODES, showError, takeError} from "./errors.js";
import {showImpersonation} from "./impersonation.js";
import {listOf} from "./lists.js";

const error = takeError();
let currentSessionId = null;

async function start() {
    let me;
    try {
        me = await api("GET", "/auth/me");
    } catch (e) {
        backToSignIn(e);
        return;
    }
    showProfile(me);
    showImpersonation(me);
    showAdminLink(me);
    if (error.code) {
        // Linking a GitHub account the organization gate refuses: say who may link, as the sign-in page does.
        const providers = ORGANIZATION_CODES.includes(error.code)
            ? await api("GET", "/auth/providers").catch(() => null) : null;
        showError("methods-error", error.code, providers, error.ssoUrl);
    }
    await Promise.all([showMethods(me), showSessions(), showAudit()]);
    document.getElementById("main").removeAttribute("aria-busy");
}

function backToSignIn(error) {
    if (error.status === 401) {
        sessionStorage.setItem("latchkey.signin-reason", "Please sign in to continue.");
    } else {
        sessionStorage.setItem("latchkey.signin-problem", error.message);
    }
    location.replace("/");
}

function showProfile(me) {
    const name = me.name || me.github_username || me.email || "Your account";
    document.getElementById("profile-name").textContent = name;
    show("profile-login", me.github_username ? "@" + me.github_username : "");
    show("profile-email", me.email || "");
    document.getElementById("avatar-fallback").textContent = name.trim().charAt(0).toUpperCase();
    const avatar = document.getElementById("avatar");
    if (me.avatar_url) {
        // An avatar that cannot load (offline, blocked by the page's policy) leaves the initial in its place.
        avatar.addEventListener("load", () => {
            avatar.hidden = false;
            document.getElementById("avatar-fallback").hidden = true;
        });
        avatar.alt = "Avatar of " + name;
        avatar.src = me.avatar_url;
    }
}

async function showAdminLink(me) {
    let admin = me.role === "admin";
    if (me.role === undefined && !me.impersonated_by) {
        admin = await api("GET", "/admin/users?size=1").then(() => true, () => false);
    }
    document.getElementById("admin-link").hidden = !admin;
}

async function showMethods(me) {
    const list = document.getElementById("methods");
    list.replaceChildren();
    let accounts = [];
    try {
        accounts = (await api("GET", "/auth/accounts")).accounts;
    } catch (e) {
        show("methods-error", e.message);
    }
    const github = accounts.find(a => a.provider === "github");
    const password = accounts.find(a => a.provider === "password");
    if (github) {
        // GitHub's address shows here; the account's own email stays in the profile.
        const address = github.email ? " (" + github.email + ")" : "";
        list.append(element("li", "method", "GitHub: @" + github.login + address));
    }
    if (password) {
        list.append(element("li", "method", "Email and password: " + password.email));
    }
    const providers = await api("GET", "/auth/providers").catch(() => ({github: false}));
    const canLink = !github && providers.github && !me.impersonated_by;
    document.getElementById("link-github").hidden = !canLink;
    document.getElementById("reconnect-github").hidden = !github || Boolean(me.impersonated_by);
    document.getElementById("unlink-github").hidden = !(github && password) || Boolean(me.impersonated_by);
    offerSignInAgain(canLink && error.code === "sign_in_again" ? password : null);
    // An admin acting as the user never reaches the user's GitHub token, which the scope report needs.
    await showScopes(Boolean(github) && !me.impersonated_by);
}

/** Linking needs a recent sign-in: the password, then straight on to GitHub, without leaving this page. */
function offerSignInAgain(password) {
    const form = document.getElementById("reauth-form");
    form.hidden = !password;
    if (password) {
        // The form says it all, and stands in for the Link GitHub button until the password is in.
        clear("methods-error");
        document.getElementById("link-github").hidden = true;
        form.email.value = password.email;
        form.password.focus();
    }
}

async function signInAgainThenLink(form) {
    await busy(form.querySelector("button[type=submit]"), async () => {
        clear("reauth-error");
        const replaced = currentSessionId;
        try {
            await send("POST", "/auth/login", {email: form.email.value, password: form.password.value});
        } catch (e) {
            show("reauth-error", e.message);
            form.password.focus();
            return;
        }
        // The new sign-in replaced this browser's cookie: the old session is of no use to anyone any more.
        if (replaced) {
            await send("DELETE", "/auth/sessions/" + encodeURIComponent(replaced)).catch(() => {});
        }
        location.assign(document.getElementById("link-github").getAttribute("href"));
    });
}

async function showScopes(linked) {
    const section = document.getElementById("scopes-section");
    section.hidden = !linked;
    if (!linked) {
        return;
    }
    try {
        const scopes = await api("GET", "/auth/github/scopes");
        document.getElementById("scopes-granted").textContent = scopes.granted.join(", ") || "none";
        const missing = scopes.missing.length ? scopes.missing.join(", ") + " (reconnect to grant)" : "none";
        document.getElementById("scopes-missing").textContent = missing;
    } catch (e) {
        show("scopes-error", e.message);
    }
}

async function showSessions() {
    const list = document.getElementById("sessions");
    try {
        const sessions = await api("GET", "/auth/sessions");
        currentSessionId = (sessions.find(session => session.current) || {}).id || null;
        list.replaceChildren(...sessions.map(sessionRow));
        document.getElementById("end-others").hidden = sessions.length < 2;
    } catch (e) {
        show("sessions-error", e.message);
    }
}

function sessionRow(session) {
    const row = element("li", "session" + (session.current ? " current" : ""));
    row.dataset.sessionId = session.id;
    const device = element("span", "device", session.impersonation ? "An admin acting as you"
        : deviceName(session.user_agent));
    device.title = session.user_agent || "";
    if (session.current) {
        device.append(" ", element("strong", "badge this-device", "This device"));
    }
    // An admin's address and browser are theirs, not the user's: the list leaves them out.
    const from = session.impersonation ? "" : ` from ${session.ip_address || "an unknown address"}`;
    const details = `Signed in ${when(session.created_at)}${from}; last seen ${when(session.last_seen_at)}`;
    const end = element("button", "end-session", session.current ? "End (sign out)" : "End session");
    end.type = "button";
    end.dataset.busy = "Ending…";
    end.setAttribute("aria-label", session.current ? "End this device's session and sign out"
        : `End the session of ${deviceName(session.user_agent)} from ${when(session.created_at)}`);
    end.addEventListener("click", () => endSession(end, session));
    row.append(device, element("span", "muted details", details), end);
    return row;
}

const BROWSERS = [["Edg/", "Edge"], ["OPR/", "Opera"], ["Firefox/", "Firefox"], ["Chrome/", "Chrome"],
    ["Safari/", "Safari"]];
const SYSTEMS = [["Android", "Android"], ["iPhone", "iPhone"], ["iPad", "iPad"], ["Windows", "Windows"],
    ["Mac OS X", "macOS"], ["Linux", "Linux"]];

/** "Chrome on Linux" from a user agent; anything unrecognised is shown as it is. */
function deviceName(userAgent) {
    if (!userAgent) {
        return "Unknown device";
    }
    const browser = BROWSERS.find(([marker]) => userAgent.includes(marker));
    const system = SYSTEMS.find(([marker]) => userAgent.includes(marker));
    return browser ? browser[1] + (system ? " on " + system[1] : "") : userAgent;
}

async function endSession(button, session) {
    await busy(button, async () => {
        clear("sessions-error", "sessions-status");
        try {
            await send("DELETE", "/auth/sessions/" + encodeURIComponent(session.id));
        } catch (e) {
            show("sessions-error", e.message);
            return;
        }
        if (session.current) {
            location.assign("/?signed_out=1");
            return;
        }
        show("sessions-status", "Session ended.");
        await showSessions();
    });
}

async function endOthers(button) {
    await busy(button, async () => {
        clear("sessions-error", "sessions-status");
        try {
            const answer = await api("POST", "/auth/sessions/revoke-others");
            show("sessions-status", `Ended ${answer.revoked} other session${answer.revoked === 1 ? "" : "s"}.`);
        } catch (e) {
            show("sessions-error", e.message);
        }
        await showSessions();
    });
}

async function unlinkGitHub(button) {
    await busy(button, async () => {
        clear("methods-error", "methods-status");
        try {
            await send("DELETE", "/auth/accounts/github");
            show("methods-status", "GitHub was unlinked.");
        } catch (e) {
            show("methods-error", e.message);
        }
        await showMethods(await api("GET", "/auth/me"));
    });
}

async function showAudit() {
    const list = document.getElementById("audit");
    try {
        const events = listOf(await api("GET", "/auth/audit"), "events");
        list.replaceChildren(...events.slice(0, 20).map(auditRow));
        if (!events.length) {
            show("audit-error", "No activity yet.");
        }
    } catch (e) {
        show("audit-error", e.status === 404 ? "Activity is not available on this server." : e.message);
    }
}

function auditRow(event) {
    const type = String(event.type || "event").replace(/_/g, " ");
    const detail = event.detail || {};
    const reason = detail.reason;
    const outcome = event.type === "sign_in_failed" || reason ? " — " + (reason || "failed") : "";
    const at = when(event.occurred_at);
    const where = event.ip_address ? " from " + event.ip_address : "";
    return element("li", "audit-event", `${at}: ${type}${outcome}${gitHubNamed(event.type, detail)}${where}`);
}

/** The GitHub account an event names: the one linked, or (securing the account) the one linked at that moment. */
function gitHubNamed(type, detail) {
    if (type === "account_linked" && detail.login) {
        return ": GitHub @" + detail.login;
    }
    if (!("github_login" in detail)) {
        return "";
    }
    return detail.github_login ? ` (linked GitHub: @${detail.github_login})` : " (no GitHub linked)";
}

document.getElementById("signout").addEventListener("click", event => signOut(event.currentTarget));
document.getElementById("end-others").addEventListener("click", event => endOthers(event.currentTarget));
document.getElementById("unlink-github").addEventListener("click", event => unlinkGitHub(event.currentTarget));
document.getElementById("reauth-form").addEventListener("submit", event => {
    event.preventDefault();
    signInAgainThenLink(event.currentTarget);
});
start().catch(e => show("page-error", e instanceof ApiError ? e.message : "Something went wrong: " + e.message));
