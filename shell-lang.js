// The static first paint (index.html's #shell) in the language chosen last
// time. The shell is written in Chinese, the default; someone who chose
// English would otherwise read Chinese until the wasm mounts (seconds on a
// slow phone). Each English word is a data-en attribute of its element (the
// words are src/i18n's: tests/shell.rs). Runs before the shell is painted:
// index.html loads it right after #shell, without defer.
(() => {
  let lang = null;
  try {
    lang = localStorage.getItem('xieshang.lang');
  } catch (_) {
    return; // storage blocked: the default language, as the app will do
  }
  if (lang !== 'en') return;
  document.documentElement.lang = 'en';
  for (const e of document.querySelectorAll('#shell [data-en]')) e.textContent = e.dataset.en;
  for (const e of document.querySelectorAll('#shell [data-en-label]')) e.setAttribute('aria-label', e.dataset.enLabel);
  const title = document.querySelector('#shell h1');
  if (title) document.title = title.textContent;
})();
