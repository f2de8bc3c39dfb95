// Registers the service worker (sw.js, scope ./: works under any sub-path)
// and tells the page when a newer build is waiting. Registration failure
// (no service workers, plain http, blocked) is silent: the app then simply
// needs the network, as before.
//
// The page's side (no inline script under the CSP, so events, not calls):
//   - when a newer build is waiting: <html data-update-waiting> is set and
//     window receives the event 'xieshang-update-waiting';
//   - to switch to it: window.dispatchEvent(new Event('xieshang-apply-update'))
//     activates it and reloads the page once it has taken over.
// A waiting build that this page already runs (its index.html came fresh
// from the network) takes over silently: nothing changes for the user.
(() => {
  const container = navigator.serviceWorker;
  if (!container) return;
  let applying = false;

  /** The absolute URLs of every file the worker's build caches. */
  const filesOf = (worker) =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(Array.isArray(e.data) ? e.data : []);
      worker.postMessage({ type: 'files' }, [channel.port2]);
    });

  /** The files this page loaded (scripts, styles, wasm, icons, manifest). */
  const pageFiles = () => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href);

  async function check(registration) {
    const worker = registration.waiting;
    if (!worker || !container.controller) return;
    const files = await filesOf(worker);
    if (pageFiles().every((f) => files.includes(f))) {
      worker.postMessage({ type: 'skip-waiting' });
      return;
    }
    document.documentElement.setAttribute('data-update-waiting', '');
    window.dispatchEvent(new Event('xieshang-update-waiting'));
  }

  window.addEventListener('xieshang-apply-update', () => {
    container.getRegistration().then(
      (registration) => {
        if (!registration?.waiting) return location.reload();
        applying = true;
        registration.waiting.postMessage({ type: 'skip-waiting' });
      },
      () => location.reload(),
    );
  });
  container.addEventListener('controllerchange', () => {
    if (applying) location.reload();
  });

  /**
   * Once the page is loaded and drawn (its <main> no longer aria-busy), or
   * 20 s after load at the latest: installing the worker downloads every
   * file of the build, which on a slow link must not share the bandwidth
   * with what the page itself still fetches to draw (the wasm, the chunk
   * below the results).
   */
  function whenDrawn(then) {
    let done = false;
    const drawn = () => document.querySelector('main:not([aria-busy])');
    const observer = new MutationObserver(() => drawn() && go());
    const timer = setTimeout(() => go(), 20000);
    function go() {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      then();
    }
    if (drawn()) return go();
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  }

  window.addEventListener('load', () => whenDrawn(() => {
    container.register('sw.js', { scope: './' }).then((registration) => {
      if (!registration) return; // some embedders block workers this way
      check(registration);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') check(registration);
        });
      });
      // An installed app stays open for days: look for a release on return.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    }, () => {});
  }));
})();
