// Runs before the static first paint (index.html's #shell): index.html
// loads it right after #shell, without defer. Three things that need
// localStorage before the wasm arrives:
// 1. The shell in the language chosen last time. The shell is written in
//    Chinese, the default; someone who chose English would otherwise read
//    Chinese until the wasm mounts (seconds on a slow phone). Each English
//    word is a data-en attribute of its element (the words are src/i18n's:
//    tests/shell.rs).
// 2. The words of that language: a chunk per language (src/i18n/words.rs)
//    the page fetches before it mounts (src/ui/mod.rs, `mount`), so its
//    download starts now, beside the wasm's, and only that language's.
// 3. A returning visit (storage holds drafts: a key `xieshang.draft…`, as
//    `store::holds_drafts` asks): the page also fetches the chunk that reads
//    drafts before it mounts, so it is preloaded too.
// The post-build hook names those chunks and the shared chunks they need in
// <meta name=xieshang-words-zh|en> and <meta name=xieshang-read>.
(() => {
  let lang = null;
  let drafts = false;
  try {
    lang = localStorage.getItem('xieshang.lang');
    for (let i = 0; i < localStorage.length && !drafts; i++) drafts = (localStorage.key(i) ?? '').startsWith('xieshang.draft');
  } catch (_) {
    // storage blocked: the default language and no drafts, as the app will do
  }
  const en = lang === 'en';
  const preload = (name) => {
    const meta = document.querySelector(`meta[name=${name}]`);
    for (const href of (meta?.content ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.type = 'application/wasm';
      link.href = `./${href}`;
      document.head.append(link);
    }
  };
  preload(en ? 'xieshang-words-en' : 'xieshang-words-zh');
  if (drafts) preload('xieshang-read');
  if (!en) return;
  document.documentElement.lang = 'en';
  for (const e of document.querySelectorAll('#shell [data-en]')) e.textContent = e.dataset.en;
  for (const e of document.querySelectorAll('#shell [data-en-label]')) e.setAttribute('aria-label', e.dataset.enLabel);
  const title = document.querySelector('#shell h1');
  if (title) document.title = title.textContent;
})();
