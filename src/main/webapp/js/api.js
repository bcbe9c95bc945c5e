// Calls to Latchkey from its own pages: the session is the HttpOnly cookie, so no token is ever read or kept here.

export class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

const UNREACHABLE = "Latchkey cannot be reached. Check your connection and try again.";

async function call(method, path, body) {
    const options = {method, credentials: "include", headers: {Accept: "application/json"}};
    if (body !== undefined) {
        options.headers["Content-Type"] = "application/json";
        options.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, options);
    } catch (e) {
        throw new ApiError(0, UNREACHABLE);
    }
    if (!response.ok) {
        throw new ApiError(response.status, await problemDetail(response));
    }
    return response;
}

async function problemDetail(response) {
    try {
        const problem = await response.json();
        if (problem && problem.detail) {
            return problem.detail;
        }
    } catch (e) {
        // not JSON: fall through to a generic message
    }
    return `The request failed (HTTP ${response.status}). Please try again.`;
}

/** A JSON answer, parsed. */
export async function api(method, path, body) {
    const response = await call(method, path, body);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

/** A call whose answer body is not read: sign-ins answer with the token, which stays out of JavaScript. */
export async function send(method, path, body) {
    const response = await call(method, path, body);
    if (response.body) {
        await response.body.cancel();
    }
}

/** Runs task with the button disabled and showing progress, so a request cannot be sent twice. */
export async function busy(button, task) {
    if (button.disabled) {
        return;
    }
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    button.textContent = button.dataset.busy || "Working…";
    try {
        await task();
    } finally {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        button.textContent = label;
    }
}

export function show(id, text) {
    const element = document.getElementById(id);
    element.textContent = text;
    element.hidden = !text;
}

export function clear(...ids) {
    ids.forEach(id => show(id, ""));
}

export function when(instant) {
    if (!instant) {
        return "never";
    }
    const date = new Date(instant);
    return isNaN(date) ? instant : date.toLocaleString();
}

export function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) {
        made.className = className;
    }
    if (text !== undefined && text !== null) {
        made.textContent = text;
    }
    return made;
}

export async function signOut(button) {
    await busy(button, async () => {
        try {
            await send("POST", "/auth/logout");
        } finally {
            location.assign("/?signed_out=1");
        }
    });
}
