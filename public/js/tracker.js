/*! Partnerloop tracker. Docs: docs/tracker.md
 * <script async src="https://APP/js/tracker.js" data-program-id="PROGRAM_ID"></script>
 * Hand-written ES2017, no build step, no dependencies. Never throws into the host page. */
((w, d) => {
  if (w.partnerloop && w.partnerloop.loaded) return; // included twice

  const COOKIE = "partnerloop_click_id";
  const AFFITOR_COOKIE = "affitor_click_id"; // same value, for pages written against Affitor's snippet
  const SESSION_KEY = "partnerloop_session_id"; // sessionStorage, only with consent
  const TRACKED_KEY = "partnerloop_tracked_url"; // sessionStorage: a reload does not count twice

  // Our own <script>: currentScript while running (also when async), else search by src
  // (/js/affitor-tracker.js is the same file, served for Affitor's snippet).
  const me = d.currentScript || d.querySelector('script[src*="/js/tracker.js"],script[src*="/js/affitor-tracker.js"]');
  // data-NAME, data-partnerloop-NAME or Affitor's data-affitor-NAME
  const attr = (name) =>
    (me && ["data-", "data-partnerloop-", "data-affitor-"].map((p) => me.getAttribute(p + name)).find((v) => v)) || null;
  const programId = attr("program-id");
  const debug = attr("debug") === "true";
  let consent = attr("consent") !== "false";
  // Referral parameter names to look for; the server resolves the program's real ones from the URL.
  const params = (attr("params") || "aff,via,ref,r,a").split(",").map((p) => p.trim());
  let base = ""; // API base: the folder above /js/ of our own src (works behind a path prefix too)
  try {
    base = new URL("../", me.src).href;
  } catch (e) {
    /* reported below */
  }

  const log = (...args) => debug && w.console && console.log("[partnerloop]", ...args);

  const readCookie = (name) => {
    const match = d.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    try {
      return match ? decodeURIComponent(match[1]) : null;
    } catch (e) {
      return null; // a malformed cookie is no click
    }
  };
  const writeCookie = (name, value, days) => {
    d.cookie =
      `${name}=${encodeURIComponent(value)}; path=/; max-age=${Math.round(days * 86400)}; ` +
      `SameSite=Lax${location.protocol === "https:" ? "; Secure" : ""}`;
  };

  // sessionStorage get (no value) or set; blocked storage is not an error.
  const session = (key, value) => {
    try {
      if (value === undefined) return sessionStorage.getItem(key) || undefined;
      sessionStorage.setItem(key, value);
    } catch (e) {
      /* blocked */
    }
    return value;
  };
  const sessionId = () =>
    session(SESSION_KEY) ||
    session(SESSION_KEY, Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(""));

  // POST JSON; resolves with the body, rejects with the server's message.
  const post = async (path, body) => {
    const res = await fetch(base + "api/v1/track/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partnerloop-Tracker": "1" },
      body: JSON.stringify(body),
      credentials: "omit",
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok || data.success === false) throw new Error(data.message || "HTTP " + res.status);
    return data;
  };

  // 1 + 2: a referral visit → click, cookie, optional clean-up of the address bar.
  const trackClick = async () => {
    const href = location.href;
    const url = new URL(href);
    if (!params.some((p) => p && url.searchParams.get(p))) return log("no referral parameter");
    if (consent && session(TRACKED_KEY) === href && readCookie(COOKIE)) return log("click already tracked in this session");
    const body = {
      affiliate_url: href,
      page_url: href,
      page_title: d.title,
      referrer_url: d.referrer || undefined,
      program_id: programId,
      consent,
      existing_click_id: readCookie(COOKIE) || undefined,
    };
    if (consent) {
      // without consent, nothing that could single the visitor out
      Object.assign(body, {
        session_id: sessionId(),
        screen_resolution: screen.width + "x" + screen.height,
        viewport_size: innerWidth + "x" + innerHeight,
        language: navigator.language,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    }
    log("click", body);
    try {
      const data = await post("click", body);
      const days = data.cookie_window_days || 60;
      writeCookie(COOKIE, data.click_id, days);
      writeCookie(AFFITOR_COOKIE, data.click_id, days);
      if (consent) session(TRACKED_KEY, href);
      log("click tracked:", data.click_id, "partner", data.partner_code, days, "days");
      const cleanup = (data.cleanup_params || []).filter((p) => url.searchParams.has(p));
      if (cleanup.length) {
        for (const p of cleanup) url.searchParams.delete(p);
        history.replaceState(history.state, "", url.href);
        log("removed", cleanup, "from the address bar");
      }
    } catch (e) {
      log("click not tracked:", e.message);
    }
  };

  // 3: install heartbeat, once per page load (origin + path only).
  const heartbeat = () =>
    post("verify", { program_id: programId, page_url: location.origin + location.pathname }).then(
      () => log("install verified"),
      (e) => log("heartbeat failed:", e.message),
    );

  let ready = Promise.resolve();

  // 4 + 5: calls that need the visitor's click; they wait for a click in flight and always
  // resolve (never reject) with { success, message, ... }.
  const withClick = async (name, body) => {
    try {
      await ready;
      const clickId = readCookie(COOKIE);
      if (!clickId) {
        log(name + ": no partner click, nothing to attribute (nothing sent)");
        return { success: false, message: "No partner click: nothing to attribute" };
      }
      const data = await post(name, Object.assign({ program_id: programId, click_id: clickId }, body));
      log(name + ":", data.message);
      return data;
    } catch (e) {
      log(name + " failed:", e.message);
      return { success: false, message: e.message };
    }
  };

  const api = {
    loaded: true,
    clickId: () => readCookie(COOKIE),
    setConsent: (value) => {
      consent = value !== false; // applies to clicks from now on; nothing is re-sent
      log("consent", consent);
    },
    signup: (customerKey, email) => withClick("signup", { customer_key: customerKey, email }),
    checkout: (cartId, cartToken) =>
      withClick("checkout", { cart_id: typeof cartId === "number" ? String(cartId) : cartId, cart_token: cartToken || undefined }),
  };

  // Calls queued by a stub (window.partnerloop = { q: [["setConsent", false], ...] }) before we loaded.
  const queue = (w.partnerloop && Array.isArray(w.partnerloop.q) && w.partnerloop.q) || [];
  const run = (entry) => {
    try {
      if (Array.isArray(entry) && typeof api[entry[0]] === "function") api[entry[0]](...entry.slice(1));
    } catch (e) {
      log(e);
    }
  };
  w.partnerloop = api;
  if (w.affitor === undefined) w.affitor = api; // Affitor snippet compatibility

  try {
    if (!programId || !base) throw new Error("data-program-id is missing on the tracker's script tag");
    queue.filter((e) => Array.isArray(e) && e[0] === "setConsent").forEach(run); // before the click is sent
    log("loaded: program", programId, "api", base, "consent", consent);
    ready = trackClick().catch(log);
    heartbeat();
    queue.filter((e) => !Array.isArray(e) || e[0] !== "setConsent").forEach(run);
  } catch (e) {
    log("disabled:", e.message);
    api.signup = api.checkout = () => Promise.resolve({ success: false, message: e.message });
  }
})(window, document);
