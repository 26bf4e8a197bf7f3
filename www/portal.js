// The portal's own page script, as such sites have: print/close links, the
// 字号 [大 中 小] widget and a view counter. It stands for the host page's code
// that must keep working while the reading view is open.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a');
    if (!link) return;
    if (link.dataset.portal === 'print') { event.preventDefault(); window.print(); }
    if (link.dataset.portal === 'close') { event.preventDefault(); window.close(); }
    if (link.dataset.size) {
      event.preventDefault();
      document.getElementById('zoom').style.fontSize = link.dataset.size + 'px';
    }
  });
  var hits = document.getElementById('hits');
  if (hits) hits.textContent = '1024';
})();
