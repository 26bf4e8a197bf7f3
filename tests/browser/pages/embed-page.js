// The page's own script on the embed test pages: it stands for a portal's
// code that must keep working while and after the reading view is shown.
// `aria` is the name Hanweb's header (fixture 07b) calls from its links'
// onclick: 关怀版 → aria.oldFixedStart(), 阅读辅助 → aria.start().
window.pageLog = [];
window.aria = {
  oldFixedStart() {
    window.pageLog.push('aria.oldFixedStart');
  },
  start() {
    window.pageLog.push('aria.start');
  },
};
document.addEventListener('click', (event) => {
  window.pageLog.push(`click ${event.target.localName}`);
});
