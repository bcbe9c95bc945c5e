// The admin users page: search, role change, ban and unban with a reason, ending sessions, impersonation.
import {api, busy, clear, send, show, signOut} from "./api.js";
import {listOf} from "./lists.js";

const SIZE = 20;
let query = "";
let page = null;

async function load(wantedPage) {
    clear("page-error");
    const params = new URLSearchParams({query, size: String(SIZE)});
    if (wantedPage !== null) {
        params.set("page", String(wantedPage));
    }
    let answer;
    try {
        answer = await api("GET", "/admin/users?" + params);
    } catch (e) {
        if (e.status === 401) {
            sessionStorage.setItem("latchkey.signin-reason", "Please sign in as an admin to manage users.");
            location.replace("/");
            return;
        }
        show("page-error", e.message);
        return;
    }
    const users = listOf(answer, "users");
    page = answer && typeof answer.page === "number" ? answer.page : (wantedPage ?? 0);
    document.getElementById("users").replaceChildren(...users.map(userRow));
    show("users-status", users.length ? "" : "No users match.");
    showPager(answer, users.length);
}

function showPager(answer, count) {
    const total = answer && (answer.total ?? answer.total_elements ?? answer.totalElements);
    const first = answer && answer.page === 1 && total !== undefined ? 1 : 0;
    const more = total !== undefined ? (page - first + 1) * SIZE < total : count === SIZE;
    document.getElementById("previous-page").hidden = page <= first;
    document.getElementById("next-page").hidden = !more;
    document.getElementById("page-number").textContent = more || page > first ? "Page " + (page - first + 1) : "";
}

function banOf(user) {
    const ban = user.ban && typeof user.ban === "object" ? user.ban : {};
    const banned = user.banned === true || Boolean(user.banned_at) || Boolean(user.ban);
    return {banned, reason: user.ban_reason || ban.reason || "", until: user.ban_expires_at || ban.expires_at};
}

function userRow(user) {
    const row = document.getElementById("user-row").content.firstElementChild.cloneNode(true);
    const login = user.github_username || user.login || "";
    const label = login || user.email || user.name || "user #" + user.id;
    row.dataset.userId = user.id;
    row.dataset.login = login;
    row.dataset.email = user.email || "";
    row.querySelector(".user-name").textContent = user.name || label;
    row.querySelector(".user-login").textContent = login ? "@" + login : "";
    row.querySelector(".user-email").textContent = user.email || "";
    row.querySelector(".role").textContent = user.role || "user";
    const ban = banOf(user);
    row.querySelector(".banned").hidden = !ban.banned;
    row.querySelector(".ban-reason").textContent = ban.banned && ban.reason ? "Reason: " + ban.reason : "";
    row.querySelector(".ban").hidden = ban.banned;
    row.querySelector(".ban-reason-label").hidden = ban.banned;
    row.querySelector(".unban").hidden = !ban.banned;
    const select = row.querySelector(".role-select");
    select.value = user.role || "user";
    select.setAttribute("aria-label", "Role of " + label);
    row.querySelector(".ban-reason-input").setAttribute("aria-label", "Ban reason for " + label);
    for (const button of row.querySelectorAll("button")) {
        button.setAttribute("aria-label", button.textContent + " " + label);
    }
    wire(row, user, select);
    return row;
}

function wire(row, user, select) {
    const path = "/admin/users/" + encodeURIComponent(user.id);
    const act = (selector, task, done) => {
        const button = row.querySelector(selector);
        button.addEventListener("click", () => busy(button, async () => {
            const error = row.querySelector(".row-error");
            error.hidden = true;
            try {
                await task();
            } catch (e) {
                error.textContent = e.message;
                error.hidden = false;
                return;
            }
            await load(page);
            // After the reload, which resets the status line.
            show("users-status", done);
        }));
    };
    act(".save-role", () => send("POST", path + "/role", {role: select.value}), "Role changed.");
    act(".ban", () => {
        const reason = row.querySelector(".ban-reason-input").value.trim();
        return send("POST", path + "/ban", reason ? {reason} : {});
    }, "User banned; their sessions have ended.");
    act(".unban", () => send("POST", path + "/unban", {}), "User unbanned.");
    act(".end-sessions", () => send("DELETE", path + "/sessions"), "Their sessions have ended.");
    const impersonate = row.querySelector(".impersonate");
    impersonate.addEventListener("click", () => busy(impersonate, async () => {
        const error = row.querySelector(".row-error");
        try {
            await send("POST", path + "/impersonate", {});
            location.assign("/account.html");
        } catch (e) {
            error.textContent = e.message;
            error.hidden = false;
        }
    }));
}

document.getElementById("search-form").addEventListener("submit", event => {
    event.preventDefault();
    query = document.getElementById("search-query").value.trim();
    busy(document.getElementById("search-submit"), () => load(null));
});
document.getElementById("previous-page").addEventListener("click", () => load(page - 1));
document.getElementById("next-page").addEventListener("click", () => load(page + 1));
document.getElementById("signout").addEventListener("click", event => signOut(event.currentTarget));
load(null);
