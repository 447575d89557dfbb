// The dashboard's one way to the server: JSON over the same origin, the session cookie sent by the
// browser, the CSRF token on every state-changing request (docs/api.md). Errors become ApiError
// with the server's Dutch message (`{"fout": …}`) and the HTTP status.
let csrfToken = null;
const cache = new Map(); // GET answers that do not change within a session: indicatoren, regios

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

export function forget() {
  csrfToken = null;
  cache.clear();
}

// `params`: an object of query parameters; undefined, null and "" are left out.
export function url(path, params = {}) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, v);
  return u.pathname + u.search;
}

async function request(method, path, params, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(url(path, params), {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.");
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (!response.ok) {
    const message = answer && typeof answer.fout === "string" ? answer.fout : `De server antwoordde met status ${response.status}.`;
    throw new ApiError(response.status, message);
  }
  return answer;
}

export const get = (path, params) => request("GET", path, params);
export const post = (path, body) => request("POST", path, undefined, body ?? {});

export async function getCached(path, params) {
  const key = url(path, params);
  if (!cache.has(key)) cache.set(key, get(path, params).catch((e) => (cache.delete(key), Promise.reject(e))));
  return cache.get(key);
}
