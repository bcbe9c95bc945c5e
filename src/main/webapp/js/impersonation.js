// The banner an admin sees while acting as another user, and the way back to their own session.
import {busy, send, show} from "./api.js";

function describe(actor) {
    if (!actor) {
        return "an admin";
    }
    if (typeof actor !== "object") {
        return "admin #" + actor;
    }
    return actor.github_username || actor.login || actor.email || actor.name || "admin #" + actor.id;
}

export function showImpersonation(me) {
    const banner = document.getElementById("impersonation-banner");
    if (!me.impersonated_by) {
        banner.hidden = true;
        return;
    }
    const who = me.github_username || me.email || me.name || "user #" + me.id;
    document.getElementById("impersonation-text").textContent =
        `You (${describe(me.impersonated_by)}) are impersonating ${who}. What you do here is done as them.`;
    banner.hidden = false;
    const button = document.getElementById("stop-impersonating");
    button.addEventListener("click", () => busy(button, async () => {
        try {
            await send("POST", "/auth/stop-impersonating");
            location.assign("/admin.html");
        } catch (e) {
            show("impersonation-error", e.message);
        }
    }));
}
