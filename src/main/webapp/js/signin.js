// The sign-in page: GitHub, email and password (sign in or register), and a personal access token.
import {api, busy, clear, send, show, ApiError} from "./api.js";
import {showError, takeError} from "./errors.js";

const ACCOUNT = "/account.html";
const error = takeError();

async function start() {
    if (await signedIn()) {
        // A refused link comes back here: the account page explains it.
        const params = new URLSearchParams();
        if (error.code) {
            params.set("error", error.code);
        }
        if (error.ssoUrl) {
            params.set("sso_url", error.ssoUrl);
        }
        const query = params.toString();
        location.replace(ACCOUNT + (query ? "?" + query : ""));
        return;
    }
    if (new URLSearchParams(location.search).has("signed_out")) {
        show("page-status", "You are signed out.");
    }
    const reason = sessionStorage.getItem("latchkey.signin-reason");
    if (reason) {
        sessionStorage.removeItem("latchkey.signin-reason");
        show("page-status", reason);
    }
    const problem = sessionStorage.getItem("latchkey.signin-problem");
    if (problem) {
        sessionStorage.removeItem("latchkey.signin-problem");
        show("page-error", problem);
    }
    const providers = await showProviders();
    if (error.code) {
        const github = !document.getElementById("github-section").hidden;
        showError(github ? "github-error" : "login-error", error.code, providers, error.ssoUrl);
    }
}

async function signedIn() {
    try {
        await api("GET", "/auth/me");
        return true;
    } catch (e) {
        return false;
    }
}

async function showProviders() {
    try {
        const providers = await api("GET", "/auth/providers");
        document.getElementById("github-section").hidden = !providers.github;
        document.getElementById("pat-section").hidden = providers.pat === false;
        document.getElementById("register-section").hidden = providers.registration === false;
        return providers;
    } catch (e) {
        show("login-error", e.message);
        return null;
    }
}

function onSubmit(formId, errorId, path, body) {
    const form = document.getElementById(formId);
    form.addEventListener("submit", event => {
        event.preventDefault();
        const button = form.querySelector("button[type=submit]");
        busy(button, async () => {
            clear(errorId);
            try {
                await send("POST", path, body(form));
                location.assign(ACCOUNT);
            } catch (e) {
                show(errorId, e instanceof ApiError ? e.message : String(e));
                form.querySelector("input:not([type=hidden])").focus();
            }
        });
    });
}

onSubmit("login-form", "login-error", "/auth/login", form => ({
    email: form.email.value.trim(), password: form.password.value
}));
onSubmit("register-form", "register-error", "/auth/register", form => ({
    email: form.email.value.trim(), password: form.password.value, name: form.name.value.trim()
}));
onSubmit("pat-form", "pat-error", "/auth/pat-signin", form => ({token: form.token.value.trim()}));

start();
